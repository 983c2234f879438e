"""Variant: bce_loss via `F.binary_cross_entropy`; backward as `(probs - targets) @ x / n` with a keepdim sum for the bias; ManualSGD with `torch._foreach_*` ops over each group; train_manual detaches the forward output instead of using no_grad."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import torch
import torch.nn.functional as F
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    return F.binary_cross_entropy(probs, targets)


class LogisticRegression(nn.Module):
    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(in_features))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x: Tensor) -> Tensor:
        return torch.sigmoid(x @ self.weight + self.bias)

    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        n = x.shape[0]
        delta = (probs.detach() - targets.detach()) / n
        self.weight.grad = delta @ x.detach()
        self.bias.grad = delta.sum(dim=0, keepdim=True)


class ManualSGD(torch.optim.Optimizer):
    def __init__(
        self,
        params: Iterable[Tensor] | Iterable[dict],
        lr: float,
        momentum: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        if not lr >= 0.0:
            raise ValueError(f"lr must be non-negative, got {lr}")
        if not momentum >= 0.0:
            raise ValueError(f"momentum must be non-negative, got {momentum}")
        if not weight_decay >= 0.0:
            raise ValueError(f"weight_decay must be non-negative, got {weight_decay}")
        if nesterov and not momentum > 0:
            raise ValueError("Nesterov momentum needs momentum > 0")
        defaults = {"lr": lr, "momentum": momentum, "weight_decay": weight_decay, "nesterov": nesterov, "dampening": 0.0}
        super().__init__(params, defaults)

    @torch.no_grad()
    def step(self, closure: Callable[[], Tensor] | None = None) -> Tensor | None:
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            params = [p for p in group["params"] if p.grad is not None]
            if not params:
                continue
            grads = [p.grad for p in params]
            if group["weight_decay"]:
                grads = torch._foreach_add(grads, params, alpha=group["weight_decay"])
            momentum = group["momentum"]
            if momentum:
                buffers = []
                for p, g in zip(params, grads):
                    state = self.state[p]
                    if "momentum_buffer" not in state:
                        state["momentum_buffer"] = torch.clone(g).detach()
                    else:
                        state["momentum_buffer"].mul_(momentum).add_(g)
                    buffers.append(state["momentum_buffer"])
                if group["nesterov"]:
                    grads = torch._foreach_add(grads, buffers, alpha=momentum)
                else:
                    grads = buffers
            torch._foreach_add_(params, grads, alpha=-group["lr"])
        return loss


def train_manual(
    model: LogisticRegression, x: Tensor, targets: Tensor, epochs: int, lr: float, momentum: float = 0.0
) -> list[float]:
    optimizer = ManualSGD(model.parameters(), lr=lr, momentum=momentum)
    history: list[float] = []
    for _ in range(epochs):
        probs = model(x).detach()
        loss = bce_loss(probs, targets)
        model.backward(x, targets, probs)
        optimizer.step()
        optimizer.zero_grad()
        history.append(float(loss))
    return history
