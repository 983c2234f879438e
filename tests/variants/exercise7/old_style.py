"""Variant: the course notes' older style: `super(FunctionLinear, self).__init__()`, `torch.Tensor(n)` filled through `.data`, a `torch.autograd.Variable` mask, and the classic `grad_input[mask] = 0` backward; Sigmoid clamps its input before exp."""

import math

import torch
from torch import nn
from torch.autograd import Variable


class Sigmoid(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        out = 1.0 / (1.0 + torch.exp(-x.clamp(min=-80.0)))
        ctx.save_for_backward(out)
        return out

    @staticmethod
    def backward(ctx, grad_output):
        out, = ctx.saved_tensors
        return grad_output * out * (1.0 - out)


class Linear(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, weight, bias=None):
        ctx.save_for_backward(x, weight, bias)
        output = x.mm(weight.t())
        if bias is not None:
            output += bias.unsqueeze(0).expand_as(output)
        return output

    @staticmethod
    def backward(ctx, grad_output):
        x, weight, bias = ctx.saved_tensors
        grad_input = grad_weight = grad_bias = None
        if ctx.needs_input_grad[0]:
            grad_input = grad_output.mm(weight)
        if ctx.needs_input_grad[1]:
            grad_weight = grad_output.t().mm(x)
        if bias is not None and ctx.needs_input_grad[2]:
            grad_bias = grad_output.sum(0)
        return grad_input, grad_weight, grad_bias


class StraightThroughRound(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.round()

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.clone()


class ClampedExp(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, max_value=10.0):
        ctx.max_value = max_value
        result = x.clamp(max=max_value).exp()
        ctx.save_for_backward(x, result)
        return result

    @staticmethod
    def backward(ctx, grad_output):
        x, result = ctx.saved_tensors
        mask = Variable(x >= ctx.max_value)
        grad_input = grad_output * result
        grad_input[mask] = 0
        return grad_input, None


class FunctionLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super(FunctionLinear, self).__init__()
        self.weight = nn.Parameter(torch.Tensor(out_features, in_features))
        if bias:
            self.bias = nn.Parameter(torch.Tensor(out_features))
        else:
            self.register_parameter("bias", None)
        stdv = 1.0 / math.sqrt(in_features)
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, input):
        return Linear.apply(input, self.weight, self.bias)
