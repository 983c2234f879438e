"""Variant: train_step clears with `model.zero_grad(set_to_none=False)` and returns `loss.detach().item()`; train_epoch accumulates a float64 tensor and calls `.item()` once at the end, moving batches with `non_blocking=True`; predict is a `@torch.no_grad()` function that returns `np.asarray(outputs.cpu())`; fit rebinds `model = model.to(device)`."""

from __future__ import annotations

import numpy as np
import torch


def train_step(model, inputs, targets, loss_fn, optimizer):
    model.zero_grad(set_to_none=False)
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    return loss.detach().item()


def train_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    total = torch.zeros((), dtype=torch.float64)
    count = 0
    for x, y in loader:
        x = x.to(device=device, non_blocking=True)
        y = y.to(device=device, non_blocking=True)
        n = x.shape[0]
        total += train_step(model, x, y, loss_fn, optimizer) * n
        count += n
    return (total / count).item()


@torch.no_grad()
def _forward(model, inputs):
    return model(inputs)


def predict(model, inputs, device):
    model.eval()
    outputs = _forward(model, inputs.to(device))
    return np.asarray(outputs.cpu())


def fit(model, loader, loss_fn, optimizer, epochs, device):
    model = model.to(device)
    losses = []
    for _ in range(epochs):
        losses += [train_epoch(model, loader, loss_fn, optimizer, device)]
    return losses
