"""Variant: train_step clears the gradients by setting every `p.grad = None` itself and returns `float(loss)`; train_epoch counts samples with `targets.size(0)`; predict runs under `torch.inference_mode()` and returns `.detach().cpu().numpy()`; fit appends in a plain loop."""

from __future__ import annotations

import numpy as np
import torch
from torch import nn


def train_step(model, inputs, targets, loss_fn, optimizer) -> float:
    for param in model.parameters():
        param.grad = None
    predictions = model(inputs)
    loss = loss_fn(predictions, targets)
    loss.backward()
    optimizer.step()
    return float(loss)


def train_epoch(model: nn.Module, loader, loss_fn, optimizer, device) -> float:
    model.train()
    weighted_sum = 0.0
    seen = 0
    for inputs, targets in loader:
        inputs = inputs.to(device)
        targets = targets.to(device)
        batch_loss = train_step(model, inputs, targets, loss_fn, optimizer)
        weighted_sum += batch_loss * targets.size(0)
        seen += targets.size(0)
    return weighted_sum / seen


def predict(model: nn.Module, inputs: torch.Tensor, device) -> np.ndarray:
    model.eval()
    with torch.inference_mode():
        result = model(inputs.to(device))
    return result.detach().cpu().numpy()


def fit(model, loader, loss_fn, optimizer, epochs, device):
    model.to(device)
    history = []
    for _ in range(epochs):
        history.append(train_epoch(model, loader, loss_fn, optimizer, device))
    return history
