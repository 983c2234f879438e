"""Variant: bce_loss via `torch.xlogy`; backward under `torch.no_grad()` with an explicit loop over samples; ManualSGD in the old style, updating `p.data` with `p.data.add_` (no no_grad decorator) and nesterov via `d_p.add(buf, alpha=momentum)`; train_manual wraps the whole loop in `torch.no_grad()`."""

from __future__ import annotations

import torch
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    return -(torch.xlogy(targets, probs) + torch.xlogy(1 - targets, 1 - probs)).mean()


class LogisticRegression(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.empty(in_features).zero_())
        self.bias = nn.Parameter(torch.tensor([0.0]))

    def forward(self, x: Tensor) -> Tensor:
        return torch.sigmoid(torch.mv(x, self.weight) + self.bias)

    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        n = len(x)
        with torch.no_grad():
            grad_w = torch.zeros_like(self.weight)
            grad_b = torch.zeros_like(self.bias)
            for i in range(n):
                error = probs[i] - targets[i]
                grad_w += error * x[i]
                grad_b += error
            self.weight.grad = grad_w / n
            self.bias.grad = grad_b / n


class ManualSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        if lr < 0.0:
            raise ValueError("Invalid learning rate")
        if momentum < 0.0:
            raise ValueError("Invalid momentum value")
        if weight_decay < 0.0:
            raise ValueError("Invalid weight_decay value")
        if nesterov and momentum <= 0:
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov))

    def step(self, closure=None):
        loss = closure() if closure is not None else None
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
                        buf = param_state["momentum_buffer"] = d_p.clone()
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
    optimizer = ManualSGD(model.parameters(), lr, momentum=momentum)
    losses = []
    with torch.no_grad():
        for _ in range(epochs):
            probs = model(x)
            losses.append(bce_loss(probs, targets).item())
            model.backward(x, targets, probs)
            optimizer.step()
            optimizer.zero_grad()
    return losses
