"""Variant: typical learner leftovers that must not cost points: `torch.tensor(mean)` copies (which emit a UserWarning), `device=None, dtype=None` factory keyword arguments on MyLinear, bias=False stored with `register_buffer("bias", None)`, a debug `print` in MLP.forward, and count_parameters returning `int(...)` of a sum."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True, device=None, dtype=None) -> None:
        super().__init__()
        factory = {"device": device, "dtype": dtype}
        bound = 1.0 / math.sqrt(in_features)
        self.weight = nn.Parameter(torch.empty(out_features, in_features, **factory).uniform_(-bound, bound))
        if bias:
            self.bias = nn.Parameter(torch.empty(out_features, **factory).uniform_(-bound, bound))
        else:
            self.register_buffer("bias", None)

    def forward(self, x: Tensor) -> Tensor:
        out = x @ self.weight.T
        if self.bias is not None:
            out = out + self.bias
        return out


class Standardize(nn.Module):
    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", torch.tensor(mean))
        self.register_buffer("std", torch.tensor(std))

    def forward(self, x: Tensor) -> Tensor:
        return (x - self.mean) / self.std


class MLP(nn.Module):
    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.norm = Standardize(mean, std)
        self.fc1 = MyLinear(in_features, hidden_features)
        self.fc2 = MyLinear(hidden_features, out_features)

    def forward(self, x: Tensor) -> Tensor:
        print("MLP input shape:", tuple(x.shape))
        return self.fc2(torch.relu(self.fc1(self.norm(x))))


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    return int(sum(p.numel() for p in model.parameters() if (p.requires_grad or not trainable_only)))
