"""Exercise 8: inside nn.Module: apply, hooks, freezing and checkpoints (nn.Module 들여다보기: apply, 훅, 동결, 체크포인트).

The module machinery a training script relies on: initialise every layer with ``model.apply``,
watch activations with forward hooks (순전파 훅), clip gradients with tensor hooks (텐서 훅),
freeze parameters (매개변수 동결) by name, and save a checkpoint (체크포인트) that resumes
training exactly.

- ``model.apply(fn)`` calls ``fn`` on every submodule (children first, then the model itself).
- ``module.register_forward_hook(hook)`` calls ``hook(module, inputs, output)`` after each
  forward; ``tensor.register_hook(hook)`` calls ``hook(grad)`` when that tensor's gradient is
  computed, and a hook that returns a tensor replaces the gradient. Both return a handle whose
  ``.remove()`` takes the hook off again.
- ``model.state_dict()`` and ``optimizer.state_dict()`` hold everything training needs to go on
  (weights, buffers, momentum buffers); ``load_state_dict`` puts them back.

Check your work with ``grader check exercise8``; compare with ``solutions/exercise8.py`` when done.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from types import TracebackType

import torch
from torch import nn
from torch.utils.hooks import RemovableHandle


def init_weights(module: nn.Module) -> None:
    """Initialise one module, for ``model.apply(init_weights)``.

    - An ``nn.Linear``: its weight drawn Xavier-uniformly, in ``[-a, a]`` with
      ``a = sqrt(6 / (fan_in + fan_out))``, and its bias (if it has one) set to 0.
    - An ``nn.BatchNorm1d``: weight 1 and bias 0.
    - Every other module is left as it is.

    Change the values in place (the same ``Parameter`` objects, so that an optimizer built
    before still holds them) and record no autograd history.
    """
    raise NotImplementedError("check the module's type, then fill its parameters in place under torch.no_grad()")


class ActivationRecorder:
    """Records, with forward hooks, the outputs of the submodules of ``model`` named in ``names``.

    - ``names`` are names as in ``model.named_modules()`` (``"encoder.0"``); an unknown name
      raises ``KeyError`` when the recorder is built.
    - ``recorder.activations[name]`` is a list with each call's output, in call order, detached
      (no autograd history) and copied: a later in-place change to the output does not change
      the record.
    - ``recorder.remove()`` removes every hook it added (and no other). The recorder is also a
      context manager: ``with ActivationRecorder(model, names) as rec:`` removes them on exit,
      exceptions included.
    - Recording never changes the model's outputs or gradients.
    """

    def __init__(self, model: nn.Module, names: Iterable[str]) -> None:
        raise NotImplementedError("look the names up in model.named_modules(), then register a forward hook on each")

    def remove(self) -> None:
        raise NotImplementedError("call .remove() on every handle your hooks returned")

    def __enter__(self) -> ActivationRecorder:
        raise NotImplementedError("return the recorder itself")

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        raise NotImplementedError("remove the hooks, and let any exception go on")


def clip_gradients_with_hooks(model: nn.Module, clip_value: float) -> list[RemovableHandle]:
    """Clamp gradients as they are computed, with a hook on every parameter.

    Registers, with ``Tensor.register_hook``, a hook on every parameter of ``model`` that has
    ``requires_grad`` (none on the others) that clamps each element of that parameter's gradient
    to ``[-clip_value, clip_value]``. Returns the handles: calling ``.remove()`` on each undoes it.
    ``clip_value <= 0`` raises ``ValueError``.
    """
    raise NotImplementedError("validate clip_value, then register a clamping hook on each trainable parameter")


def freeze(model: nn.Module, prefixes: Iterable[str]) -> list[str]:
    """Freeze the parameters whose name starts with one of ``prefixes``; return their names.

    Sets ``requires_grad = False`` on every parameter whose name in ``model.named_parameters()``
    starts with one of ``prefixes``, where a prefix matches whole name segments: ``"fc1"`` matches
    ``fc1.weight``, not ``fc10.weight``. Returns those names in ``named_parameters()`` order; the
    other parameters keep their flag.
    """
    raise NotImplementedError("loop over model.named_parameters() and compare whole dotted segments")


def save_checkpoint(path: str | os.PathLike[str], model: nn.Module, optimizer: torch.optim.Optimizer, epoch: int) -> None:
    """Write a checkpoint with ``torch.save``: a dict with keys ``"model"``
    (``model.state_dict()``), ``"optimizer"`` (``optimizer.state_dict()``) and ``"epoch"`` (an int)."""
    raise NotImplementedError("torch.save a dict of the two state dicts and the epoch")


def load_checkpoint(path: str | os.PathLike[str], model: nn.Module, optimizer: torch.optim.Optimizer) -> int:
    """Read a checkpoint of ``save_checkpoint`` into ``model`` and ``optimizer``; return its epoch.

    Read it with ``torch.load(..., weights_only=True)`` and ``map_location`` set to the device of
    the model's parameters, restore both state dicts, and return the epoch as an int. Training
    resumed from a checkpoint continues exactly as if it had never stopped (momentum buffers
    included).
    """
    raise NotImplementedError("torch.load with map_location and weights_only=True, then load both state dicts")
