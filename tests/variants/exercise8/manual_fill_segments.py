"""Variant: init_weights fills the tensors by hand (uniform_ with the Xavier bound it computes,
zero_, fill_), the recorder keeps its handles in a dict, freeze compares name segments as lists,
and the checkpoint dict is built step by step."""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from types import TracebackType
from typing import Any

import torch
from torch import nn


def init_weights(module: nn.Module) -> None:
    """Xavier-uniform weights and zero biases for Linear, weight 1 and bias 0 for BatchNorm1d."""
    with torch.no_grad():
        if isinstance(module, nn.Linear):
            fan_out, fan_in = module.weight.shape
            bound = math.sqrt(6.0 / (fan_in + fan_out))
            module.weight.uniform_(-bound, bound)
            if module.bias is not None:
                module.bias.zero_()
        elif isinstance(module, nn.BatchNorm1d):
            module.weight.fill_(1.0)
            module.bias.fill_(0.0)


class ActivationRecorder:
    """Records the outputs of some submodules."""

    def __init__(self, model: nn.Module, names: Iterable[str]) -> None:
        self.activations: dict[str, list[torch.Tensor]] = {}
        self._handles: dict[str, Any] = {}
        modules = dict(model.named_modules())
        wanted = list(names)
        unknown = [name for name in wanted if name not in modules]
        if unknown:
            raise KeyError(f"no submodule named {unknown[0]!r}")
        for name in wanted:
            self.activations[name] = []
            self._handles[name] = modules[name].register_forward_hook(self._make_hook(name))

    def _make_hook(self, name: str):  # type: ignore[no-untyped-def]
        def hook(module, inputs, output):  # type: ignore[no-untyped-def]
            self.activations[name].append(output.detach().clone())

        return hook

    def remove(self) -> None:
        while self._handles:
            _, handle = self._handles.popitem()
            handle.remove()

    def __enter__(self) -> ActivationRecorder:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.remove()


def clip_gradients_with_hooks(model: nn.Module, clip_value: float) -> list:
    """One clamping hook per trainable parameter."""
    if not clip_value > 0:
        raise ValueError("clip_value must be > 0")
    handles = []
    for parameter in model.parameters():
        if parameter.requires_grad:
            handles.append(parameter.register_hook(lambda grad: torch.clamp(grad, min=-clip_value, max=clip_value)))
    return handles


def freeze(model: nn.Module, prefixes: Iterable[str]) -> list[str]:
    """Freeze by whole name segments."""
    split = [prefix.split(".") for prefix in prefixes]
    frozen = []
    for name, parameter in model.named_parameters():
        parts = name.split(".")
        if any(parts[: len(prefix)] == prefix for prefix in split):
            parameter.requires_grad = False
            frozen.append(name)
    return frozen


def save_checkpoint(path: str | os.PathLike[str], model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int) -> None:
    checkpoint = {}
    checkpoint["model"] = model.state_dict()
    checkpoint["optimizer"] = optimizer.state_dict()
    checkpoint["epoch"] = epoch
    torch.save(checkpoint, path)


def load_checkpoint(path: str | os.PathLike[str], model: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    device = next(iter(model.parameters())).device
    checkpoint = torch.load(path, map_location=str(device), weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return checkpoint["epoch"]
