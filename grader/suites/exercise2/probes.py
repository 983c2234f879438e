"""Probes for exercise 2: the training loop, run on a small fixed network that logs every forward
call (mode, grad tracking, device), a loss function that logs its targets, and an SGD optimizer
that records the gradients it sees at each step."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.utils.data import DataLoader, TensorDataset

from grader.probing import generator, probe, require

FEATURES, HIDDEN, CLASSES = 5, 6, 3
SAMPLES, BATCH_SIZE = 10, 4  # batches of 4, 4 and 2: an unweighted mean of batch losses is wrong
STEP_BATCH = 6
STALE = 0.5  # what .grad holds before train_step in the stale-gradient check


class ProbeNet(nn.Module):
    """``fc2(tanh(norm(fc1(x))))`` with fixed weights; ``norm`` is a BatchNorm1d (so the output
    depends on the mode) or an identity. Each forward call is logged in ``self.calls``."""

    def __init__(self, seed: int, norm: bool) -> None:
        super().__init__()
        self.fc1 = nn.Linear(FEATURES, HIDDEN)
        # eps=0.5 keeps the gradients of a 2-sample batch tame (the results insensitive to rounding)
        self.norm: nn.Module = nn.BatchNorm1d(HIDDEN, eps=0.5) if norm else nn.Identity()
        self.fc2 = nn.Linear(HIDDEN, CLASSES)
        g = generator(seed)
        with torch.no_grad():
            for param in self.parameters():
                param.copy_(0.7 * torch.randn(param.shape, generator=g))
            if norm:
                self.norm.running_mean.copy_(0.5 * torch.randn(HIDDEN, generator=g))
                self.norm.running_var.copy_(torch.rand(HIDDEN, generator=g) + 0.5)
        self.calls: list[dict[str, Any]] = []

    def forward(self, x: Tensor) -> Tensor:
        self.calls.append({
            "training": self.training,
            "norm_training": self.norm.training,
            "grad_enabled": torch.is_grad_enabled(),
            "device": str(x.device),
            "batch": int(x.shape[0]) if x.dim() else 0,
        })
        return self.fc2(torch.tanh(self.norm(self.fc1(x))))


class RecordingLoss:
    """Mean cross-entropy, ``loss_fn(outputs, targets)``; logs each call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def __call__(self, outputs: Tensor, targets: Tensor) -> Tensor:
        require(
            not (isinstance(outputs, Tensor) and isinstance(targets, Tensor)
                 and not outputs.is_floating_point() and targets.is_floating_point()),
            "loss_fn received the targets first: call loss_fn(outputs, targets), the model's output first",
        )
        require(isinstance(outputs, Tensor) and isinstance(targets, Tensor),
                "loss_fn must be called with two tensors: loss_fn(outputs, targets)")
        loss = F.cross_entropy(outputs, targets)
        self.calls.append({
            "targets_device": str(targets.device),
            "outputs_device": str(outputs.device),
            "batch": int(targets.shape[0]) if targets.dim() else 0,
            "value": float(loss.detach()),
        })
        return loss


def recording_sgd(model: nn.Module, lr: float, momentum: float = 0.0, keep_grads: bool = True) -> tuple[torch.optim.SGD, list[Any]]:
    """An SGD optimizer over ``model`` and the list it fills, at each step, with the gradients it
    finds (``None`` for a parameter without one; only a count when not ``keep_grads``)."""
    params = list(model.parameters())
    optimizer = torch.optim.SGD(params, lr=lr, momentum=momentum)
    steps: list[Any] = []

    def record(_optimizer: Any, _args: Any, _kwargs: Any) -> None:
        if keep_grads:
            steps.append([None if p.grad is None else p.grad.detach().clone() for p in params])
        else:
            steps.append(None)

    optimizer.register_step_pre_hook(record)
    return optimizer, steps


def type_name(value: Any) -> str:
    kind = type(value)
    return kind.__name__ if kind.__module__ == "builtins" else f"{kind.__module__}.{kind.__name__}"


def describe_number(value: Any) -> dict[str, Any]:
    """What a function returned where a Python float was asked for."""
    info: dict[str, Any] = {"what": f"a {type_name(value)}", "is_float": isinstance(value, float), "value": None, "grad_fn": False}
    if value is None:
        info["what"] = "None"
    if isinstance(value, Tensor):
        info["grad_fn"] = value.grad_fn is not None
        info["what"] = f"a tensor of shape {tuple(value.shape)}"
        if value.numel() == 1:
            info["value"] = float(value.detach())
    elif isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        info["value"] = float(value)
    return info


def describe_array(value: Any) -> dict[str, Any]:
    """What predict returned: its type, dtype, shape and values (a NumPy array becomes a tensor)."""
    info: dict[str, Any] = {"type": type_name(value), "is_ndarray": isinstance(value, np.ndarray)}
    if isinstance(value, np.ndarray):
        info.update(dtype=str(value.dtype), shape=list(value.shape), values=None)
        if value.dtype.kind in "fiub":
            info["values"] = torch.from_numpy(np.array(value, copy=True))
    elif isinstance(value, Tensor):
        info.update(dtype=str(value.dtype).replace("torch.", ""), shape=list(value.shape), device=str(value.device),
                    values=value.detach().cpu(), grad_fn=value.grad_fn is not None)
    return info


def make_loader(seed: int) -> DataLoader:
    g = generator(seed)
    inputs = torch.randn(SAMPLES, FEATURES, generator=g)
    targets = torch.randint(0, CLASSES, (SAMPLES,), generator=g)
    return DataLoader(TensorDataset(inputs, targets), batch_size=BATCH_SIZE, shuffle=False)


def parameters(model: nn.Module) -> dict[str, Tensor]:
    return {name: param.detach().clone() for name, param in model.named_parameters()}


@probe
def train_steps(m: ModuleType, device: str, calls: int, stale: bool = False) -> dict[str, Any]:
    """``calls`` train_step calls on one model and a fresh batch each; what each call did."""
    model = ProbeNet(seed=11, norm=False).to(device)
    loss_fn = RecordingLoss()
    optimizer, steps = recording_sgd(model, lr=0.3)
    if stale:
        for param in model.parameters():
            param.grad = torch.full_like(param, STALE)
    g = generator(12)
    results = []
    for _ in range(calls):
        inputs = torch.randn(STEP_BATCH, FEATURES, generator=g).to(device)
        targets = torch.randint(0, CLASSES, (STEP_BATCH,), generator=g).to(device)
        seen = len(steps), len(model.calls), len(loss_fn.calls)
        returned = m.train_step(model, inputs, targets, loss_fn, optimizer)
        results.append({
            "returned": describe_number(returned),
            "steps": steps[seen[0]:],
            "forwards": len(model.calls) - seen[1],
            "losses": [call["value"] for call in loss_fn.calls[seen[2]:]],
            "params": [param.detach().clone() for param in model.parameters()],
            "grads_after": any(param.grad is not None and bool(param.grad.any()) for param in model.parameters()),
        })
    return {"names": [name for name, _ in model.named_parameters()], "calls": results}


@probe
def epoch(m: ModuleType, device: str, start_training: bool = False) -> dict[str, Any]:
    """One train_epoch over 10 samples in batches of 4, 4, 2, the model starting in eval mode."""
    model = ProbeNet(seed=21, norm=True).to(device)
    model.train(start_training)
    loss_fn = RecordingLoss()
    optimizer, steps = recording_sgd(model, lr=0.1, momentum=0.9, keep_grads=False)
    returned = m.train_epoch(model, make_loader(seed=22), loss_fn, optimizer, device)
    return {
        "returned": describe_number(returned),
        "forwards": model.calls,
        "losses": loss_fn.calls,
        "steps": len(steps),
        "params": parameters(model),
    }


@probe
def prediction(m: ModuleType, device: str, n: int = 7) -> dict[str, Any]:
    """predict on a model left in training mode, with inputs on the CPU."""
    model = ProbeNet(seed=31, norm=True).to(device)
    model.train()
    inputs = torch.randn(n, FEATURES, generator=generator(32))
    before = parameters(model)
    flags = {name: param.requires_grad for name, param in model.named_parameters()}
    returned = m.predict(model, inputs, device)
    return {
        "result": describe_array(returned),
        "forwards": model.calls,
        "changed": [name for name, param in model.named_parameters()
                    if param.shape != before[name].shape or not torch.equal(param.detach(), before[name])],
        "requires_grad_changed": [name for name, param in model.named_parameters() if param.requires_grad != flags[name]],
    }


@probe
def fitting(m: ModuleType, device: str, epochs: int) -> dict[str, Any]:
    """fit on a model built on the CPU in eval mode; what it returned and what the model saw."""
    model = ProbeNet(seed=41, norm=True)
    model.eval()
    loss_fn = RecordingLoss()
    optimizer, steps = recording_sgd(model, lr=0.1, momentum=0.9, keep_grads=False)
    returned = m.fit(model, make_loader(seed=42), loss_fn, optimizer, epochs, device)
    is_sequence = isinstance(returned, (list, tuple))
    return {
        "type": type_name(returned),
        "is_list": isinstance(returned, list),
        "items": [describe_number(item) for item in returned] if is_sequence else None,
        "forwards": model.calls,
        "steps": len(steps),
        "params": parameters(model),
        "devices": sorted({str(t.device) for t in [*model.parameters(), *model.buffers()]}),
    }
