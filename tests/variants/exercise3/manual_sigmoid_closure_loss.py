"""Variant: forward with a hand-written sigmoid `1 / (1 + exp(-z))` via `torch.addmv`; bce_loss as a sum divided by `numel()`; backward from detached tensors with `torch.matmul(x.T, error)` and `.reshape(1)`; ManualSGD copies the buffer with `torch.clone(d).detach()`, keeps per-group variables, and evaluates the closure with `torch.enable_grad()`; train_manual builds the optimizer from a list of parameter groups."""

from __future__ import annotations

import torch
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    total = (targets * probs.log() + (1 - targets) * (1 - probs).log()).sum()
    return -total / probs.numel()


class LogisticRegression(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(nn.init.zeros_(torch.empty(in_features)))
        self.bias = nn.Parameter(nn.init.zeros_(torch.empty(1)))

    def forward(self, x: Tensor) -> Tensor:
        z = torch.addmv(self.bias, x, self.weight)
        return 1 / (1 + torch.exp(-z))

    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        x, targets, probs = x.detach(), targets.detach(), probs.detach()
        error = (probs - targets) / x.size(0)
        self.weight.grad = torch.matmul(x.T, error)
        self.bias.grad = error.sum().reshape(1)
        return None


class ManualSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        errors = []
        if lr < 0:
            errors.append(f"lr={lr} is negative")
        if momentum < 0:
            errors.append(f"momentum={momentum} is negative")
        if weight_decay < 0:
            errors.append(f"weight_decay={weight_decay} is negative")
        if nesterov and momentum <= 0:
            errors.append("nesterov needs momentum > 0")
        if errors:
            raise ValueError("; ".join(errors))
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr = group["lr"]
            momentum = group["momentum"]
            weight_decay = group["weight_decay"]
            nesterov = group["nesterov"]
            for p in group["params"]:
                grad = p.grad
                if grad is None:
                    continue
                d = grad.add(p, alpha=weight_decay) if weight_decay != 0 else grad
                if momentum != 0:
                    state = self.state[p]
                    buf = state.get("momentum_buffer", None)
                    if buf is None:
                        buf = torch.clone(d).detach()
                        state["momentum_buffer"] = buf
                    else:
                        buf.mul_(momentum).add_(d, alpha=1.0)
                    d = d.add(buf, alpha=momentum) if nesterov else buf
                p.add_(d, alpha=-lr)
        return loss


def train_manual(model, x, targets, epochs, lr, momentum=0.0):
    optimizer = ManualSGD([{"params": [model.weight, model.bias]}], lr=lr, momentum=momentum)
    losses = []
    for _ in range(epochs):
        with torch.no_grad():
            probs = model(x)
            loss = bce_loss(probs, targets)
        losses.append(loss.item())
        model.backward(x, targets, probs)
        optimizer.step()
        optimizer.zero_grad()
    return losses
