"""Variant: forward as a broadcast multiply-and-sum `(x.unsqueeze(-2) * self.weight).sum(-1)` (another summation order); Standardize registers the caller's tensors themselves (no copy); MLP uses `nn.ReLU(inplace=True)` as a child; count_parameters with `p.nelement()` and an explicit trainable filter branch."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        bound = math.sqrt(1.0 / in_features)
        self.weight = nn.Parameter(2 * bound * torch.rand(out_features, in_features) - bound)
        if bias:
            self.bias = nn.Parameter(2 * bound * torch.rand(out_features) - bound)
        else:
            self.register_parameter("bias", None)

    def forward(self, x: Tensor) -> Tensor:
        out = (x.unsqueeze(-2) * self.weight).sum(dim=-1)
        if self.bias is not None:
            out = out + self.bias
        return out


class Standardize(nn.Module):
    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", mean)
        self.register_buffer("std", std)

    def forward(self, x: Tensor) -> Tensor:
        return (x - self.mean) / self.std


class MLP(nn.Module):
    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.norm = Standardize(mean, std)
        self.fc1 = MyLinear(in_features, hidden_features)
        self.relu = nn.ReLU(inplace=True)
        self.fc2 = MyLinear(hidden_features, out_features)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(self.relu(self.fc1(self.norm(x))))


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    if trainable_only:
        return sum(p.nelement() for p in model.parameters() if p.requires_grad)
    return sum(p.nelement() for p in model.parameters())
