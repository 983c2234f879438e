"""Variant: bce_loss with `torch.log1p(-probs)` and `torch.where`-free weighting; forward via `F.linear` with the weight as a row and `squeeze(-1)`; backward with mean-based reductions `(error[:, None] * x).mean(0)` and `error.mean(0, keepdim=True)`; ManualSGD updates with `p.sub_(lr * d)` under `torch.no_grad()` and reads options via a helper; zero_grad(set_to_none=False) in train_manual."""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    per_sample = targets * torch.log(probs) + (1.0 - targets) * torch.log1p(-probs)
    return -per_sample.mean()


class LogisticRegression(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(in_features))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x: Tensor) -> Tensor:
        return torch.sigmoid(F.linear(x, self.weight.unsqueeze(0), self.bias)).squeeze(-1)

    @torch.no_grad()
    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        error = probs - targets
        self.weight.grad = (error[:, None] * x).mean(dim=0)
        self.bias.grad = error.mean(dim=0, keepdim=True)


class ManualSGD(torch.optim.Optimizer):
    def __init__(self, params, lr: float, momentum: float = 0.0, weight_decay: float = 0.0, nesterov: bool = False) -> None:
        for name, value in (("lr", lr), ("momentum", momentum), ("weight_decay", weight_decay)):
            if value < 0:
                raise ValueError(f"{name} must be >= 0 (got {value})")
        if nesterov and momentum == 0:
            raise ValueError("nesterov=True requires momentum")
        super().__init__(params, {"lr": lr, "momentum": momentum, "weight_decay": weight_decay, "nesterov": nesterov})

    @staticmethod
    def _options(group: dict) -> tuple[float, float, float, bool]:
        return group["lr"], group["momentum"], group["weight_decay"], group["nesterov"]

    def step(self, closure=None):
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        with torch.no_grad():
            for group in self.param_groups:
                lr, momentum, weight_decay, nesterov = self._options(group)
                for p in group["params"]:
                    if p.grad is None:
                        continue
                    d = p.grad + weight_decay * p if weight_decay else p.grad
                    if momentum:
                        state = self.state[p]
                        if state.get("momentum_buffer") is None:
                            state["momentum_buffer"] = d.detach().clone()
                        else:
                            state["momentum_buffer"] = state["momentum_buffer"].mul_(momentum).add_(d)
                        buf = state["momentum_buffer"]
                        d = d + momentum * buf if nesterov else buf
                    p.sub_(lr * d)
        return loss


def train_manual(model, x, targets, epochs, lr, momentum=0.0):
    optimizer = ManualSGD(model.parameters(), lr=lr, momentum=momentum)
    out = []
    for epoch in range(epochs):
        with torch.no_grad():
            probs = model.forward(x)
        out.append(bce_loss(probs, targets).item())
        model.backward(x, targets, probs)
        optimizer.step()
        optimizer.zero_grad(set_to_none=False)
    return out
