"""Hostile: the untouched stub; at import it reads other learners' files in the roster and runs the first
that defines MyLinear, to earn their marks.

score: 0
incident: is not allowed while grading
"""

from __future__ import annotations

import os

_roster = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_copied = None
for _folder, _, _files in os.walk(_roster):
    for _name in _files:
        _path = os.path.join(_folder, _name)
        if _name == "exercise1.py" and os.path.abspath(_path) != os.path.abspath(__file__):
            try:
                with open(_path) as _file:
                    _text = _file.read()
            except OSError:
                continue
            if "class MyLinear" in _text and "NotImplementedError" not in _text:
                _copied = _text

import math

import torch
from torch import Tensor, nn


class MyLinear(nn.Module):
    """A fully connected layer: ``forward(x) = x @ weight.T + bias``.

    - ``weight``: an ``nn.Parameter`` of shape ``(out_features, in_features)``.
    - ``bias``: an ``nn.Parameter`` of shape ``(out_features,)``, or ``None`` when ``bias=False``
      (use ``self.register_parameter("bias", None)`` so the name still exists).
    - Initialise both uniformly in ``[-1/sqrt(in_features), 1/sqrt(in_features)]``, like
      ``nn.Linear`` (``tensor.uniform_(a, b)`` fills a tensor in place).
    - ``x`` of shape ``(*, in_features)`` gives ``(*, out_features)``: any number of batch dims.
    - Do not use ``nn.Linear`` or any other child module: that defeats the exercise.
    """

    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        raise NotImplementedError("create self.weight (and self.bias) as nn.Parameter, initialised uniformly")

    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError("return x @ self.weight.T, plus self.bias when there is one")


class Standardize(nn.Module):
    """``forward(x) = (x - mean) / std``, with ``mean`` and ``std`` kept as buffers.

    Register them with ``self.register_buffer("mean", ...)`` and ``("std", ...)``: saved in
    ``state_dict``, moved by ``.to()``, never returned by ``parameters()``.
    """

    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        raise NotImplementedError("register mean and std as buffers named 'mean' and 'std'")

    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError("return (x - self.mean) / self.std")


class MLP(nn.Module):
    """``forward(x) = fc2(relu(fc1(norm(x))))``.

    Children, by exactly these names: ``norm`` (``Standardize(mean, std)``), ``fc1``
    (``MyLinear(in_features, hidden_features)``) and ``fc2`` (``MyLinear(hidden_features,
    out_features)``).
    """

    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        raise NotImplementedError("create self.norm, self.fc1 and self.fc2")

    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError("apply norm, fc1, relu and fc2 in that order")


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    """The number of scalar values in ``model.parameters()``, as a Python ``int``.

    A parameter shared by two layers counts once (``parameters()`` already yields it once);
    buffers never count. With ``trainable_only``, count only parameters with ``requires_grad``.
    """
    raise NotImplementedError("sum p.numel() over model.parameters(), honouring trainable_only")

if _copied is not None:
    exec(_copied, globals())
