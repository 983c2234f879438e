"""Variant: Sigmoid via torch.exp(F.logsigmoid(x)); Linear computes with torch.mm and reads needs_input_grad by index; ClampedExp multiplies by a float mask; StraightThroughRound returns `grad_output.view_as(grad_output)`; FunctionLinear inits in a reset_parameters method."""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import Tensor, nn


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        out = torch.exp(F.logsigmoid(x))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad_output: Tensor) -> Tensor:
        (out,) = ctx.saved_tensors
        return grad_output * out * (1.0 - out)


class Linear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
        ctx.save_for_backward(x, weight)
        out = torch.mm(x, weight.t())
        if bias is not None:
            out = out + bias
        return out

    @staticmethod
    def backward(ctx, grad_output: Tensor):
        x, weight = ctx.saved_tensors
        need_x, need_w = ctx.needs_input_grad[0], ctx.needs_input_grad[1]
        need_b = len(ctx.needs_input_grad) > 2 and ctx.needs_input_grad[2]
        return (torch.mm(grad_output, weight) if need_x else None,
                torch.mm(grad_output.t(), x) if need_w else None,
                grad_output.sum(0) if need_b else None)


class StraightThroughRound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        return torch.round(x)

    @staticmethod
    def backward(ctx, grad_output: Tensor) -> Tensor:
        return grad_output.view_as(grad_output)


class ClampedExp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, max_value: float = 10.0) -> Tensor:
        ctx.max_value = max_value
        out = torch.exp(torch.clamp(x, max=max_value))
        ctx.save_for_backward(x, out)
        return out

    @staticmethod
    def backward(ctx, grad_output: Tensor):
        x, out = ctx.saved_tensors
        return grad_output * out * (x < ctx.max_value).float().to(out.dtype), None


class FunctionLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        self.in_features = in_features
        self.weight = nn.Parameter(torch.empty(out_features, in_features))
        self.bias = nn.Parameter(torch.empty(out_features)) if bias else None
        self.reset_parameters()

    def reset_parameters(self) -> None:
        bound = 1 / math.sqrt(self.in_features)
        with torch.no_grad():
            self.weight.uniform_(-bound, bound)
            if self.bias is not None:
                self.bias.uniform_(-bound, bound)

    def forward(self, x: Tensor) -> Tensor:
        return Linear.apply(x, self.weight, self.bias)
