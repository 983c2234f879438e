"""Variant: PyTorch as the course's notes write it: super(Class, self).__init__(...) (ManualSGD included: super(ManualSGD, self).__init__(params, defaults)), parameters built with torch.Tensor(n) and filled in place with .data.zero_(), updates through p.data, torch.autograd.Variable around the inputs, loss.data.item(), and model.cuda(x.get_device()) only when the data lives on CUDA."""

import torch
import torch.nn as nn
from torch.autograd import Variable
from torch.optim.optimizer import Optimizer, required


def bce_loss(probs, targets):
    loss = targets * torch.log(probs) + (1 - targets) * torch.log(1 - probs)
    return -loss.mean()


class LogisticRegression(nn.Module):
    def __init__(self, in_features):
        super(LogisticRegression, self).__init__()
        self.weight = nn.Parameter(torch.Tensor(in_features))
        self.bias = nn.Parameter(torch.Tensor(1))
        self.weight.data.zero_()
        self.bias.data.zero_()

    def forward(self, x):
        return torch.sigmoid(torch.matmul(x, self.weight) + self.bias)

    def backward(self, x, targets, probs):
        x, targets, probs = x.data, targets.data, probs.data
        error = (probs - targets) / x.size(0)
        self.weight.grad = torch.matmul(x.t(), error)
        self.bias.grad = error.sum().view(1)


class ManualSGD(Optimizer):
    def __init__(self, params, lr=required, momentum=0.0, weight_decay=0.0, nesterov=False):
        if lr is not required and lr < 0.0:
            raise ValueError("Invalid learning rate: {}".format(lr))
        if momentum < 0.0:
            raise ValueError("Invalid momentum value: {}".format(momentum))
        if weight_decay < 0.0:
            raise ValueError("Invalid weight_decay value: {}".format(weight_decay))
        if nesterov and momentum <= 0:
            raise ValueError("Nesterov momentum requires a momentum")
        defaults = dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
        super(ManualSGD, self).__init__(params, defaults)

    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                d_p = p.grad.data
                if group["weight_decay"] != 0:
                    d_p = d_p.add(p.data, alpha=group["weight_decay"])
                if group["momentum"] != 0:
                    param_state = self.state[p]
                    if "momentum_buffer" not in param_state:
                        buf = param_state["momentum_buffer"] = torch.clone(d_p).detach()
                    else:
                        buf = param_state["momentum_buffer"]
                        buf.mul_(group["momentum"]).add_(d_p)
                    if group["nesterov"]:
                        d_p = d_p.add(buf, alpha=group["momentum"])
                    else:
                        d_p = buf
                p.data.add_(d_p, alpha=-group["lr"])
        return loss


def train_manual(model, x, targets, epochs, lr, momentum=0.0):
    if x.is_cuda:
        model.cuda(x.get_device())
    x, targets = Variable(x), Variable(targets)
    optimizer = ManualSGD(model.parameters(), lr=lr, momentum=momentum)
    losses = []
    for epoch in range(epochs):
        probs = model(x)
        loss = bce_loss(probs, targets)
        model.backward(x, targets, probs)
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.data.item())
    return losses
