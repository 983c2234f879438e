"""Mutant: predict calls .numpy() on the model's output without .cpu(): fine on the CPU, a TypeError on a GPU.

expect: test_predict_returns_numpy: `.numpy()` needs a CPU tensor: call `.cpu()` first
expect: test_predict_values: can't convert cuda:0 device type tensor to numpy
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
import torch
from torch import Tensor, nn

LossFunction = Callable[[Tensor, Tensor], Tensor]


def train_step(model: nn.Module, inputs: Tensor, targets: Tensor, loss_fn: LossFunction, optimizer: torch.optim.Optimizer) -> float:
    """One update: clear the gradients, forward, loss, backward, step; the loss as a float."""
    optimizer.zero_grad()
    outputs = model(inputs)
    loss = loss_fn(outputs, targets)
    loss.backward()
    optimizer.step()
    return loss.item()


def train_epoch(
    model: nn.Module,
    loader: Iterable[tuple[Tensor, Tensor]],
    loss_fn: LossFunction,
    optimizer: torch.optim.Optimizer,
    device: str | torch.device,
) -> float:
    """One pass over ``loader`` in training mode; the sample-weighted mean of the batch losses."""
    model.train()
    total_loss, total_samples = 0.0, 0
    for inputs, targets in loader:
        inputs, targets = inputs.to(device), targets.to(device)
        loss = train_step(model, inputs, targets, loss_fn, optimizer)
        total_loss += loss * len(inputs)
        total_samples += len(inputs)
    return total_loss / total_samples


def predict(model: nn.Module, inputs: Tensor, device: str | torch.device) -> np.ndarray:
    """The model's output for ``inputs`` in evaluation mode, without autograd, as a NumPy array."""
    model.eval()
    with torch.no_grad():
        outputs = model(inputs.to(device))
    return outputs.numpy()


def fit(
    model: nn.Module,
    loader: Iterable[tuple[Tensor, Tensor]],
    loss_fn: LossFunction,
    optimizer: torch.optim.Optimizer,
    epochs: int,
    device: str | torch.device,
) -> list[float]:
    """Move ``model`` to ``device`` and train it for ``epochs`` epochs; the epoch losses in order."""
    model.to(device)
    return [train_epoch(model, loader, loss_fn, optimizer, device) for _ in range(epochs)]
