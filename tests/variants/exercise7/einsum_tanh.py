"""Variant: Sigmoid as 0.5 * (1 + tanh(x / 2)); Linear with einsum and needs_input_grad unpacked with padding; ClampedExp saves only x and recomputes exp in backward; StraightThroughRound returns grad_output as it is; FunctionLinear draws with torch.rand and rescales."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        y = 0.5 * (1 + torch.tanh(0.5 * x))
        ctx.save_for_backward(y)
        return y

    @staticmethod
    def backward(ctx, grad_output: Tensor) -> Tensor:
        (y,) = ctx.saved_tensors
        return grad_output * (y - y * y)


class Linear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, weight: Tensor, bias: Tensor | None = None) -> Tensor:
        ctx.save_for_backward(x, weight)
        y = torch.einsum("ni,oi->no", x, weight)
        return y if bias is None else y + bias

    @staticmethod
    def backward(ctx, grad_output: Tensor):
        x, weight = ctx.saved_tensors
        wants = list(ctx.needs_input_grad) + [False] * (3 - len(ctx.needs_input_grad))
        grad_x = torch.einsum("no,oi->ni", grad_output, weight) if wants[0] else None
        grad_w = torch.einsum("no,ni->oi", grad_output, x) if wants[1] else None
        grad_b = grad_output.sum(0) if wants[2] else None
        return grad_x, grad_w, grad_b


class StraightThroughRound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor) -> Tensor:
        return torch.round(x)

    @staticmethod
    def backward(ctx, grad_output: Tensor) -> Tensor:
        return grad_output


class ClampedExp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x: Tensor, max_value: float = 10.0) -> Tensor:
        ctx.save_for_backward(x)
        ctx.limit = float(max_value)
        return x.clamp(max=max_value).exp()

    @staticmethod
    def backward(ctx, grad_output: Tensor):
        (x,) = ctx.saved_tensors
        keep = (x < ctx.limit).to(grad_output.dtype)
        return grad_output * x.clamp(max=ctx.limit).exp() * keep, None


class FunctionLinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, bias: bool = True) -> None:
        super().__init__()
        limit = 1 / math.sqrt(in_features)
        self.weight = nn.Parameter((torch.rand(out_features, in_features) * 2 - 1) * limit)
        if bias:
            self.bias = nn.Parameter((torch.rand(out_features) * 2 - 1) * limit)
        else:
            self.register_parameter("bias", None)

    def forward(self, x: Tensor) -> Tensor:
        return Linear.apply(x, self.weight, self.bias)
