"""Mutant: backward sums the error with a vector of ones made by torch.ones(n) on the default device, not on x's device.

expect: test_backward_matches_autograd[n16]: A tensor made with `torch.ones(...)` is on the CPU while the inputs are on cuda
expect: test_train_manual_losses[plain]: create it on the inputs' device (`device=x.device`)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import torch
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    """Mean binary cross-entropy of ``probs`` against ``targets`` (0 or 1), a scalar tensor."""
    return -(targets * torch.log(probs) + (1 - targets) * torch.log(1 - probs)).mean()


class LogisticRegression(nn.Module):
    """``sigmoid(x @ weight + bias)``, with a hand-written backward pass."""

    def __init__(self, in_features: int) -> None:
        super().__init__()
        self.weight = nn.Parameter(torch.zeros(in_features))
        self.bias = nn.Parameter(torch.zeros(1))

    def forward(self, x: Tensor) -> Tensor:
        return torch.sigmoid(x @ self.weight + self.bias)

    @torch.no_grad()
    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        """Store d bce_loss / d weight and d bias in ``.grad``; for a sigmoid, dL/dz = (p - y) / N."""
        error = (probs - targets) / x.shape[0]
        self.weight.grad = x.T @ error
        ones = torch.ones(x.shape[0])
        self.bias.grad = (ones @ error).reshape(1)


class ManualSGD(torch.optim.Optimizer):
    """``torch.optim.SGD`` (dampening 0) written by hand."""

    def __init__(
        self,
        params: Iterable[Tensor] | Iterable[dict],
        lr: float,
        momentum: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        if lr < 0:
            raise ValueError(f"invalid learning rate: {lr}")
        if momentum < 0:
            raise ValueError(f"invalid momentum: {momentum}")
        if weight_decay < 0:
            raise ValueError(f"invalid weight_decay: {weight_decay}")
        if nesterov and momentum <= 0:
            raise ValueError("nesterov momentum requires a momentum > 0")
        super().__init__(params, dict(lr=lr, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov))

    @torch.no_grad()
    def step(self, closure: Callable[[], float] | None = None) -> float | None:
        loss = None
        if closure is not None:
            with torch.enable_grad():
                loss = closure()
        for group in self.param_groups:
            lr, momentum = group["lr"], group["momentum"]
            weight_decay, nesterov = group["weight_decay"], group["nesterov"]
            for param in group["params"]:
                if param.grad is None:
                    continue
                step = param.grad
                if weight_decay != 0:
                    step = step.add(param, alpha=weight_decay)
                if momentum != 0:
                    state = self.state[param]
                    buffer = state.get("momentum_buffer")
                    if buffer is None:
                        buffer = state["momentum_buffer"] = step.clone()
                    else:
                        buffer.mul_(momentum).add_(step)
                    step = step.add(buffer, alpha=momentum) if nesterov else buffer
                param.add_(step, alpha=-lr)
        return loss


def train_manual(
    model: LogisticRegression, x: Tensor, targets: Tensor, epochs: int, lr: float, momentum: float = 0.0
) -> list[float]:
    """Full-batch training with the hand-written backward pass; each epoch's loss before its update."""
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
