"""Exercise 3: backward from scratch with an overridden optimizer (역전파 직접 구현과 옵티마이저).

Train a logistic regression without autograd (자동 미분): write the loss, its gradient by hand,
and an optimizer that applies exactly ``torch.optim.SGD``'s update rule.

- Binary cross-entropy (이진 교차 엔트로피): ``L = -mean(y*log(p) + (1-y)*log(1-p))``.
- With ``p = sigmoid(z)`` and ``z = x @ w + b``, the chain rule gives ``dL/dz = (p - y) / N``, so
  ``dL/dw = x.T @ (p - y) / N`` and ``dL/db = sum(p - y) / N``.
- An optimizer subclasses ``torch.optim.Optimizer``: pass the options as ``defaults`` to
  ``super().__init__(params, defaults)``, then loop over ``self.param_groups`` in ``step``.

Check your work with ``grader check exercise3``; compare with ``solutions/exercise3.py`` when done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import torch
from torch import Tensor, nn


def bce_loss(probs: Tensor, targets: Tensor) -> Tensor:
    """Mean binary cross-entropy, a scalar tensor.

    Must equal ``torch.nn.functional.binary_cross_entropy(probs, targets)`` for ``probs`` in
    ``[1e-6, 1 - 1e-6]``. ``targets`` holds 0s and 1s, same shape as ``probs``.
    """
    raise NotImplementedError("return -(y * log(p) + (1 - y) * log(1 - p)).mean()")


class LogisticRegression(nn.Module):
    """``forward(x) = sigmoid(x @ weight + bias)``, probabilities of shape ``(N,)``.

    - Parameters ``weight`` of shape ``(in_features,)`` and ``bias`` of shape ``(1,)``, both
      initialised to zeros.
    - ``backward(x, targets, probs)`` computes by hand, *without autograd*, the gradients of
      ``bce_loss(probs, targets)`` with respect to ``weight`` and ``bias`` (where
      ``probs = forward(x)``) and stores them in ``weight.grad`` and ``bias.grad``, replacing
      whatever was there. It returns ``None``.
    """

    def __init__(self, in_features: int) -> None:
        super().__init__()
        raise NotImplementedError("create weight (in_features,) and bias (1,) as zero nn.Parameters")

    def forward(self, x: Tensor) -> Tensor:
        raise NotImplementedError("return torch.sigmoid(x @ self.weight + self.bias)")

    def backward(self, x: Tensor, targets: Tensor, probs: Tensor) -> None:
        raise NotImplementedError("set self.weight.grad and self.bias.grad from (probs - targets) / N")


class ManualSGD(torch.optim.Optimizer):
    """Exactly ``torch.optim.SGD`` (with dampening 0), written by hand.

    For each parameter ``p`` with a gradient ``g`` (skip those whose ``grad`` is ``None``):

    - weight decay: ``g = g + weight_decay * p``
    - momentum: the buffer ``b`` lives in ``self.state[p]["momentum_buffer"]``; it starts as
      ``g`` (a copy) and then becomes ``b = momentum * b + g``; the step direction is ``b``,
      or ``g + momentum * b`` with ``nesterov``.
    - update in place: ``p -= lr * direction`` (the same tensor object, with no autograd
      history: work under ``torch.no_grad()``).

    Every parameter group's own options are honoured. ``step(closure)`` returns the closure's
    loss when a closure is given (call it first), else ``None``. ``lr < 0``, ``momentum < 0``,
    ``weight_decay < 0``, or ``nesterov`` without momentum raise ``ValueError``.
    """

    def __init__(
        self,
        params: Iterable[Tensor] | Iterable[dict],
        lr: float,
        momentum: float = 0.0,
        weight_decay: float = 0.0,
        nesterov: bool = False,
    ) -> None:
        raise NotImplementedError("validate the options, then call super().__init__(params, defaults)")

    def step(self, closure: Callable[[], float] | None = None) -> float | None:
        raise NotImplementedError("apply the SGD rule to every parameter of every group")


def train_manual(
    model: LogisticRegression, x: Tensor, targets: Tensor, epochs: int, lr: float, momentum: float = 0.0
) -> list[float]:
    """Full-batch training of ``model`` with ``ManualSGD`` and the hand-written backward.

    Each epoch: forward, ``bce_loss``, ``model.backward``, ``step``, ``zero_grad``. Returns each
    epoch's loss as a Python float, taken *before* that epoch's update. Never call autograd
    (``loss.backward()``, ``torch.autograd.grad``).
    """
    raise NotImplementedError("loop epochs times: forward, loss, model.backward, step, zero_grad")
