"""Variant: forward flattens the batch dims and uses `torch.addmm` / `torch.mm`, then restores them; parameters registered with `register_parameter`; `reset_parameters` with `nn.init.kaiming_uniform_(a=sqrt(5))` (exactly nn.Linear's bound); Standardize declares `None` buffers and then assigns tensors to them; in-place ReLU on the hidden activations; an explicit counting loop."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


class MyLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        self.in_features, self.out_features = in_features, out_features
        self.register_parameter("weight", nn.Parameter(torch.empty(out_features, in_features)))
        self.register_parameter("bias", nn.Parameter(torch.empty(out_features)) if bias else None)
        self.reset_parameters()

    def reset_parameters(self) -> None:
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            bound = 1 / math.sqrt(self.in_features)
            nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, x: Tensor) -> Tensor:
        flat = x.reshape(-1, self.in_features)
        if self.bias is None:
            out = torch.mm(flat, self.weight.t())
        else:
            out = torch.addmm(self.bias, flat, self.weight.t())
        return out.reshape(*x.shape[:-1], self.out_features)

    def extra_repr(self) -> str:
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class Standardize(nn.Module):
    def __init__(self, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.register_buffer("mean", None)
        self.register_buffer("std", None)
        self.mean = torch.as_tensor(mean).detach().clone()
        self.std = torch.as_tensor(std).detach().clone()

    def forward(self, x: Tensor) -> Tensor:
        return torch.div(torch.sub(x, self.mean), self.std)


class MLP(nn.Module):
    def __init__(self, in_features: int, hidden_features: int, out_features: int, mean: Tensor, std: Tensor) -> None:
        super().__init__()
        self.add_module("norm", Standardize(mean, std))
        self.add_module("fc1", MyLinear(in_features, hidden_features))
        self.add_module("fc2", MyLinear(hidden_features, out_features))

    def forward(self, x: Tensor) -> Tensor:
        hidden = self.fc1(self.norm(x))
        hidden.relu_()
        return self.fc2(hidden)


def count_parameters(model: nn.Module, trainable_only: bool = True) -> int:
    total = 0
    for _, p in model.named_parameters():
        if trainable_only and not p.requires_grad:
            continue
        total += int(p.numel())
    return total
