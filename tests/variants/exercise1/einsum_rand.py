"""Variant: forward via `torch.einsum`, init as `torch.rand(...) * 2 * b - b`, buffers cloned with `detach().clone().float()`, relu via `F.relu`, count_parameters with `map(torch.numel, ...)`."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        b = in_features ** -0.5
        self.weight = nn.Parameter(torch.rand(out_features, in_features) * 2 * b - b)
        self.bias = nn.Parameter(torch.rand(out_features) * 2 * b - b) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        y = torch.einsum("...i,oi->...o", x, self.weight)
        return y if self.bias is None else y + self.bias


class Standardize(nn.Module):
    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", mean.detach().clone().float())
        self.register_buffer("std", std.detach().clone().float())

    def forward(self, x: Tensor) -> Tensor:
        return x.sub(self.mean).div(self.std)


class MLP(nn.Module):
    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.norm = Standardize(mean, std)
        self.fc1 = MyLinear(in_features, hidden_features)
        self.fc2 = MyLinear(hidden_features, out_features)

    def forward(self, x: Tensor) -> Tensor:
        x = self.norm(x)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    params = model.parameters()
    if trainable_only:
        params = filter(lambda p: p.requires_grad, params)
    return sum(map(torch.numel, params))
