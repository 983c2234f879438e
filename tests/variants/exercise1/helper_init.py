"""Variant: the bound computed with `math.sqrt` once and both tensors drawn with `torch.empty(...).uniform_` inside a helper; forward as `x @ self.weight.transpose(0, 1)` with an `is None` early return; Standardize with the default `register_buffer` of `torch.tensor` copies (via `clone().detach()`); MLP forward via `torch.relu` on named steps; count_parameters via a generator over a dedup-by-identity dict (keeping order)."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


def _uniform(*shape: int, bound: float) -> nn.Parameter:
    return nn.Parameter(torch.empty(*shape).uniform_(-bound, bound))


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = _uniform(out_features, in_features, bound=bound)
        self.bias = _uniform(out_features, bound=bound) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        y = x @ self.weight.transpose(0, 1)
        if self.bias is None:
            return y
        return y + self.bias


class Standardize(nn.Module):
    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", mean.clone().detach().to(torch.float32), persistent=True)
        self.register_buffer("std", std.clone().detach().to(torch.float32), persistent=True)

    def forward(self, x: Tensor) -> Tensor:
        return (x - self.mean) / self.std


class MLP(nn.Module):
    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.norm = Standardize(mean, std)
        self.fc1 = MyLinear(in_features, hidden_features)
        self.fc2 = MyLinear(hidden_features, out_features)

    def forward(self, x: Tensor) -> Tensor:
        normed = self.norm(x)
        hidden = torch.relu(self.fc1(normed))
        return self.fc2(hidden)


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    unique = {id(p): p for p in model.parameters()}
    return sum(p.numel() for p in unique.values() if p.requires_grad or not trainable_only)
