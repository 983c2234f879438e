"""Probes for exercise 1: they build the learner's modules and report what they see."""

from __future__ import annotations

import numbers
from types import ModuleType
from typing import Any

import torch
from torch import nn

from grader.probing import probe, require

MEAN = [1.0, -2.0, 3.0, 0.5]
STD = [2.0, 0.5, 4.0, 1.5]


def describe(value: Any) -> dict[str, Any]:
    """What kind of thing a module attribute is, as plain data."""
    if isinstance(value, nn.Parameter):
        kind = "parameter"
    elif isinstance(value, torch.Tensor):
        kind = "tensor"
    elif value is None:
        kind = "none"
    else:
        return {"kind": "other", "type": type(value).__name__}
    info: dict[str, Any] = {"kind": kind}
    if kind != "none":
        info.update(shape=list(value.shape), dtype=str(value.dtype), requires_grad=bool(value.requires_grad))
    return info


def attribute(module: nn.Module, name: str) -> dict[str, Any]:
    if name not in dir(module) and not hasattr(module, name):
        return {"kind": "missing"}
    return describe(getattr(module, name))


def structure(module: Any) -> dict[str, Any]:
    require(isinstance(module, nn.Module), f"`{type(module).__name__}` must subclass `nn.Module` (class {type(module).__name__}(nn.Module): ...)")
    return {
        "is_module": True,
        "parameters": [name for name, _ in module.named_parameters()],
        "buffers": [name for name, _ in module.named_buffers()],
        "state_dict": {name: list(tensor.shape) for name, tensor in module.state_dict().items()},
        "children": {name: type(child).__name__ for name, child in module.named_children()},
        "stateful_children": [
            name for name, child in module.named_children() if any(True for _ in child.state_dict())
        ],
    }


def fixed_tensor(*shape: int, seed: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=generator, dtype=dtype)


def load_linear(layer: nn.Module, in_features: int, out_features: int, seed: int, owner: str = "") -> None:
    """Give a learner's MyLinear the same weights as the reference's, or say why it cannot."""
    weight = getattr(layer, "weight", None)
    require(isinstance(weight, torch.Tensor), f"{owner or 'MyLinear'} has no tensor attribute `weight`")
    require(
        tuple(weight.shape) == (out_features, in_features),
        f"`{owner}weight` has shape {tuple(weight.shape)}, expected (out_features, in_features) = {(out_features, in_features)}",
    )
    with torch.no_grad():
        weight.copy_(fixed_tensor(out_features, in_features, seed=seed))
        bias = getattr(layer, "bias", None)
        if isinstance(bias, torch.Tensor):
            require(tuple(bias.shape) == (out_features,), f"`{owner}bias` has shape {tuple(bias.shape)}, expected ({out_features},)")
            bias.copy_(fixed_tensor(out_features, seed=seed + 1))


@probe
def linear_structure(m: ModuleType, device: str, in_features: int, out_features: int, bias: bool) -> dict[str, Any]:
    layer = m.MyLinear(in_features, out_features, bias=bias)
    return structure(layer) | {"weight": attribute(layer, "weight"), "bias": attribute(layer, "bias")}


@probe
def linear_to_float64(m: ModuleType, device: str) -> dict[str, Any]:
    """A layer converted by ``.to(torch.float64)`` must compute in float64 from its parameters."""
    layer = m.MyLinear(3, 5)
    load_linear(layer, 3, 5, seed=1)
    layer = layer.to(device=device, dtype=torch.float64)
    return {"out": layer(fixed_tensor(4, 3, seed=3, dtype=torch.float64).to(device)).detach()}


@probe
def linear_init(m: ModuleType, device: str, in_features: int, out_features: int) -> dict[str, Any]:
    first = m.MyLinear(in_features, out_features)
    second = m.MyLinear(in_features, out_features)
    for layer in (first, second):
        require(isinstance(getattr(layer, "weight", None), torch.Tensor), "MyLinear has no tensor attribute `weight`")
        require(
            isinstance(getattr(layer, "bias", None), torch.Tensor),
            f"`MyLinear({in_features}, {out_features})` has no bias tensor: the default must be bias=True",
        )
    return {
        "weight": first.weight.detach(),
        "bias": first.bias.detach(),
        "second_weight": second.weight.detach(),
    }


@probe
def linear_forward(
    m: ModuleType, device: str, in_features: int, out_features: int, bias: bool, batch_shape: list[int]
) -> dict[str, Any]:
    layer = m.MyLinear(in_features, out_features, bias=bias)
    load_linear(layer, in_features, out_features, seed=1)
    layer = layer.to(device)
    x = fixed_tensor(*batch_shape, in_features, seed=3).to(device).requires_grad_()
    out = layer(x)
    require(isinstance(out, torch.Tensor), f"forward returned {type(out).__name__}, expected a Tensor")
    result: dict[str, Any] = {"out": out.detach(), "requires_grad": out.requires_grad}
    if out.requires_grad and out.shape == (*batch_shape, out_features):
        # A scalar loss: backward(gradient=...) would import sympy (about a second) in torch 2.13.
        (out * fixed_tensor(*out.shape, seed=4).to(device)).sum().backward()
        result["x_grad"] = x.grad
        result["weight_grad"] = layer.weight.grad
        result["bias_grad"] = layer.bias.grad if bias else None
    return result


def _standardize(m: ModuleType) -> nn.Module:
    return m.Standardize(torch.tensor(MEAN), torch.tensor(STD))


@probe
def standardize_structure(m: ModuleType, device: str) -> dict[str, Any]:
    layer = _standardize(m)
    info = structure(layer) | {"mean": attribute(layer, "mean"), "std": attribute(layer, "std")}
    converted = layer.to(torch.float64)
    info["after_to"] = {name: str(getattr(converted, name).dtype) for name in ("mean", "std") if hasattr(converted, name)}
    if device != "cpu":
        moved = _standardize(m).to(device)
        info["device_after_to"] = {name: str(getattr(moved, name).device.type) for name in ("mean", "std")}
    return info


@probe
def standardize_forward(m: ModuleType, device: str, batch_shape: list[int]) -> dict[str, Any]:
    layer = _standardize(m).to(device)
    x = fixed_tensor(*batch_shape, len(MEAN), seed=5).to(device)
    original = x.clone()
    out = layer(x)
    return {"out": out, "input_unchanged": torch.equal(x, original)}


def _mlp(m: ModuleType) -> nn.Module:
    return m.MLP(4, 8, 3, torch.tensor(MEAN), torch.tensor(STD))


@probe
def mlp_structure(m: ModuleType, device: str) -> dict[str, Any]:
    model = _mlp(m)
    info = structure(model)
    for name in ("fc1", "fc2"):
        child = getattr(model, name, None)
        if isinstance(child, nn.Module):
            info[name] = {"weight": attribute(child, "weight"), "bias": attribute(child, "bias")}
    return info


@probe
def mlp_forward(m: ModuleType, device: str, batch_shape: list[int]) -> dict[str, Any]:
    model = _mlp(m)
    for name, (fan_in, fan_out), seed in (("fc1", (4, 8), 11), ("fc2", (8, 3), 13)):
        child = getattr(model, name, None)
        require(isinstance(child, nn.Module), f"MLP has no child module `{name}`")
        load_linear(child, fan_in, fan_out, seed=seed, owner=f"{name}.")
    model = model.to(device)
    x = fixed_tensor(*batch_shape, 4, seed=7).to(device) * 3
    return {"out": model(x)}


class _Shared(nn.Module):
    """Two layers tied to one weight, plus a buffer: 5*5 + 5 + 5 scalars, buffers apart."""

    def __init__(self) -> None:
        super().__init__()
        self.first = nn.Linear(5, 5)
        self.second = nn.Linear(5, 5)
        self.second.weight = self.first.weight
        self.register_buffer("running", torch.zeros(100))


def _count_cases() -> dict[str, tuple[nn.Module, dict[str, Any]]]:
    frozen = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
    frozen[0].requires_grad_(False)
    return {
        "a two-layer nn.Sequential": (nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)), {}),
        "a model whose first layer is frozen": (frozen, {}),
        "a model whose first layer is frozen, with trainable_only=False": (frozen, {"trainable_only": False}),
        "a model with a shared weight": (_Shared(), {}),
        "a model with BatchNorm buffers": (nn.Sequential(nn.Linear(6, 4), nn.BatchNorm1d(4)), {}),
        "a model with BatchNorm buffers, with trainable_only=False": (
            nn.Sequential(nn.Linear(6, 4), nn.BatchNorm1d(4)), {"trainable_only": False}
        ),
        "a model with a shared weight, with trainable_only=False": (_Shared(), {"trainable_only": False}),
    }


@probe
def count_parameters(m: ModuleType, device: str) -> dict[str, Any]:
    counts = {}
    for case, (model, kwargs) in _count_cases().items():
        value = m.count_parameters(model, **kwargs)
        tensors = [p for p in model.parameters() if p.requires_grad or kwargs.get("trainable_only") is False]
        counts[case] = {"type": type(value).__name__, "value": _number(value), "tensors": len(tensors)}
    return counts


def _number(value: Any) -> int | str:
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, torch.Tensor) and value.numel() == 1:
        return int(value.item())
    return repr(value)[:80]
