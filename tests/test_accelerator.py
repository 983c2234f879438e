"""The simulated accelerator (grader._accelerator), in process: device mistakes raise torch's own
errors with a hint, and correct code runs exactly as on the CPU."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from grader._accelerator import HINTS, MISMATCH, NUMPY, hint_of, simulated
from grader.probing import describe_exception, exception_summary, run_probe

DEVICE = "cuda"


def _fails(body: Callable[[], Any], error: type[Exception], message: str) -> str:
    with pytest.raises(error) as caught, simulated():
        body()
    assert message in str(caught.value), str(caught.value)
    hint = hint_of(caught.value)
    assert hint, "the error carries a hint"
    return hint


def test_a_model_never_moved_is_named() -> None:
    def body() -> None:
        model = nn.Linear(3, 2)
        model(torch.randn(4, 3).to(DEVICE))

    assert _fails(body, RuntimeError, "Expected all tensors to be on the same device") == HINTS["parameter"]


def test_a_discarded_to_result_is_named() -> None:
    def body() -> None:
        model = nn.Linear(3, 2).to(DEVICE)
        inputs = torch.randn(4, 3)
        inputs.to(DEVICE)
        model(inputs)

    hint = _fails(body, RuntimeError, MISMATCH.format(first="cpu", second="cuda:0"))
    assert "`inputs = inputs.to(device)`" in hint


def test_a_helper_on_the_default_device_is_named() -> None:
    def body() -> None:
        x = torch.randn(4, 3, device=DEVICE)
        torch.cat([x, torch.zeros(1, 3)])

    assert "`torch.zeros(...)`" in _fails(body, RuntimeError, "found at least two devices, cuda:0 and cpu!")


def test_numpy_of_a_device_tensor_raises_torchs_type_error() -> None:
    def body() -> None:
        torch.ones(2).to(DEVICE).numpy()

    assert _fails(body, TypeError, NUMPY) == HINTS["numpy"]
    with pytest.raises(TypeError, match="can't convert cuda:0"), simulated():
        np.asarray(torch.ones(2).cuda())


def test_a_gradient_of_another_device_is_refused() -> None:
    def body() -> None:
        weight = torch.zeros(3, device=DEVICE, requires_grad=True)
        weight.grad = torch.tensor([1.0, 2.0, 3.0])

    assert "`torch.tensor(...)`" in _fails(body, RuntimeError, "attempting to assign a gradient with device type 'cpu'")


def test_the_hint_reaches_the_learners_summary() -> None:
    try:
        with simulated():
            nn.Linear(3, 2)(torch.randn(1, 3).cuda())
    except RuntimeError as error:
        summary = exception_summary(describe_exception(error, __file__))
    assert summary.startswith("RuntimeError: Expected all tensors to be on the same device") and summary.endswith(
        HINTS["parameter"]), summary


def test_code_sees_the_device_it_was_given() -> None:
    with simulated():
        x = torch.randn(2, 3).to(torch.device(DEVICE))
        model = nn.Linear(3, 1).cuda()
        weight = model.weight
        seen = (x.device, x.is_cuda, x.get_device(), model.weight.device, x.cpu().device, x.to(torch.float64).device,
                torch.zeros_like(x).device, x.new_ones(2).device, (x * 2).device, x[0].device, x.type())
    assert seen == (torch.device("cuda", 0), True, 0, torch.device("cuda", 0), torch.device("cpu"),
                    torch.device("cuda", 0), torch.device("cuda", 0), torch.device("cuda", 0), torch.device("cuda", 0),
                    torch.device("cuda", 0), "torch.cuda.FloatTensor")
    assert model.weight is weight, "Module.to keeps the Parameter objects"
    assert x.device == torch.device("cpu"), "outside the simulation the tensors are plain CPU tensors"


def test_to_returns_a_copy_of_a_cpu_tensor_and_self_on_the_device() -> None:
    with simulated():
        x = torch.randn(3)
        moved = x.to(DEVICE)
        assert moved is not x and torch.equal(moved.cpu(), x)
        assert moved.to(DEVICE) is moved and moved.cuda() is moved
        back = moved.cpu()
        assert back is not moved and back.device.type == "cpu"


def _train(model_factory: Callable[[], nn.Module], optimizer_factory: Callable[..., torch.optim.Optimizer],
           device: str, *, foreach: bool | None = None) -> list[torch.Tensor]:
    """A few steps of a small regression, in many styles: module.to, factories with device=x.device,
    *_like, F ops, a DataLoader's default collate, autograd through .to."""
    torch.manual_seed(0)
    data = TensorDataset(torch.randn(12, 4), torch.randn(12, 1))
    model = model_factory().to(device)
    options = {} if foreach is None else {"foreach": foreach}
    optimizer = optimizer_factory(model.parameters(), lr=0.05, **options)
    scale = torch.randn(4, requires_grad=True)
    seen = []
    for inputs, targets in DataLoader(data, batch_size=5):
        inputs, targets = inputs.to(device), targets.to(device)
        inputs = inputs * scale.to(device)
        optimizer.zero_grad()
        outputs = model(inputs)
        bias = torch.ones(outputs.shape[1], device=outputs.device) * 0.1
        loss = F.mse_loss(outputs + bias, targets) + torch.zeros_like(outputs).sum()
        loss.backward()
        optimizer.step()
        seen.append(loss.detach().cpu())
    seen.extend(p.detach().cpu() for p in model.parameters())
    seen.append(scale.grad.clone())
    return seen


@pytest.mark.parametrize("optimizer, foreach", [(torch.optim.SGD, False), (torch.optim.SGD, True),
                                                (torch.optim.Adam, None), (torch.optim.Adam, True)])
def test_correct_code_runs_bitwise_as_on_the_cpu(optimizer: Any, foreach: bool | None) -> None:
    def model() -> nn.Module:
        return nn.Sequential(nn.Linear(4, 6), nn.BatchNorm1d(6), nn.Tanh(), nn.Linear(6, 1))

    plain = _train(model, optimizer, "cpu", foreach=foreach)
    with simulated():
        on_device = _train(model, optimizer, DEVICE, foreach=foreach)
    assert len(plain) == len(on_device)
    for want, got in zip(plain, on_device):
        assert torch.equal(want, got)


def test_old_style_code_runs() -> None:
    class Old(nn.Module):
        def __init__(self) -> None:
            super(Old, self).__init__()
            self.weight = nn.Parameter(torch.Tensor(3).fill_(0.5))

        def forward(self, x: torch.Tensor) -> torch.Tensor:
            return x * self.weight

    with simulated():
        device = torch.device(DEVICE)
        model = Old()
        if device.type == "cuda":
            model.cuda()
        x = torch.autograd.Variable(torch.ones(2, 3)).cuda()
        out = model(x)
        out.sum().backward()
        model.weight.data -= 0.1 * model.weight.grad.data
        state = copy.deepcopy(model).state_dict()
        value = out.data.cpu().numpy()
    assert value.tolist() == [[0.5] * 3] * 2 and state["weight"].tolist() == pytest.approx([0.3] * 3)


def test_parameters_made_on_the_device_and_cpu_indices_are_accepted() -> None:
    with simulated():
        x = torch.randn(5, 3, device=DEVICE)
        weight = nn.Parameter(torch.zeros(3, device=x.device))
        picked = x[torch.tensor([0, 2])] + weight
        x[torch.tensor([1])] = 0.0
        scaled = x * torch.tensor(2.0)  # a 0-dim CPU tensor mixes with any device
        lengths = torch.tensor([3, 2])
        packed = nn.utils.rnn.pack_padded_sequence(x[:2, :, None], lengths, batch_first=True)
        padded, _ = nn.utils.rnn.pad_packed_sequence(packed, batch_first=True)
    assert picked.shape == (2, 3) and scaled.shape == (5, 3) and padded.shape == (2, 3, 1)


def test_run_probe_simulates_only_on_a_cpu_grader_and_pops_its_mode() -> None:
    def probe(module: Any, device: str) -> dict[str, Any]:
        return {"device": device, "seen": str(torch.ones(1, device=device).device)}

    assert run_probe(probe, None, "cpu", {}) == {"device": "cuda", "seen": "cuda:0"}
    assert run_probe(probe, None, "cpu", {"_real_device": True}) == {"device": "cpu", "seen": "cpu"}
    assert not torch._C._len_torch_function_stack()


@pytest.mark.skipif(torch.cuda.is_available(), reason="the simulator serves only machines without CUDA")
def test_a_checkpoint_loads_onto_the_simulated_device_as_onto_a_gpu(tmp_path) -> None:
    path = tmp_path / "checkpoint.pt"
    weights = torch.arange(6.0).reshape(2, 3)
    with simulated():
        model = nn.Linear(3, 2).to(DEVICE)
        torch.save({"weight": weights}, path)
        loaded = torch.load(path, map_location=DEVICE, weights_only=True)["weight"]
        model.weight.data.copy_(loaded)
        assert loaded.device == torch.device("cuda:0") and loaded.is_cuda, "map_location=device puts it on the device"
        assert torch.equal(model(torch.ones(1, 3, device=DEVICE)).cpu(), (weights.sum(1) + model.bias.cpu()).unsqueeze(0))
        with pytest.raises(RuntimeError, match="CUDA"):
            torch.load(path, map_location="cuda:1", weights_only=True)  # a device the machine does not have
    assert torch.equal(loaded, weights), "the values are those saved"
    with pytest.raises(RuntimeError, match="CUDA"):
        torch.load(path, map_location="cuda", weights_only=True)  # outside the simulator: torch's own error
