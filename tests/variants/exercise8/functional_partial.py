"""Variant: nn.init.uniform_ with the bound from nn.init's fan helper, hooks built with
functools.partial, a recorder that subclasses nothing but keeps a list of names, and
copy.deepcopy'd state dicts in the checkpoint."""

from __future__ import annotations

import copy
import functools
import math

import torch
from torch import Tensor, nn


def init_weights(module: nn.Module) -> None:
    if isinstance(module, nn.Linear):
        fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(module.weight)
        limit = math.sqrt(6 / (fan_in + fan_out))
        nn.init.uniform_(module.weight, -limit, limit)
        if module.bias is not None:
            nn.init.constant_(module.bias, 0)
    if isinstance(module, nn.BatchNorm1d):
        nn.init.ones_(module.weight)
        nn.init.zeros_(module.bias)


def _store(records: list[Tensor], module: nn.Module, inputs: tuple, output: Tensor) -> None:
    records.append(output.detach().to(copy=True))


class ActivationRecorder:
    def __init__(self, model: nn.Module, names) -> None:  # type: ignore[no-untyped-def]
        lookup = {name: module for name, module in model.named_modules()}
        self.names = list(names)
        missing = set(self.names) - set(lookup)
        if missing:
            raise KeyError(f"unknown module names: {sorted(missing)}")
        self.activations = {name: [] for name in self.names}
        self.handles = [lookup[name].register_forward_hook(functools.partial(_store, self.activations[name]))
                        for name in self.names]

    def remove(self) -> None:
        for handle in self.handles:
            handle.remove()

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:  # type: ignore[no-untyped-def]
        self.remove()
        return False


def _clamp(limit: float, grad: Tensor) -> Tensor:
    return torch.clamp(grad, -limit, limit)


def clip_gradients_with_hooks(model: nn.Module, clip_value: float) -> list:
    if clip_value <= 0:
        raise ValueError("clip_value must be greater than zero")
    hook = functools.partial(_clamp, float(clip_value))
    return [parameter.register_hook(hook) for _, parameter in model.named_parameters() if parameter.requires_grad]


def freeze(model: nn.Module, prefixes) -> list[str]:  # type: ignore[no-untyped-def]
    prefixes = tuple(prefix + "." for prefix in prefixes)
    frozen = []
    for name, parameter in model.named_parameters():
        if (name + ".").startswith(prefixes):
            parameter.requires_grad_(False)
            frozen.append(name)
    return frozen


def save_checkpoint(path, model, optimizer, epoch) -> None:  # type: ignore[no-untyped-def]
    torch.save({"epoch": epoch, "model": copy.deepcopy(model.state_dict()),
                "optimizer": copy.deepcopy(optimizer.state_dict())}, path)


def load_checkpoint(path, model, optimizer) -> int:  # type: ignore[no-untyped-def]
    where = next(model.parameters()).device
    data = torch.load(path, map_location=where, weights_only=True)
    model.load_state_dict(data["model"], strict=True)
    optimizer.load_state_dict(data["optimizer"])
    return data["epoch"]
