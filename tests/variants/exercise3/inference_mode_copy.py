"""Variant: train_manual runs its whole loop under `torch.inference_mode()`; bce_loss clamps each log at -100 as torch does; ManualSGD updates with `param.copy_(param - lr * d)` (same storage), validates with one `min(...) < 0` check, and applies weight decay and nesterov with plain `+`; backward as `error @ x` with `torch.atleast_1d` for the bias."""

from __future__ import annotations

import torch
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    log_p = torch.log(probs).clamp(min=-100)
    log_q = torch.log(1 - probs).clamp(min=-100)
    return -(targets * log_p + (1 - targets) * log_q).mean()


class LogisticRegression(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(in_features))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x: Tensor) -> Tensor:
        return torch.sigmoid(x @ self.weight + self.bias)

    @torch.no_grad()
    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        error = (probs - targets) / x.shape[0]
        self.weight.grad = error @ x
        self.bias.grad = torch.atleast_1d(error.sum())


class ManualSGD(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        if min(lr, momentum, weight_decay) < 0:
            raise ValueError(f"lr, momentum and weight_decay must be >= 0, got {lr}, {momentum}, {weight_decay}")
        if nesterov and not momentum:
            raise ValueError("nesterov requires momentum")
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov))

    @torch.no_grad()
    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            for param in group["params"]:
                if param.grad is None:
                    continue
                d = param.grad
                if group["weight_decay"]:
                    d = d + group["weight_decay"] * param
                if group["momentum"]:
                    state = self.state[param]
                    if "momentum_buffer" in state:
                        state["momentum_buffer"].mul_(group["momentum"]).add_(d)
                    else:
                        state["momentum_buffer"] = d.clone()
                    buf = state["momentum_buffer"]
                    d = d + group["momentum"] * buf if group["nesterov"] else buf
                param.copy_(param - group["lr"] * d)
        return loss


def train_manual(model, x, targets, epochs, lr, momentum=0.0):
    optimizer = ManualSGD(model.parameters(), lr=lr, momentum=momentum)
    losses = []
    with torch.inference_mode():
        for _ in range(epochs):
            probs = model(x)
            loss = bce_loss(probs, targets)
            model.backward(x, targets, probs)
            optimizer.step()
            optimizer.zero_grad()
            losses.append(loss.item())
    return losses
