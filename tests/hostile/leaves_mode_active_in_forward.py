"""Hostile: the reference, but Standardize.forward enters a torch function mode and never leaves it, so
everything the probe computes after it would go through the learner's mode.

score: reference-minus: test_standardize_forward, test_mlp_forward
message: left a torch function or dispatch mode active
"""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


class MyLinear(nn.Module):
    """A fully connected layer, ``x @ weight.T + bias``, written without ``nn.Linear``."""

    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        self.in_features = in_features
        self.out_features = out_features
        bound = 1.0 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features).uniform_(-bound, bound))
        if bias:
            self.bias = nn.Parameter(torch.empty(out_features).uniform_(-bound, bound))
        else:
            self.register_parameter("bias", None)

    def forward(self, x: Tensor) -> Tensor:
        out = x @ self.weight.T
        if self.bias is not None:
            out = out + self.bias
        return out


class Standardize(nn.Module):
    """``(x - mean) / std`` with ``mean`` and ``std`` kept as buffers."""

    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", torch.as_tensor(mean).clone())
        self.register_buffer("std", torch.as_tensor(std).clone())

    def forward(self, x: Tensor) -> Tensor:
        _Passthrough().__enter__()
        return (x - self.mean) / self.std


class MLP(nn.Module):
    """Standardize, then two ``MyLinear`` layers with a ReLU between them."""

    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.norm = Standardize(mean, std)
        self.fc1 = MyLinear(in_features, hidden_features)
        self.fc2 = MyLinear(hidden_features, out_features)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(torch.relu(self.fc1(self.norm(x))))


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    """The number of scalars in ``model.parameters()``; shared parameters count once, buffers never."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad or not trainable_only)

from torch.overrides import TorchFunctionMode


class _Passthrough(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        return func(*args, **(kwargs or {}))
