"""Hostile: the untouched stub; at import it looks for a reference wherever an install may have put
one (the files the kit's distribution records, a ``grader/_kit`` or ``solutions`` folder in or beside
any ``sys.path`` entry, the package's own folder) and loads the first it can read with importlib.

score: 0
incident: refused: reading
"""

from __future__ import annotations

import glob
import importlib.metadata
import importlib.util
import os
import sys

import grader


def _candidates() -> list[str]:
    found: list[str] = []
    try:
        distribution = importlib.metadata.distribution("pytorch-grader")
        found += [str(distribution.locate_file(file)) for file in distribution.files or []
                  if str(file).endswith("solutions/exercise1.py")]
    except importlib.metadata.PackageNotFoundError:
        pass
    package = os.path.dirname(os.path.abspath(grader.__file__))
    for entry in [package, os.path.dirname(package), *sys.path]:
        if entry:
            found += [os.path.join(entry, "grader", "_kit", "solutions", "exercise1.py"),
                      os.path.join(entry, "_kit", "solutions", "exercise1.py"),
                      os.path.join(entry, "solutions", "exercise1.py"),
                      os.path.join(os.path.dirname(entry), "solutions", "exercise1.py"),
                      *glob.glob(os.path.join(entry, "*", "_kit", "solutions", "exercise1.py"))]
    return list(dict.fromkeys(os.path.abspath(path) for path in found))

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

for _path in _candidates():
    try:
        _spec = importlib.util.spec_from_file_location("borrowed", _path)
        _module = importlib.util.module_from_spec(_spec)
        _spec.loader.exec_module(_module)
    except (OSError, ImportError, AttributeError):
        continue
    MyLinear, Standardize, MLP = _module.MyLinear, _module.Standardize, _module.MLP
    count_parameters = _module.count_parameters
    break
