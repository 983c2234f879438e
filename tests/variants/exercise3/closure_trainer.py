"""Variant: bce_loss as `-lerp(log(1 - p), log(p), y).mean()`; weight and bias grads computed with `torch.einsum` and `.view(1)`; ManualSGD that stores `dampening=0` in defaults and rebuilds the buffer as `torch.add(g, buf, alpha=momentum)` (a new tensor each step); train_manual drives `step(closure)` with a closure that does forward, bce_loss and model.backward, then `zero_grad()`."""

from __future__ import annotations

import torch
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    return -torch.lerp(torch.log(1 - probs), torch.log(probs), targets).mean()


class LogisticRegression(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(in_features, dtype=torch.float32))
        self.bias = nn.Parameter(torch.zeros(1, dtype=torch.float32))

    def forward(self, x: Tensor) -> Tensor:
        return (x @ self.weight + self.bias).sigmoid()

    @torch.no_grad()
    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        residual = probs - targets
        n = x.shape[0]
        self.weight.grad = torch.einsum("n,nf->f", residual, x).div(n)
        self.bias.grad = residual.sum().div(n).view(1)


class ManualSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        if lr < 0:
            raise ValueError(f"Invalid learning rate: {lr}")
        if momentum < 0:
            raise ValueError(f"Invalid momentum value: {momentum}")
        if weight_decay < 0:
            raise ValueError(f"Invalid weight_decay value: {weight_decay}")
        if nesterov and momentum <= 0:
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        defaults = dict(lr=lr, momentum=momentum, dampening=0, weight_decay=weight_decay, nesterov=nesterov)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        with torch.no_grad():
            for group in self.param_groups:
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    g = p.grad
                    if group["weight_decay"]:
                        g = torch.add(g, p, alpha=group["weight_decay"])
                    if group["momentum"]:
                        state = self.state[p]
                        if "momentum_buffer" in state:
                            state["momentum_buffer"] = torch.add(g, state["momentum_buffer"], alpha=group["momentum"])
                        else:
                            state["momentum_buffer"] = g.clone()
                        buf = state["momentum_buffer"]
                        g = torch.add(g, buf, alpha=group["momentum"]) if group["nesterov"] else buf
                    p.add_(g, alpha=-group["lr"])
        return loss


def train_manual(model, x, targets, epochs, lr, momentum=0.0):
    optimizer = ManualSGD(model.parameters(), lr=lr, momentum=momentum)

    def closure() -> Tensor:
        with torch.no_grad():
            probs = model(x)
            loss = bce_loss(probs, targets)
        model.backward(x, targets, probs)
        return loss

    losses = []
    for _ in range(epochs):
        losses.append(float(optimizer.step(closure)))
        optimizer.zero_grad()
    return losses
