"""Hostile: MyLinear builds an empty module; at import the file replaces the probe helpers that
inspect a module with ones that describe a perfect MyLinear, and first tries to blind whatever
checks for replacements: builtins.all, builtins.sorted, builtins.zip, operator.is_ and the grader's
own Guard.restore. It earns what an empty nn.Module earns, nothing more.

score: reference-minus: test_weight_is_parameter, test_bias_is_parameter, test_state_dict_names, test_no_bias, test_init_range, test_init_is_random, test_forward, test_follows_to_float64, test_forward_without_bias, test_forward_gradients, test_standardize_buffers, test_standardize_moves_with_to, test_standardize_forward, test_mlp_children, test_mlp_state_dict, test_mlp_forward, test_count_returns_int, test_count_trainable, test_count_shared_and_buffers
incident: were put back for grading
"""

from __future__ import annotations

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

import builtins
import operator
import sys

sys.modules["grader._integrity"].Guard.restore = property(lambda self: (lambda: []))
sys.modules["grader._integrity"].Guard.changes = property(lambda self: (lambda: []))
builtins.all = lambda iterable: True
builtins.sorted = lambda iterable, **kwargs: []
builtins.zip = lambda *iterables: iter(())
operator.is_ = lambda a, b: True

_probes = sys.modules["grader.suites.exercise1.probes"]
_probes.structure = lambda module: {
    "is_module": True, "parameters": ["weight", "bias"], "buffers": [],
    "state_dict": {"weight": [5, 3], "bias": [5]}, "children": {}, "stateful_children": [],
}
_probes.attribute = lambda module, name: {"kind": "parameter", "shape": [5, 3] if name == "weight" else [5],
                                          "dtype": "torch.float32", "requires_grad": True}
