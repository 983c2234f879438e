"""Variant: the recorder manages its hooks with contextlib.ExitStack and looks names up with
get_submodule; freeze matches a regular expression; checkpoints go through pathlib."""

from __future__ import annotations

import contextlib
import re
from collections import defaultdict
from pathlib import Path

import torch
from torch import nn

_SET = {nn.Linear: "linear", nn.BatchNorm1d: "batchnorm"}


@torch.no_grad()
def init_weights(module: nn.Module) -> None:
    """Set the modules the contract names, leave the others."""
    kind = next((label for cls, label in _SET.items() if isinstance(module, cls)), None)
    if kind == "linear":
        nn.init.xavier_uniform_(module.weight, gain=1.0)
        if module.bias is not None:
            module.bias.copy_(torch.zeros_like(module.bias))
    elif kind == "batchnorm":
        nn.init.constant_(module.weight, 1.0)
        nn.init.constant_(module.bias, 0.0)


class ActivationRecorder:
    """Forward hooks that keep detached copies of the outputs."""

    def __init__(self, model: nn.Module, names) -> None:  # type: ignore[no-untyped-def]
        names = list(dict.fromkeys(names))
        targets = {}
        for name in names:
            try:
                targets[name] = model.get_submodule(name)
            except AttributeError as error:
                raise KeyError(name) from error
            if not isinstance(targets[name], nn.Module):
                raise KeyError(name)
        self.activations: dict[str, list[torch.Tensor]] = defaultdict(list)
        for name in names:
            self.activations[name] = []
        self._stack = contextlib.ExitStack()
        for name, module in targets.items():
            handle = module.register_forward_hook(lambda _m, _i, out, name=name: self.activations[name].append(out.clone().detach()))
            self._stack.callback(handle.remove)

    def remove(self) -> None:
        self._stack.close()

    def __enter__(self) -> ActivationRecorder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stack.close()


def clip_gradients_with_hooks(model: nn.Module, clip_value: float):  # type: ignore[no-untyped-def]
    if clip_value <= 0:
        raise ValueError(f"clip_value={clip_value} is not positive")
    trainable = filter(lambda p: p.requires_grad, model.parameters())
    return [p.register_hook(lambda g: g.clamp(min=-clip_value, max=clip_value)) for p in trainable]


def freeze(model: nn.Module, prefixes) -> list[str]:  # type: ignore[no-untyped-def]
    prefixes = list(prefixes)
    if not prefixes:
        return []
    pattern = re.compile("(?:" + "|".join(re.escape(prefix) for prefix in prefixes) + r")(?:\.|$)")
    frozen = [name for name, _ in model.named_parameters() if pattern.match(name)]
    parameters = dict(model.named_parameters())
    for name in frozen:
        parameters[name].requires_grad_(False)
    return frozen


def save_checkpoint(path, model, optimizer, epoch) -> None:  # type: ignore[no-untyped-def]
    with Path(path).open("wb") as handle:
        torch.save(dict(model=model.state_dict(), optimizer=optimizer.state_dict(), epoch=int(epoch)), handle)


def load_checkpoint(path, model, optimizer) -> int:  # type: ignore[no-untyped-def]
    device = next(model.parameters()).device
    with Path(path).open("rb") as handle:
        checkpoint = torch.load(handle, map_location=device, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return int(checkpoint["epoch"])
