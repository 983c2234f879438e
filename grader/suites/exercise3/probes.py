"""Probes for exercise 3: the loss, the hand-written backward, ManualSGD and train_manual."""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import torch
import torch.autograd
import torch.autograd.graph
from torch import nn
from torch.optim.optimizer import register_optimizer_step_post_hook, register_optimizer_step_pre_hook

from grader.probing import generator, probe, require

DTYPES = {"float32": torch.float32, "float64": torch.float64}


def classification_data(n: int, features: int, seed: int, dtype: torch.dtype = torch.float32) -> tuple[torch.Tensor, torch.Tensor]:
    g = generator(seed)
    x = torch.randn(n, features, generator=g, dtype=dtype)
    true_weight = torch.randn(features, generator=g, dtype=dtype)
    targets = ((x @ true_weight + 0.3 * torch.randn(n, generator=g, dtype=dtype)) > 0).to(dtype)
    return x, targets


class AutogradCalls:
    """Counts every run of the autograd engine (``Tensor.backward``, ``torch.autograd.backward``
    and ``torch.autograd.grad`` all go through it) while active.

    This observes, it does not replace: torch's private entry point ``_engine_run_backward`` is
    rebound, for the span of the call, to a pass-through that counts and then calls that same
    function with the same arguments, returning what it returns (torch.compiler patches it the same
    way). No name of the learner's is touched, and no torch function mode sits in front of every
    other torch call of their code, as a TorchFunctionMode that catches ``Tensor.backward`` would."""

    def __init__(self) -> None:
        self.count = 0

    @contextlib.contextmanager
    def watching(self) -> Iterator[AutogradCalls]:
        modules = (torch.autograd, torch.autograd.graph)
        originals = [module._engine_run_backward for module in modules]

        def counting(original: Any) -> Any:
            def counted(*args: Any, **kwargs: Any) -> Any:
                self.count += 1
                return original(*args, **kwargs)

            return counted

        for module, original in zip(modules, originals):
            module._engine_run_backward = counting(original)
        try:
            yield self
        finally:
            for module, original in zip(modules, originals):
                module._engine_run_backward = original


def parameter_info(model: nn.Module, name: str) -> dict[str, Any]:
    value = getattr(model, name, None)
    if value is None:
        return {"kind": "missing"}
    return {
        "kind": "parameter" if isinstance(value, nn.Parameter) else type(value).__name__,
        "shape": list(value.shape) if isinstance(value, torch.Tensor) else None,
        "dtype": str(value.dtype) if isinstance(value, torch.Tensor) else None,
        "value": value.detach() if isinstance(value, torch.Tensor) else None,
    }


@probe
def bce(m: ModuleType, device: str, n: int, dtype: str, seed: int, extreme: bool = False) -> dict[str, Any]:
    g = generator(seed)
    low, high = 1e-6, 1 - 1e-6
    probs = torch.rand(n, generator=g, dtype=DTYPES[dtype]) * (high - low) + low
    if extreme:
        probs[: n // 2] = torch.where(torch.arange(n // 2) % 2 == 0, low, high).to(probs.dtype)
    targets = (torch.rand(n, generator=g) > 0.5).to(DTYPES[dtype])
    loss = m.bce_loss(probs.to(device), targets.to(device))
    require(isinstance(loss, torch.Tensor), f"bce_loss returned {type(loss).__name__}, expected a scalar Tensor")
    return {"loss": loss.detach(), "torch": torch.nn.functional.binary_cross_entropy(probs, targets)}


@probe
def logistic_parameters(m: ModuleType, device: str, in_features: int) -> dict[str, Any]:
    model = m.LogisticRegression(in_features)
    return {
        "is_module": isinstance(model, nn.Module),
        "parameters": [name for name, _ in model.named_parameters()],
        "weight": parameter_info(model, "weight"),
        "bias": parameter_info(model, "bias"),
    }


def fixed_model(m: ModuleType, in_features: int, seed: int, dtype: torch.dtype, device: str) -> nn.Module:
    model = m.LogisticRegression(in_features)
    for name, shape in (("weight", (in_features,)), ("bias", (1,))):
        value = getattr(model, name, None)
        require(isinstance(value, torch.Tensor), f"LogisticRegression has no tensor attribute `{name}`")
        require(isinstance(value, nn.Parameter), f"`{name}` is a plain Tensor, not an nn.Parameter: wrap it in `nn.Parameter`")
        require(tuple(value.shape) == shape, f"`{name}` has shape {tuple(value.shape)}, expected {shape}")
    model = model.to(device=device, dtype=dtype)
    g = generator(seed)
    with torch.no_grad():
        model.weight.copy_(torch.randn(in_features, generator=g, dtype=dtype))
        model.bias.copy_(torch.randn(1, generator=g, dtype=dtype))
    return model


@probe
def logistic_forward(m: ModuleType, device: str, n: int, in_features: int) -> dict[str, Any]:
    model = fixed_model(m, in_features, seed=2, dtype=torch.float32, device=device)
    x, _ = classification_data(n, in_features, seed=3)
    probs = model(x.to(device))
    require(isinstance(probs, torch.Tensor), f"forward returned {type(probs).__name__}, expected a Tensor")
    return {"probs": probs.detach()}


@probe
def manual_backward(m: ModuleType, device: str, n: int, in_features: int, seed: int, prefill: bool = False) -> dict[str, Any]:
    """The learner's backward in float64, from random weights, with probs that carry no graph."""
    dtype = torch.float64
    model = fixed_model(m, in_features, seed=seed, dtype=dtype, device=device)
    x, targets = classification_data(n, in_features, seed=seed + 1, dtype=dtype)
    x, targets = x.to(device), targets.to(device)
    with torch.no_grad():
        probs = model(x)
    require(
        isinstance(probs, torch.Tensor) and tuple(probs.shape) == (n,),
        f"forward must return probabilities of shape ({n},) for {n} samples, got {_shape_of(probs)}",
    )
    if prefill:
        model.weight.grad = torch.full_like(model.weight, 100.0)
        model.bias.grad = torch.full_like(model.bias, 100.0)
    calls = AutogradCalls()
    with calls.watching():
        returned = model.backward(x, targets, probs)
    grads = {}
    for name in ("weight", "bias"):
        grad = getattr(model, name).grad
        grads[name] = None if grad is None else {
            "value": grad.detach(),
            "requires_grad": grad.requires_grad,
            "same_dtype": grad.dtype == dtype,
        }
    return {"grads": grads, "autograd_calls": calls.count, "returned": type(returned).__name__, "n": n}


OPTIONS = ("lr", "momentum", "weight_decay", "nesterov")


def quadratic_problem(seed: int, sizes: list[int], device: str) -> tuple[list[nn.Parameter], Any]:
    """Parameters and a loss whose gradients change from step to step (a non-quadratic bowl)."""
    g = generator(seed)
    params = [nn.Parameter(torch.randn(size, generator=g, dtype=torch.float64).to(device)) for size in sizes]
    targets = [torch.randn(size, generator=g, dtype=torch.float64).to(device) for size in sizes]

    def loss_fn() -> torch.Tensor:
        return sum(((p - t) ** 2).sum() + 0.1 * (p**4).sum() for p, t in zip(params, targets))

    return params, loss_fn


@probe
def sgd_trajectory(m: ModuleType, device: str, groups: list[dict[str, Any]], steps: int, defaults: dict[str, Any]) -> dict[str, Any]:
    """Run ``steps`` steps of ManualSGD; each group dict has ``sizes`` and its own options."""
    all_sizes = [size for group in groups for size in group["sizes"]]
    params, loss_fn = quadratic_problem(seed=7, sizes=all_sizes, device=device)
    param_groups, position = [], 0
    for group in groups:
        count = len(group["sizes"])
        options = {key: value for key, value in group.items() if key != "sizes"}
        param_groups.append({"params": params[position : position + count], **options})
        position += count
    optimizer = m.ManualSGD(param_groups, **defaults)
    identities = [id(p) for p in params]
    trajectory = []
    for _ in range(steps):
        optimizer.zero_grad()
        loss_fn().backward()
        optimizer.step()
        trajectory.append([p.detach().clone() for p in params])
    current = [p for group in optimizer.param_groups for p in group["params"]]
    return {
        "trajectory": trajectory,
        "same_objects": [id(p) for p in current] == identities,
        "history": [p.grad_fn is not None or not p.is_leaf for p in params],
        "requires_grad": [p.requires_grad for p in params],
    }


@probe
def sgd_structure(m: ModuleType, device: str) -> dict[str, Any]:
    param = nn.Parameter(torch.zeros(3))
    optimizer = m.ManualSGD([param], lr=0.1, momentum=0.9)
    group = optimizer.param_groups[0] if getattr(optimizer, "param_groups", None) else {}
    return {
        "is_optimizer": isinstance(optimizer, torch.optim.Optimizer),
        "group_options": {key: group.get(key) for key in OPTIONS},
    }


@probe
def sgd_details(m: ModuleType, device: str, weight_decay: float) -> dict[str, Any]:
    """One tensor updated twice, one tensor without a gradient, the buffer, and in-place updates."""
    g = generator(5)
    used = nn.Parameter(torch.randn(4, generator=g, dtype=torch.float64))
    unused = nn.Parameter(torch.randn(3, generator=g, dtype=torch.float64))
    before_unused = unused.detach().clone()
    optimizer = m.ManualSGD([used, unused], lr=0.1, momentum=0.9, weight_decay=weight_decay)
    buffers, aliased = [], []
    for _ in range(2):
        used.grad = torch.randn(4, generator=g, dtype=torch.float64)
        optimizer.step()
        buffer = optimizer.state[used].get("momentum_buffer") if used in optimizer.state else None
        buffers.append(buffer.detach().clone() if isinstance(buffer, torch.Tensor) else None)
        aliased.append(isinstance(buffer, torch.Tensor) and buffer.data_ptr() == used.grad.data_ptr())
    return {
        "buffers": buffers,
        "buffer_is_grad": any(aliased),
        "unused_changed": not torch.equal(unused.detach(), before_unused),
        "unused_state": sorted(optimizer.state[unused]) if unused in optimizer.state else [],
        "after": used.detach().clone(),
    }


@probe
def sgd_closure(m: ModuleType, device: str) -> dict[str, Any]:
    param = nn.Parameter(torch.tensor([1.0, -2.0], dtype=torch.float64))
    optimizer = m.ManualSGD([param], lr=0.1)
    calls = []

    def closure() -> torch.Tensor:
        calls.append(1)
        optimizer.zero_grad()
        loss = (param**2).sum()
        loss.backward()
        return loss

    returned = optimizer.step(closure)
    plain = optimizer.step()
    return {
        "returned": _plain_number(returned),
        "closure_calls": len(calls),
        "without_closure": _plain_number(plain),
        "after": param.detach().clone(),
    }


INVALID_OPTIONS = {
    "lr=-0.1": {"lr": -0.1},
    "momentum=-0.5": {"lr": 0.1, "momentum": -0.5},
    "weight_decay=-0.01": {"lr": 0.1, "weight_decay": -0.01},
    "nesterov=True with momentum=0": {"lr": 0.1, "nesterov": True},
}
VALID_OPTIONS = {
    "lr=0": {"lr": 0.0},
    "momentum=0.9, nesterov=True": {"lr": 0.1, "momentum": 0.9, "nesterov": True},
}


@probe
def sgd_validation(m: ModuleType, device: str) -> dict[str, Any]:
    outcomes = {}
    for label, options in {**INVALID_OPTIONS, **VALID_OPTIONS}.items():
        try:
            m.ManualSGD([nn.Parameter(torch.zeros(2))], **options)
            outcomes[label] = "no error"
        except NotImplementedError:
            raise
        except Exception as error:  # noqa: BLE001 - the outcome is the data
            outcomes[label] = type(error).__name__
    return outcomes


@probe
def train(m: ModuleType, device: str, n: int, in_features: int, epochs: int, lr: float, momentum: float) -> dict[str, Any]:
    model = m.LogisticRegression(in_features).to(device)
    x, targets = classification_data(n, in_features, seed=9)
    calls = AutogradCalls()
    with calls.watching(), manual_sgd_steps(m) as optimizers:
        losses = m.train_manual(model, x.to(device), targets.to(device), epochs, lr, momentum=momentum)
    require(isinstance(losses, list), f"train_manual returned {type(losses).__name__}, expected a list of floats")
    return {
        "types": sorted({type(loss).__name__ for loss in losses}),
        "losses": [float(loss) if isinstance(loss, (float, int, torch.Tensor)) else math.nan for loss in losses],
        "autograd_calls": calls.count,
        "optimizers": optimizers,
        "weight": getattr(model, "weight", torch.empty(0)).detach(),
        "bias": getattr(model, "bias", torch.empty(0)).detach(),
    }


def _shape_of(value: Any) -> str:
    return str(tuple(value.shape)) if isinstance(value, torch.Tensor) else type(value).__name__


def _plain_number(value: Any) -> Any:
    """A loss as a float, ``None`` as ``None``, anything else as its (short) repr."""
    if value is None:
        return None
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return float(value.detach())
    if isinstance(value, (float, int)) and not isinstance(value, bool):
        return float(value)
    return repr(value)[:80]


@contextlib.contextmanager
def manual_sgd_steps(m: ModuleType) -> Iterator[list[dict[str, Any]]]:
    """While active, every ManualSGD of the learner's module that takes a step is recorded, in the
    order of its first step: the ``lr`` and ``momentum`` of its ``defaults`` (what its constructor
    was given) and how many times its ``step()`` ran.

    It only observes, through torch's global optimizer step hooks: ``Optimizer.__init__`` wraps the
    ``step`` of every subclass, a learner's own included, in a function that calls them. The
    learner's class and names stay as they are, so ``super(ManualSGD, self)`` means what it says. A
    step run inside another step of the same optimizer (a ``step`` that calls ``super().step()``)
    counts once, and the optimizers are kept alive until the end, so that one built each epoch
    cannot reuse a freed one's id."""
    manual = getattr(m, "ManualSGD", None)
    seen: list[tuple[Any, dict[str, Any]]] = []
    records: list[dict[str, Any]] = []
    depth: dict[int, int] = {}

    def before(optimizer: Any, args: Any, kwargs: Any) -> None:
        depth[id(optimizer)] = depth.get(id(optimizer), 0) + 1
        if depth[id(optimizer)] > 1 or not (isinstance(manual, type) and isinstance(optimizer, manual)):
            return
        record = next((record for known, record in seen if known is optimizer), None)
        if record is None:
            defaults = getattr(optimizer, "defaults", None)
            defaults = defaults if isinstance(defaults, dict) else {}
            record = {"momentum": defaults.get("momentum"), "lr": defaults.get("lr"), "steps": 0}
            seen.append((optimizer, record))
            records.append(record)
        record["steps"] += 1

    def after(optimizer: Any, args: Any, kwargs: Any) -> None:
        depth[id(optimizer)] -= 1

    handles = [register_optimizer_step_pre_hook(before), register_optimizer_step_post_hook(after)]
    try:
        yield records
    finally:
        for handle in handles:
            handle.remove()
