"""Hostile: MyLinear.forward returns zeros as a Tensor subclass whose comparisons and conversions always
claim to match; the grader compares plain data, so every test that checks forward's values fails.

score: reference-minus: test_forward, test_follows_to_float64, test_forward_without_bias, test_forward_gradients, test_mlp_forward
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
        return torch.zeros(*x.shape[:-1], self.out_features, dtype=x.dtype, device=x.device).as_subclass(Agreeable)


class Standardize(nn.Module):
    """``(x - mean) / std`` with ``mean`` and ``std`` kept as buffers."""

    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", torch.as_tensor(mean).clone())
        self.register_buffer("std", torch.as_tensor(std).clone())

    def forward(self, x: Tensor) -> Tensor:
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

class Agreeable(torch.Tensor):
    """A tensor that says yes to every comparison."""

    def __eq__(self, other):
        return True

    def allclose(self, *args, **kwargs):
        return True

    def equal(self, *args, **kwargs):
        return True

    def __bool__(self):
        return True
