"""Probes for exercise 8: they build small models on the device, run the learner's helpers on them
and report what they see as plain data (values, flags, hook counts, what was raised)."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import torch
import torch.nn.functional as F
from torch import nn

from grader.probing import attempt, generator, outcome, probe, require

# --------------------------------------------------------------------------------------- helpers


def fixed(*shape: int, seed: int, device: str, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """Seeded values, independent of the global random state, created on ``device``."""
    return torch.randn(*shape, generator=generator(seed), dtype=dtype).to(device)


def host(tensor: torch.Tensor) -> torch.Tensor:
    """A copy of ``tensor`` on the CPU, detached: what a probe reports, whatever the device."""
    return tensor.detach().cpu().clone()


def tensor_info(value: Any) -> dict[str, Any]:
    """A recorded value: the tensor itself (detached copy) and its autograd status, or its type."""
    if not isinstance(value, torch.Tensor):
        return {"is_tensor": False, "type": type(value).__name__}
    grad_fn = value.grad_fn
    return {
        "is_tensor": True,
        "value": host(value),
        "grad_fn": type(grad_fn).__name__ if grad_fn is not None else None,
        "requires_grad": bool(value.requires_grad),
    }


def plain(value: Any, depth: int = 0) -> Any:
    """A state dict (or anything in one) as plain data: dict keys as strings, tensors as they are,
    anything else as a short description."""
    if isinstance(value, torch.Tensor):
        return host(value)
    if value is None or type(value) in (bool, int, float, str):
        return value
    if depth < 6 and isinstance(value, dict):
        return {str(key): plain(item, depth + 1) for key, item in value.items()}
    if depth < 6 and isinstance(value, (list, tuple)):
        return [plain(item, depth + 1) for item in value]
    return {"<object>": type(value).__name__}


@contextlib.contextmanager
def temp_folder() -> Iterator[Path]:
    """A folder for checkpoint files, removed afterwards: in the worker, ``tempfile`` points into its
    scratch folder (the only place learner code may write); in the grader, the system's temp dir.
    (Checkpoints load onto the simulated accelerator through ``grader._accelerator``.)"""
    with tempfile.TemporaryDirectory(prefix="exercise8-") as folder:
        yield Path(folder)


# ----------------------------------------------------------------------------------- init_weights


class Zoo(nn.Module):
    """One of each: modules init_weights must set (Linear, BatchNorm1d) and must leave alone."""

    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(10, 6)
        self.conv = nn.Conv1d(6, 6, 3, padding=1)
        self.fc = nn.Linear(6, 8)
        self.bn = nn.BatchNorm1d(8)
        self.head = nn.Linear(8, 4)
        self.norm = nn.LayerNorm(4)
        self.scale = nn.Parameter(torch.ones(4))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        x = self.conv(self.embed(tokens).transpose(1, 2)).mean(dim=2)
        return self.norm(self.head(torch.relu(self.bn(self.fc(x))))) * self.scale


ZOO_SET = {"fc.weight": "xavier", "fc.bias": "zero", "bn.weight": "one", "bn.bias": "zero",
           "head.weight": "xavier", "head.bias": "zero"}
"""What init_weights does to the Zoo's parameters; every other one keeps its values."""


def _randomised(model: nn.Module, seed: int) -> nn.Module:
    """Every parameter set to seeded random values, so that what init_weights changes shows."""
    with torch.no_grad():
        for offset, parameter in enumerate(model.parameters()):
            parameter.copy_(torch.randn(parameter.shape, generator=generator(seed + offset), dtype=parameter.dtype))
    return model


@probe
def init_linear(m: ModuleType, device: str, in_features: int, out_features: int) -> dict[str, Any]:
    """Two Linear layers of one shape in a ModuleList, initialised through ``apply``."""
    layers = _randomised(nn.ModuleList([nn.Linear(in_features, out_features) for _ in range(2)]), seed=1).to(device)
    before = host(layers[0].weight)
    layers.apply(m.init_weights)
    return {"weight": host(layers[0].weight), "bias": host(layers[0].bias), "before": before,
            "second_weight": host(layers[1].weight)}


@probe
def init_without_bias(m: ModuleType, device: str) -> dict[str, Any]:
    model = _randomised(nn.Sequential(nn.Linear(50, 40, bias=False), nn.ReLU(), nn.Linear(40, 30)), seed=3).to(device)
    before = host(model[0].weight)
    model.apply(m.init_weights)
    return {"weight": host(model[0].weight), "before": before, "bias_is_none": model[0].bias is None}


@probe
def init_zoo(m: ModuleType, device: str, dtype: str) -> dict[str, Any]:
    """The Zoo on ``device`` in ``dtype``, every parameter random, then ``model.apply(init_weights)``."""
    model = _randomised(Zoo(), seed=5).to(device=device, dtype=getattr(torch, dtype))
    before = {name: (parameter, host(parameter), str(parameter.device)) for name, parameter in model.named_parameters()}
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    held = {id(parameter) for parameter in optimizer.param_groups[0]["params"]}
    model.apply(m.init_weights)
    after = dict(model.named_parameters())
    report: dict[str, Any] = {}
    for name, (original, values, place) in before.items():
        parameter = after.get(name)
        if not isinstance(parameter, torch.Tensor):
            report[name] = {"present": False}
            continue
        grad_fn = parameter.grad_fn
        report[name] = {
            "present": True,
            "before": values,
            "after": host(parameter),
            "same_object": parameter is original,
            "in_optimizer": id(parameter) in held,
            "is_parameter": isinstance(parameter, nn.Parameter),
            "grad_fn": type(grad_fn).__name__ if grad_fn is not None else None,
            "is_leaf": bool(parameter.is_leaf),
            "requires_grad": bool(parameter.requires_grad),
            "dtype": str(parameter.dtype),
            "device": str(parameter.device),
            "expected_device": place,
        }
    return report


# ----------------------------------------------------------------------------- ActivationRecorder


class Tower(nn.Module):
    """``block.0`` is followed by an in-place ReLU, which overwrites its output after its hook ran."""

    def __init__(self) -> None:
        super().__init__()
        self.block = nn.Sequential(nn.Linear(4, 6), nn.ReLU(inplace=True), nn.Linear(6, 6))
        self.head = nn.Linear(6, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(torch.tanh(self.block(x)))


RECORDED = ["block.0", "head", "block"]
CALLS = 3


def tower(device: str) -> nn.Module:
    return _randomised(Tower(), seed=11).to(device)


def tower_inputs(device: str) -> list[torch.Tensor]:
    return [fixed(5, 4, seed=20 + call, device=device) for call in range(CALLS)]


def hook_counts(model: nn.Module) -> dict[str, dict[str, int]]:
    """Per submodule (``(model)`` for the model itself), how many hooks of each kind it holds."""
    kinds = {"forward": "_forward_hooks", "forward pre": "_forward_pre_hooks",
             "backward": "_backward_hooks", "backward pre": "_backward_pre_hooks"}
    return {
        name or "(model)": {kind: len(getattr(module, attribute, None) or {}) for kind, attribute in kinds.items()}
        for name, module in model.named_modules()
    }


def record_lengths(recorder: Any) -> dict[str, int | None]:
    """How many records the recorder holds per name (``None`` where it has no list)."""
    activations = getattr(recorder, "activations", None)
    lengths: dict[str, int | None] = {}
    for name in RECORDED:
        try:
            records = activations[name]  # type: ignore[index]
        except (KeyError, TypeError):
            lengths[name] = None
            continue
        lengths[name] = len(records) if isinstance(records, (list, tuple)) else None
    return lengths


@probe
def recorder_records(m: ModuleType, device: str) -> dict[str, Any]:
    """Record three calls; then change the last output in place, as a training script might."""
    model = tower(device)
    recorder = m.ActivationRecorder(model, RECORDED)
    outputs = [model(x) for x in tower_inputs(device)]
    with torch.no_grad():
        outputs[-1].mul_(2)
    activations = getattr(recorder, "activations", None)
    require(activations is not None, "ActivationRecorder has no attribute `activations`: keep `self.activations = {name: [], ...}`")
    records: dict[str, Any] = {}
    for name in RECORDED:
        try:
            kept = activations[name]
        except (KeyError, TypeError):
            records[name] = {"present": False}
            continue
        if not isinstance(kept, (list, tuple)):
            records[name] = {"present": True, "is_list": False, "type": type(kept).__name__}
            continue
        records[name] = {"present": True, "is_list": True, "items": [tensor_info(item) for item in kept]}
    recorder.remove()
    return records


@probe
def recorder_hooks(m: ModuleType, device: str, mode: str) -> dict[str, Any]:
    """Hook counts before, while and after recording, ended by ``remove()`` (mode ``remove``), by
    leaving a ``with`` block (``exit``) or by an exception inside it (``exception``). The model
    holds a hook of its own on ``head``, which must survive."""
    model = tower(device)
    x = tower_inputs(device)[0]
    foreign = model.head.register_forward_hook(lambda module, inputs, output: None)
    before = hook_counts(model)
    recorder = m.ActivationRecorder(model, RECORDED)
    report: dict[str, Any] = {"before": before}
    if mode == "remove":
        model(x)
        report["during"] = hook_counts(model)
        recorder.remove()
    else:
        try:
            with recorder as entered:
                report["entered_is_recorder"] = entered is recorder
                model(x)
                report["during"] = hook_counts(model)
                if mode == "exception":
                    raise _Interrupted("training stopped")
            report["propagated"] = False
        except _Interrupted:
            report["propagated"] = True
    report["after"] = hook_counts(model)
    report["recorded"] = record_lengths(recorder)
    with torch.no_grad():
        model(x)
    report["recorded_later"] = record_lengths(recorder)
    foreign.remove()
    return report


class _Interrupted(Exception):
    """The probe's own exception, raised inside a ``with ActivationRecorder(...)`` block."""


@probe
def recorder_unknown(m: ModuleType, device: str) -> dict[str, Any]:
    cases = {"['head', 'tail']": ["head", "tail"], "['block.7']": ["block.7"], "['block.0.weight']": ["block.0.weight"]}
    return {label: outcome(lambda names=names: m.ActivationRecorder(tower(device), names)) for label, names in cases.items()}


def _forward_backward(model: nn.Module, device: str) -> dict[str, Any]:
    x = fixed(6, 4, seed=40, device=device).requires_grad_()
    out = model(x)
    (out * fixed(*out.shape, seed=41, device=device)).sum().backward()
    grads = {name: None if p.grad is None else host(p.grad) for name, p in model.named_parameters()}
    return {"out": host(out), "x_grad": None if x.grad is None else host(x.grad), "grads": grads}


@probe
def recorder_transparency(m: ModuleType, device: str) -> dict[str, Any]:
    """The same forward and backward, once without and once with a recorder."""
    plain_run = _forward_backward(tower(device), device)
    model = tower(device)
    recorder = m.ActivationRecorder(model, RECORDED)
    recorded_run, result = attempt(lambda: _forward_backward(model, device))
    recorder.remove()
    return {"plain": plain_run, "recorded": recorded_run, "outcome": result}


# ---------------------------------------------------------------------- clip_gradients_with_hooks


class Twice(nn.Module):
    """``fc`` is applied twice, so its gradient sums two contributions."""

    def __init__(self) -> None:
        super().__init__()
        self.fc = nn.Linear(4, 4)
        self.out = nn.Linear(4, 3)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(torch.tanh(self.fc(torch.tanh(self.fc(x)))))


def twice(device: str) -> nn.Module:
    return _randomised(Twice(), seed=50).to(device)


def _backward_passes(model: nn.Module, device: str, passes: int) -> None:
    """``passes`` backward calls without zero_grad (gradient accumulation over micro-batches)."""
    for step in range(passes):
        x = fixed(8, 4, seed=60 + step, device=device)
        target = fixed(8, 3, seed=70 + step, device=device)
        F.mse_loss(model(x), target, reduction="sum").backward()


def _grads(model: nn.Module) -> dict[str, torch.Tensor | None]:
    return {name: None if p.grad is None else host(p.grad) for name, p in model.named_parameters()}


def handles_info(handles: Any) -> dict[str, Any]:
    is_sequence = isinstance(handles, (list, tuple))
    return {
        "type": type(handles).__name__,
        "count": len(handles) if is_sequence else None,
        "removable": is_sequence and all(callable(getattr(handle, "remove", None)) for handle in handles),
    }


@probe
def clip_grads(m: ModuleType, device: str, clip_value: float, passes: int) -> dict[str, Any]:
    """Gradients after ``passes`` backward calls with the clipping hooks; the same without hooks
    (raw), and the raw accumulated gradient clamped once (what clipping after backward gives)."""
    model = twice(device)
    handles = m.clip_gradients_with_hooks(model, clip_value)
    _backward_passes(model, device, passes)
    plain_model = twice(device)
    _backward_passes(plain_model, device, passes)
    raw = _grads(plain_model)
    return {
        "grads": _grads(model),
        "raw": raw,
        "clamped_after": {name: None if g is None else g.clamp(-clip_value, clip_value) for name, g in raw.items()},
        "handles": handles_info(handles),
        "trainable": sum(1 for p in model.parameters() if p.requires_grad),
    }


@probe
def clip_removed(m: ModuleType, device: str, clip_value: float) -> dict[str, Any]:
    """Hooks registered, one clipped backward, then every handle removed: the next backward is unclipped."""
    model = twice(device)
    handles = m.clip_gradients_with_hooks(model, clip_value)
    info = handles_info(handles)
    require(info["removable"], f"clip_gradients_with_hooks returned {info['type']}, expected a list of the handles "
                               "that register_hook returned")
    _backward_passes(model, device, 1)
    for handle in handles:
        handle.remove()
    model.zero_grad(set_to_none=True)
    _backward_passes(model, device, 1)
    return {"grads": _grads(model)}


@probe
def clip_frozen(m: ModuleType, device: str, clip_value: float) -> dict[str, Any]:
    """The first layer frozen: only the trainable parameters get hooks, and nothing crashes."""
    model = twice(device)
    model.fc.requires_grad_(False)
    handles, result = attempt(lambda: m.clip_gradients_with_hooks(model, clip_value))
    report: dict[str, Any] = {"outcome": result, "trainable": sum(1 for p in model.parameters() if p.requires_grad)}
    if result["raised"] is None:
        report["handles"] = handles_info(handles)
        _backward_passes(model, device, 1)
        report["grads"] = _grads(model)
        report["flags"] = {name: bool(p.requires_grad) for name, p in model.named_parameters()}
    return report


@probe
def clip_validation(m: ModuleType, device: str) -> dict[str, Any]:
    cases = {"clip_value=0": 0.0, "clip_value=-1.0": -1.0, "clip_value=0.001": 1e-3}
    return {label: outcome(lambda value=value: m.clip_gradients_with_hooks(twice(device), value))
            for label, value in cases.items()}


# ------------------------------------------------------------------------------------------ freeze


class Stack(nn.Module):
    """Names that share a beginning but not a segment: fc1 / fc10 / head.fc1, layers.1 / layers.10."""

    def __init__(self) -> None:
        super().__init__()
        self.embed = nn.Embedding(5, 4)
        self.fc1 = nn.Linear(4, 4)
        self.fc10 = nn.Linear(4, 4)
        self.layers = nn.Sequential(*(nn.Linear(4, 4) for _ in range(11)))
        self.bn = nn.BatchNorm1d(4)
        self.head = nn.ModuleDict({"fc1": nn.Linear(4, 2)})


FREEZE_CASES: dict[str, list[str]] = {
    "['fc1']": ["fc1"],
    "['layers.1']": ["layers.1"],
    "['head.fc1.weight']": ["head.fc1.weight"],
    "['bn']": ["bn"],
    "['embed']": ["embed"],
    "['fc10', 'fc1']": ["fc10", "fc1"],
    "['layers', 'layers.3']": ["layers", "layers.3"],
    "[]": [],
}
PRE_FROZEN = ["embed.weight"]
"""Parameters the model already has frozen before ``freeze`` is called."""


@probe
def freeze_cases(m: ModuleType, device: str) -> dict[str, Any]:
    report = {}
    for label, prefixes in FREEZE_CASES.items():
        model = Stack().to(device)
        for name, parameter in model.named_parameters():
            parameter.requires_grad_(name not in PRE_FROZEN)
        returned = m.freeze(model, list(prefixes))
        if isinstance(returned, (list, tuple)):
            names = [item if isinstance(item, str) else f"<{type(item).__name__}>" for item in returned]
        else:
            names = None
        report[label] = {
            "type": type(returned).__name__,
            "names": names,
            "flags": {name: bool(parameter.requires_grad) for name, parameter in model.named_parameters()},
        }
    return report


# ------------------------------------------------------------------------------------- checkpoints

STEPS, SAVED_AT = 6, 3
SGD_OPTIONS = {"lr": 0.05, "momentum": 0.9, "weight_decay": 1e-3}


def checkpoint_model(seed: int, device: str) -> tuple[nn.Module, torch.optim.Optimizer]:
    torch.manual_seed(seed)
    model = nn.Sequential(nn.Linear(5, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 2)).to(device)
    return model, torch.optim.SGD(model.parameters(), **SGD_OPTIONS)


def batches(device: str) -> list[tuple[torch.Tensor, torch.Tensor]]:
    return [(fixed(16, 5, seed=80 + step, device=device), fixed(16, 2, seed=90 + step, device=device))
            for step in range(STEPS)]


def train(model: nn.Module, optimizer: torch.optim.Optimizer, data: list[tuple[torch.Tensor, torch.Tensor]]) -> None:
    model.train()
    for x, y in data:
        optimizer.zero_grad()
        F.mse_loss(model(x), y).backward()
        optimizer.step()


def model_state(model: nn.Module) -> dict[str, torch.Tensor]:
    return {name: host(tensor) for name, tensor in model.state_dict().items()}


def epoch_info(value: Any) -> dict[str, Any]:
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        number: Any = value.item()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        number = value
    else:
        number = repr(value)[:80]
    return {"type": type(value).__name__, "value": number}


def _unreadable(path: str, device: str) -> str | None:
    """Why ``torch.load(path, weights_only=True)`` refuses the file, or ``None`` when it reads it."""
    try:
        torch.load(path, map_location=device, weights_only=True)
    except Exception as error:  # noqa: BLE001 - why the file cannot be read safely is the data
        text = str(error)
        found = re.search(r"Unsupported global: GLOBAL ([\w.]+)", text)
        if found:
            return f"it holds a {found.group(1)} object"
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return f"{type(error).__name__}: {lines[0][:160] if lines else ''}".rstrip(": ")
    return None


def save(m: ModuleType, path: str, model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int, device: str) -> None:
    """The learner's save_checkpoint, then a check that a safe ``torch.load`` can read the file."""
    m.save_checkpoint(path, model, optimizer, epoch)
    require(os.path.exists(path), "save_checkpoint wrote no file at the path it was given: call torch.save(checkpoint, path)")
    problem = _unreadable(path, device)
    require(problem is None, f"torch.load(path, weights_only=True) cannot read what save_checkpoint wrote ({problem}): "
                             "save only state dicts and plain values, not the model or optimizer objects")


@probe
def checkpoint_contents(m: ModuleType, device: str) -> dict[str, Any]:
    """What save_checkpoint wrote, read back with ``torch.load(weights_only=True)``."""
    model, optimizer = checkpoint_model(1, device)
    train(model, optimizer, batches(device)[:2])
    with temp_folder() as folder:
        path = str(folder / "checkpoint.pt")
        save(m, path, model, optimizer, 2, device)
        data = torch.load(path, map_location=device, weights_only=True)
    report: dict[str, Any] = {"type": type(data).__name__, "expected_model": model_state(model),
                              "expected_optimizer": plain(optimizer.state_dict())}
    if isinstance(data, dict):
        report["keys"] = [str(key) for key in data]
        report["model"] = plain(data.get("model"))
        report["optimizer"] = plain(data.get("optimizer"))
        report["epoch"] = epoch_info(data.get("epoch")) if "epoch" in data else None
    return report


@probe
def checkpoint_round_trip(m: ModuleType, device: str) -> dict[str, Any]:
    """save_checkpoint after three steps, load_checkpoint into a fresh model and optimizer."""
    model, optimizer = checkpoint_model(1, device)
    train(model, optimizer, batches(device)[:SAVED_AT])
    fresh_model, fresh_optimizer = checkpoint_model(2, device)
    with temp_folder() as folder:
        path = str(folder / "checkpoint.pt")
        save(m, path, model, optimizer, SAVED_AT, device)
        epoch = m.load_checkpoint(path, fresh_model, fresh_optimizer)
    return {
        "epoch": epoch_info(epoch),
        "model": model_state(fresh_model),
        "expected_model": model_state(model),
        "optimizer": plain(fresh_optimizer.state_dict()),
        "expected_optimizer": plain(optimizer.state_dict()),
    }


@probe
def checkpoint_resume(m: ModuleType, device: str) -> dict[str, Any]:
    """Six steps straight through, against three steps, a checkpoint, a fresh model and optimizer
    (another initialisation), load_checkpoint, and the last three steps."""
    data = batches(device)
    straight, straight_optimizer = checkpoint_model(1, device)
    train(straight, straight_optimizer, data)
    first, first_optimizer = checkpoint_model(1, device)
    train(first, first_optimizer, data[:SAVED_AT])
    resumed, resumed_optimizer = checkpoint_model(2, device)
    with temp_folder() as folder:
        path = str(folder / "checkpoint.pt")
        save(m, path, first, first_optimizer, SAVED_AT, device)
        m.load_checkpoint(path, resumed, resumed_optimizer)
    train(resumed, resumed_optimizer, data[SAVED_AT:])
    return {"straight": model_state(straight), "resumed": model_state(resumed)}


def _contract_checkpoint(model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int) -> dict[str, Any]:
    return {"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}


PAYLOAD_CALLS: list[int] = []
"""Appended to whenever the probe's payload is unpickled."""


class Payload:
    """An arbitrary object: unpickling it runs ``_build_payload``, as a malicious file would run its code."""

    def __reduce__(self) -> tuple[Callable[[], Payload], tuple[()]]:
        return _build_payload, ()


def _build_payload() -> Payload:
    PAYLOAD_CALLS.append(1)
    return Payload()


@probe
def checkpoint_weights_only(m: ModuleType, device: str) -> dict[str, Any]:
    """A checkpoint in the contract's format that also carries an arbitrary pickled object."""
    model, optimizer = checkpoint_model(1, device)
    train(model, optimizer, batches(device)[:1])
    fresh_model, fresh_optimizer = checkpoint_model(2, device)
    PAYLOAD_CALLS.clear()
    with temp_folder() as folder:
        path = str(folder / "checkpoint.pt")
        torch.save({**_contract_checkpoint(model, optimizer, 1), "note": Payload()}, path)
        result = outcome(lambda: m.load_checkpoint(path, fresh_model, fresh_optimizer))
    return {"outcome": result, "payload_built": len(PAYLOAD_CALLS)}


def foreign_location(device: str) -> str:
    """A device tag the machine of ``device`` does not have: the location of a checkpoint written
    elsewhere (on the simulated accelerator, which has one device, ``cuda:1``)."""
    if torch.cuda.is_available():
        return f"cuda:{torch.cuda.device_count()}"
    return "cuda:1" if torch.device(device).type == "cuda" else "cuda:0"


class Restores:
    """This suite's entry in torch's serialization registry (``torch.serialization.register_package``,
    registered once per process, ahead of torch's own): inert outside the probes' blocks.

    - :meth:`tagging` makes ``torch.save`` tag every storage with a given location, as if the
      checkpoint had been written on another machine;
    - :meth:`recording` notes every location ``torch.load`` is asked to restore a storage to and
      restores nothing itself, so the next entries restore it unchanged (the simulated
      accelerator's, see ``grader._accelerator``, then torch's own).
    """

    PRIORITY = -1_000_000
    """Ahead of the simulated accelerator's entry, so that recording sees every restore."""

    def __init__(self) -> None:
        self.tag: str | None = None
        self.seen: list[str] | None = None
        self.registered = False

    def _register(self) -> None:
        if not self.registered:
            torch.serialization.register_package(self.PRIORITY, self._tagger, self._deserializer)
            self.registered = True

    def _tagger(self, storage: Any) -> str | None:
        return self.tag

    def _deserializer(self, storage: Any, location: str) -> None:
        if self.seen is not None:
            self.seen.append(str(location))

    @contextlib.contextmanager
    def _setting(self, name: str, value: Any) -> Iterator[None]:
        self._register()
        saved = getattr(self, name)
        setattr(self, name, value)
        try:
            yield
        finally:
            setattr(self, name, saved)

    def tagging(self, location: str) -> contextlib.AbstractContextManager[None]:
        return self._setting("tag", location)

    def recording(self, seen: list[str]) -> contextlib.AbstractContextManager[None]:
        return self._setting("seen", seen)


RESTORES = Restores()


@probe
def checkpoint_map_location(m: ModuleType, device: str) -> dict[str, Any]:
    """A checkpoint whose tensors are tagged as saved on another device, loaded into a model on
    ``device``; the locations torch restores storages to are recorded (the recorder restores nothing)."""
    model, optimizer = checkpoint_model(1, device)
    train(model, optimizer, batches(device)[:2])
    fresh_model, fresh_optimizer = checkpoint_model(2, device)
    tag = foreign_location(device)
    restored: list[str] = []
    with temp_folder() as folder:
        path = str(folder / "checkpoint.pt")
        with RESTORES.tagging(tag):
            torch.save(_contract_checkpoint(model, optimizer, 2), path)
        with RESTORES.recording(restored):
            result = outcome(lambda: m.load_checkpoint(path, fresh_model, fresh_optimizer))
    return {
        "outcome": result,
        "saved_on": tag,
        "restored_to": sorted(set(restored)),
        "model_device": str(next(fresh_model.parameters()).device),
        "model": model_state(fresh_model),
        "expected_model": model_state(model),
    }
