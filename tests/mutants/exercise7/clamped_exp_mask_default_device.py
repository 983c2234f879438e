"""Mutant: ClampedExp's backward builds its 0/1 mask with torch.zeros(x.shape, dtype=x.dtype): the dtype is
right, but the mask lands on the default device (the CPU), so on a GPU backward mixes devices.

expect: test_backward_matches_reference[ClampedExp]: A tensor made with `torch.zeros(...)` is on the CPU while the inputs are on cuda
"""

from __future__ import annotations

import math
from typing import Any

import torch
from torch import Tensor, nn


class Sigmoid(torch.autograd.Function):
    """``1 / (1 + exp(-x))`` from ``exp(-|x|)``, which never overflows; backward from the output."""

    @staticmethod
    def forward(ctx: Any, x: Tensor) -> Tensor:
        e = torch.exp(-x.abs())
        out = torch.where(x >= 0, 1 / (1 + e), e / (1 + e))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> Tensor:
        (out,) = ctx.saved_tensors
        return grad_output * out * (1 - out)


class Linear(torch.autograd.Function):
    """``x @ weight.T + bias``; backward computes only the gradients autograd asks for."""

    @staticmethod
    def forward(ctx: Any, x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
        ctx.save_for_backward(x, weight)
        out = x @ weight.T
        if bias is not None:
            out = out + bias
        return out

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> tuple[Tensor | None, Tensor | None, Tensor | None]:
        x, weight = ctx.saved_tensors
        needs_x, needs_weight, needs_bias = (*ctx.needs_input_grad, False)[:3]
        grad_x = grad_output @ weight if needs_x else None
        grad_weight = grad_output.T @ x if needs_weight else None
        grad_bias = grad_output.sum(0) if needs_bias else None
        return grad_x, grad_weight, grad_bias


class StraightThroughRound(torch.autograd.Function):
    """``round(x)`` forward, the identity's gradient backward (the straight-through estimator)."""

    @staticmethod
    def forward(ctx: Any, x: Tensor) -> Tensor:
        return torch.round(x)

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> Tensor:
        return grad_output


class ClampedExp(torch.autograd.Function):
    """``exp(min(x, max_value))``: the gradient is ``exp(x)`` below ``max_value`` and 0 from it on."""

    @staticmethod
    def forward(ctx: Any, x: Tensor, max_value: float = 10.0) -> Tensor:
        out = torch.exp(torch.clamp(x, max=max_value))
        ctx.save_for_backward(x, out)
        ctx.max_value = max_value
        return out

    @staticmethod
    def backward(ctx: Any, grad_output: Tensor) -> tuple[Tensor, None]:
        x, out = ctx.saved_tensors
        mask = torch.zeros(x.shape, dtype=x.dtype)
        mask[x < ctx.max_value] = 1.0
        return grad_output * out * mask, None


class FunctionLinear(nn.Module):
    """A fully connected layer like exercise 1's ``MyLinear``, computed by :class:`Linear`."""

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
        return Linear.apply(x, self.weight, self.bias)
