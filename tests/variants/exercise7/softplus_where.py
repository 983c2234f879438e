"""Variant: Sigmoid as exp(-softplus(-x)), which cannot overflow; Linear branches on bias=None in forward and returns a list from backward; ClampedExp masks with torch.where and keeps max_value in save_for_backward's companion attribute; FunctionLinear calls its own helper for the init."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        s = torch.exp(-torch.nn.functional.softplus(-x))
        ctx.save_for_backward(s)
        return s

    @staticmethod
    def backward(ctx, grad_output: Tensor) -> Tensor:
        s = ctx.saved_tensors[0]
        return grad_output * s * (1 - s)


class Linear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
        ctx.save_for_backward(x, weight)
        if bias is None:
            return x @ weight.t()
        return torch.addmm(bias, x, weight.t())

    @staticmethod
    def backward(ctx, grad_output: Tensor):
        x, weight = ctx.saved_tensors
        needs = ctx.needs_input_grad
        out = []
        out.append(grad_output @ weight if needs[0] else None)
        out.append(grad_output.t() @ x if needs[1] else None)
        if len(needs) == 3:
            out.append(grad_output.sum(0) if needs[2] else None)
        return tuple(out)


class StraightThroughRound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        return x.round()

    @staticmethod
    def backward(ctx, grad_output: Tensor) -> Tensor:
        return grad_output * 1


class ClampedExp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, max_value: float = 10.0) -> Tensor:
        y = torch.exp(torch.clamp(x, max=max_value))
        ctx.save_for_backward(x, y)
        ctx.max_value = max_value
        return y

    @staticmethod
    def backward(ctx, grad_output: Tensor):
        x, y = ctx.saved_tensors
        return torch.where(x < ctx.max_value, grad_output * y, 0.0), None


def _uniform(shape: tuple[int, ...], bound: float) -> nn.Parameter:
    return nn.Parameter(torch.empty(shape).uniform_(-bound, bound))


class FunctionLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        bound = 1 / math.sqrt(in_features)
        self.weight = _uniform((out_features, in_features), bound)
        self.bias = _uniform((out_features,), bound) if bias else None

    def forward(self, x: Tensor) -> Tensor:
        return Linear.apply(x, self.weight, self.bias)
