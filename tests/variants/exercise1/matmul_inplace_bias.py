"""Variant: weight created as a legacy `torch.Tensor(out, in)` and filled under `torch.no_grad()`; forward with `torch.matmul(x, self.weight.mT)` and an in-place `out += self.bias`; Standardize normalises into a fresh tensor with `x.sub(...).div_(...)`; relu via `clamp(min=0)`; counting via a dict keyed by id."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.Tensor(out_features, in_features))
        if bias:
            self.bias = nn.Parameter(torch.Tensor(out_features))
        else:
            self.register_parameter("bias", None)
        limit = 1.0 / math.sqrt(in_features)
        with torch.no_grad():
            for p in self.parameters():
                p.uniform_(-limit, limit)

    def forward(self, x: Tensor) -> Tensor:
        out = torch.matmul(x, self.weight.mT)
        if self.bias is not None:
            out += self.bias
        return out


class Standardize(nn.Module):
    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", torch.as_tensor(mean).float().clone())
        self.register_buffer("std", torch.as_tensor(std).float().clone())

    def forward(self, x: Tensor) -> Tensor:
        return x.sub(self.mean).div_(self.std)


class MLP(nn.Module):
    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.norm = Standardize(mean, std)
        self.fc1 = MyLinear(in_features, hidden_features)
        self.fc2 = MyLinear(hidden_features, out_features)

    def forward(self, x: Tensor) -> Tensor:
        return self.fc2(self.fc1(self.norm(x)).clamp(min=0))


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    sizes = {id(p): p.numel() for p in model.parameters() if p.requires_grad or not trainable_only}
    return sum(sizes.values())
