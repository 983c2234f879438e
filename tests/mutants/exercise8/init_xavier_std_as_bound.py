"""Mutant: init_weights draws Linear weights uniformly in [-b, b] with b = sqrt(2 / (fan_in +
fan_out)), the standard deviation of Xavier-normal taken for the bound of Xavier-uniform, so the
values never come near sqrt(6 / (fan_in + fan_out)).

expect: test_init_linear_xavier: only reaches
expect: test_init_linear_without_bias: but should fill [-a, a] uniformly
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from types import TracebackType
from typing import Any

import torch
from torch import Tensor, nn
from torch.utils.hooks import RemovableHandle


@torch.no_grad()
def init_weights(module: nn.Module) -> None:
    """For ``model.apply``: Xavier-uniform Linear weights and zero biases, BatchNorm1d at weight 1
    and bias 0, every other module left alone; in place, without autograd history."""
    if isinstance(module, nn.Linear):
        fan_out, fan_in = module.weight.shape
        bound = math.sqrt(2.0 / (fan_in + fan_out))  # Xavier-normal's std, taken as the uniform bound
        module.weight.uniform_(-bound, bound)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.BatchNorm1d):
        nn.init.ones_(module.weight)
        nn.init.zeros_(module.bias)


class ActivationRecorder:
    """Records the outputs of the named submodules with forward hooks, detached copies in call order."""

    def __init__(self, model: nn.Module, names: Iterable[str]) -> None:
        modules = dict(model.named_modules())
        names = list(names)
        for name in names:
            if name not in modules:
                raise KeyError(f"{name!r} is not a submodule of the model (see model.named_modules())")
        self.activations: dict[str, list[Tensor]] = {name: [] for name in names}
        self._handles: list[RemovableHandle] = [
            modules[name].register_forward_hook(self._recorder(name)) for name in names
        ]

    def _recorder(self, name: str) -> Any:
        def hook(module: nn.Module, inputs: tuple[Any, ...], output: Tensor) -> None:
            self.activations[name].append(output.detach().clone())

        return hook

    def remove(self) -> None:
        """Remove every hook this recorder added."""
        for handle in self._handles:
            handle.remove()
        self._handles.clear()

    def __enter__(self) -> ActivationRecorder:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.remove()


def clip_gradients_with_hooks(model: nn.Module, clip_value: float) -> list[RemovableHandle]:
    """Clamp every trainable parameter's gradient to ``[-clip_value, clip_value]`` as it is computed."""
    if clip_value <= 0:
        raise ValueError(f"clip_value must be positive, got {clip_value}")

    def clamp(grad: Tensor) -> Tensor:
        return grad.clamp(-clip_value, clip_value)

    return [p.register_hook(clamp) for p in model.parameters() if p.requires_grad]


def freeze(model: nn.Module, prefixes: Iterable[str]) -> list[str]:
    """Freeze the parameters under ``prefixes`` (whole name segments); their names, in model order."""
    prefixes = tuple(prefixes)
    frozen = []
    for name, parameter in model.named_parameters():
        if any(name == prefix or name.startswith(prefix + ".") for prefix in prefixes):
            parameter.requires_grad_(False)
            frozen.append(name)
    return frozen


def save_checkpoint(path: str | os.PathLike[str], model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int) -> None:
    """Write the model's and the optimizer's state dicts and the epoch with ``torch.save``."""
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": int(epoch)}, path)


def load_checkpoint(path: str | os.PathLike[str], model: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    """Restore a checkpoint of :func:`save_checkpoint` onto the model's device; return its epoch."""
    device = next(model.parameters()).device
    checkpoint = torch.load(path, map_location=device, weights_only=True)
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    return int(checkpoint["epoch"])
