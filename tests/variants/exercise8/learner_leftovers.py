"""Variant: a learner's file with prints, a __main__ demo, private helpers, a recorder that
registers its hooks through a helper method and an init that calls `reset_parameters`-like
helpers of its own."""

from __future__ import annotations

import math
import os

import torch
from torch import nn

DEBUG = False


def _xavier_(weight: torch.Tensor) -> None:
    fan_out, fan_in = weight.shape[0], weight.shape[1]
    a = math.sqrt(6 / (fan_in + fan_out))
    with torch.no_grad():
        weight.copy_(torch.rand_like(weight) * 2 * a - a)


def init_weights(module: nn.Module) -> None:
    if DEBUG:
        print("init", type(module).__name__)
    if isinstance(module, nn.Linear):
        _xavier_(module.weight)
        if module.bias is not None:
            with torch.no_grad():
                module.bias.mul_(0)
    elif isinstance(module, nn.BatchNorm1d):
        with torch.no_grad():
            module.weight.copy_(torch.ones_like(module.weight))
            module.bias.copy_(torch.zeros_like(module.bias))


class ActivationRecorder:
    def __init__(self, model: nn.Module, names) -> None:  # type: ignore[no-untyped-def]
        self.model = model
        self.activations: dict[str, list[torch.Tensor]] = {}
        self._removers = []
        named = dict(model.named_modules())
        for name in names:
            if name not in named:
                raise KeyError(f"{name} not found; known: {list(named)[:5]}...")
        for name in names:
            self._attach(name, named[name])

    def _attach(self, name: str, module: nn.Module) -> None:
        self.activations[name] = []
        store = self.activations[name]

        def hook(mod, inp, out):  # type: ignore[no-untyped-def]
            store.append(torch.clone(out.detach()))

        self._removers.append(module.register_forward_hook(hook).remove)

    def remove(self) -> None:
        for remove in self._removers:
            remove()
        self._removers = []

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.remove()


def clip_gradients_with_hooks(model: nn.Module, clip_value: float):  # type: ignore[no-untyped-def]
    if clip_value <= 0:
        raise ValueError(f"bad clip value {clip_value}")
    handles = []
    for name, p in model.named_parameters():
        if not p.requires_grad:
            continue
        handles.append(p.register_hook(lambda g: g.clamp(-clip_value, clip_value)))
    if DEBUG:
        print(f"{len(handles)} hooks")
    return handles


def freeze(model: nn.Module, prefixes) -> list[str]:  # type: ignore[no-untyped-def]
    prefixes = set(prefixes)
    out = []
    for name, p in model.named_parameters():
        pieces = name.split(".")
        candidates = {".".join(pieces[:i]) for i in range(1, len(pieces) + 1)}
        if candidates & prefixes:
            p.requires_grad = False
            out.append(name)
    return out


def save_checkpoint(path, model, optimizer, epoch) -> None:  # type: ignore[no-untyped-def]
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path)


def load_checkpoint(path, model, optimizer) -> int:  # type: ignore[no-untyped-def]
    params = list(model.parameters())
    device = params[0].device if params else torch.device("cpu")
    ckpt = torch.load(path, map_location=device, weights_only=True)
    model.load_state_dict(ckpt["model"])
    optimizer.load_state_dict(ckpt["optimizer"])
    if DEBUG:
        print("resumed at", ckpt["epoch"])
    return ckpt["epoch"]


if __name__ == "__main__":
    net = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.Linear(4, 1))
    net.apply(init_weights)
    print(freeze(net, ["0"]))
