"""Exercise 2: the autograd training loop and prediction (학습 루프와 예측).

Write the four functions every PyTorch training script is made of: one optimisation step, one
epoch over a ``DataLoader``, prediction, and a ``fit`` that ties them together.

- Gradients *accumulate* (누적) in ``.grad``: every ``loss.backward()`` adds to what is there, so
  each step starts with ``optimizer.zero_grad()`` (기울기 초기화). The order is
  ``zero_grad`` → forward (순전파) → loss → ``backward`` (역전파) → ``step``.
- Keep a Python number, not the loss tensor: ``loss.item()`` drops the autograd graph, which would
  otherwise stay in memory for as long as you hold the tensor.
- Layers such as Dropout and BatchNorm behave differently in *training mode* (학습 모드,
  ``model.train()``) and *evaluation mode* (평가 모드, ``model.eval()``). Switch with these
  methods: they also switch every child module.
- Prediction (추론) needs no gradients: run it under ``torch.no_grad()``.
- Data and model must be on the same *device* (장치): ``tensor.to(device)``, ``model.to(device)``.

Check your work with ``grader check exercise2``; compare with ``solutions/exercise2.py`` when done.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import torch
from torch import Tensor, nn

LossFunction = Callable[[Tensor, Tensor], Tensor]


def train_step(model: nn.Module, inputs: Tensor, targets: Tensor, loss_fn: LossFunction, optimizer: torch.optim.Optimizer) -> float:
    """One update of ``model`` on one batch; returns the loss as a Python ``float``.

    In this order: clear the gradients (``optimizer.zero_grad()``), forward
    (``outputs = model(inputs)``), loss (``loss_fn(outputs, targets)``), ``loss.backward()``,
    ``optimizer.step()``. Return ``loss.item()``, the loss of this forward, before the update:
    never the tensor itself, which holds the autograd graph.
    """
    raise NotImplementedError("zero_grad, forward, loss_fn(outputs, targets), backward, step; return loss.item()")


def train_epoch(
    model: nn.Module,
    loader: Iterable[tuple[Tensor, Tensor]],
    loss_fn: LossFunction,
    optimizer: torch.optim.Optimizer,
    device: str | torch.device,
) -> float:
    """One pass over ``loader`` in training mode; returns the epoch's mean loss as a ``float``.

    Switch the model to training mode (``model.train()``) first. For every ``(inputs, targets)``
    batch, move both to ``device`` and call ``train_step``. ``loss_fn`` returns the *mean* over a
    batch and the last batch may be shorter, so return the sample-weighted mean
    ``sum(loss_b * len(batch_b)) / total number of samples``, not the plain mean of the batch losses.
    """
    raise NotImplementedError("model.train(), then train_step on every batch moved to device; weight each loss by its batch size")


def predict(model: nn.Module, inputs: Tensor, device: str | torch.device) -> np.ndarray:
    """The model's output for ``inputs``, as a NumPy array on the CPU.

    Switch the model to evaluation mode (``model.eval()``), move ``inputs`` to ``device``, run the
    model under ``torch.no_grad()``, and return ``outputs.cpu().numpy()``. No parameter changes.
    """
    raise NotImplementedError("model.eval(), then run the model under torch.no_grad() and return outputs.cpu().numpy()")


def fit(
    model: nn.Module,
    loader: Iterable[tuple[Tensor, Tensor]],
    loss_fn: LossFunction,
    optimizer: torch.optim.Optimizer,
    epochs: int,
    device: str | torch.device,
) -> list[float]:
    """Train ``model`` for ``epochs`` epochs; returns the list of epoch losses, in order.

    Move the model to ``device`` (``model.to(device)``), then call ``train_epoch`` ``epochs``
    times and collect what each call returns.
    """
    raise NotImplementedError("model.to(device), then collect train_epoch(...) for each of the epochs")
