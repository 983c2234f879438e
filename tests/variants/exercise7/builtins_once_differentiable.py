"""Variant: forward with torch's own kernels (torch.sigmoid, F.linear, torch.exp of torch.minimum); every backward marked `@once_differentiable`; ClampedExp saves a boolean mask; FunctionLinear initialised with `nn.init.kaiming_uniform_(a=sqrt(5))` like nn.Linear."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import Tensor, nn
from torch.autograd.function import once_differentiable


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        out = torch.sigmoid(x)
        ctx.save_for_backward(out)
        return out

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output: Tensor) -> Tensor:
        (out,) = ctx.saved_tensors
        return grad_output * out * (1 - out)


class Linear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
        ctx.save_for_backward(x, weight)
        ctx.has_bias = bias is not None
        return F.linear(x, weight, bias)

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output: Tensor):
        x, weight = ctx.saved_tensors
        needs = ctx.needs_input_grad
        grads = [None, None, None]
        if needs[0]:
            grads[0] = torch.matmul(grad_output, weight)
        if needs[1]:
            grads[1] = torch.matmul(grad_output.transpose(0, 1), x)
        if ctx.has_bias and len(needs) > 2 and needs[2]:
            grads[2] = grad_output.sum(dim=0)
        return tuple(grads)


class StraightThroughRound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        return torch.round(x)

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output: Tensor) -> tuple[Tensor]:
        return (grad_output,)


class ClampedExp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, max_value: float = 10.0) -> Tensor:
        out = torch.exp(torch.minimum(x, torch.full_like(x, max_value)))
        ctx.save_for_backward(out, x < max_value)
        return out

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output: Tensor):
        out, below = ctx.saved_tensors
        return torch.where(below, grad_output * out, torch.zeros_like(out)), None


class FunctionLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.empty(out_features, in_features))
        self.bias = nn.Parameter(torch.empty(out_features)) if bias else None
        nn.init.kaiming_uniform_(self.weight, a=math.sqrt(5))
        if self.bias is not None:
            bound = 1 / math.sqrt(in_features)
            nn.init.uniform_(self.bias, -bound, bound)

    def forward(self, x: Tensor) -> Tensor:
        return Linear.apply(x, self.weight, self.bias)
