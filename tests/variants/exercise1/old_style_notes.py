"""Variant: PyTorch as the course's notes write it: super(Class, self).__init__(), parameters built with torch.Tensor(out, in) and initialised in place through .data.uniform_ in a reset_parameters method, forward with input.matmul(self.weight.t()), F.relu, and count_parameters through numpy.prod(p.size())."""

import math

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class MyLinear(nn.Module):
    def __init__(self, in_features, out_features, bias=True):
        super(MyLinear, self).__init__()
        self.in_features = in_features
        self.out_features = out_features
        self.weight = nn.Parameter(torch.Tensor(out_features, in_features))
        if bias:
            self.bias = nn.Parameter(torch.Tensor(out_features))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.weight.size(1))
        self.weight.data.uniform_(-stdv, stdv)
        if self.bias is not None:
            self.bias.data.uniform_(-stdv, stdv)

    def forward(self, input):
        output = input.matmul(self.weight.t())
        if self.bias is not None:
            output += self.bias
        return output


class Standardize(nn.Module):
    def __init__(self, mean, std):
        super(Standardize, self).__init__()
        self.register_buffer("mean", mean.clone())
        self.register_buffer("std", std.clone())

    def forward(self, x):
        return (x - self.mean) / self.std


class MLP(nn.Module):
    def __init__(self, in_features, hidden_features, out_features, mean, std):
        super(MLP, self).__init__()
        self.norm = Standardize(mean, std)
        self.fc1 = MyLinear(in_features, hidden_features)
        self.fc2 = MyLinear(hidden_features, out_features)

    def forward(self, x):
        x = self.norm(x)
        x = F.relu(self.fc1(x))
        return self.fc2(x)


def count_parameters(model, trainable_only=True):
    total = 0
    for p in model.parameters():
        if trainable_only and not p.requires_grad:
            continue
        total += int(np.prod(p.size()))
    return total
