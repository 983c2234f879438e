"""Variant: backward with `x.t().mv(error)` and `error.sum().unsqueeze(0)`; ManualSGD starts an empty state with `torch.zeros_like(p).copy_(d)` (the first gradient), overrides `__setstate__` like torch.optim.SGD, and decays weights with `d.add(p.detach(), alpha=wd)`; forward computes `torch.sigmoid((x * weight).sum(1) + bias)`; bce_loss via `F.binary_cross_entropy(..., reduction="sum") / n`."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    return F.binary_cross_entropy(probs, targets, reduction="sum") / probs.shape[0]


class LogisticRegression(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.in_features = in_features
        self.weight = nn.Parameter(torch.zeros(in_features))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x: Tensor) -> Tensor:
        return torch.sigmoid((x * self.weight).sum(dim=1) + self.bias)

    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        with torch.no_grad():
            error = (probs - targets) / targets.numel()
            self.weight.grad = x.t().mv(error)
            self.bias.grad = error.sum().unsqueeze(0)


class ManualSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        if lr < 0.0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0.0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0.0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and momentum <= 0:
            raise ValueError("Nesterov momentum requires a positive momentum")
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov))

    def __setstate__(self, state):
        super().__setstate__(state)
        for group in self.param_groups:
            group.setdefault("nesterov", False)

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            wd, m = group["weight_decay"], group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                d = p.grad.detach()
                if wd > 0:
                    d = d.add(p.detach(), alpha=wd)
                if m > 0:
                    state = self.state[p]
                    if len(state) == 0:
                        state["momentum_buffer"] = torch.zeros_like(p).copy_(d)
                    else:
                        state["momentum_buffer"].mul_(m).add_(d)
                    buf = state["momentum_buffer"]
                    d = d.add(buf, alpha=m) if group["nesterov"] else buf
                p.add_(d, alpha=-group["lr"])
        return loss


def train_manual(model, x, targets, epochs, lr, momentum=0.0):
    optimizer = ManualSGD(model.parameters(), lr=lr, momentum=momentum)
    losses = []
    for _ in range(epochs):
        with torch.no_grad():
            probs = model(x)
            loss = bce_loss(probs, targets)
        model.backward(x, targets, probs)
        optimizer.step()
        optimizer.zero_grad()
        losses.append(loss.item())
    return losses
