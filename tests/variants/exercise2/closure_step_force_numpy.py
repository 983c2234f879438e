"""Variant: train_step hands optimizer.step a closure that clears, runs forward and loss, and backpropagates; train_epoch weights by `targets.shape[0]`; predict switches with `model.train(False)`, moves with `torch.as_tensor(inputs, device=device)` and returns `.numpy(force=True)`; fit moves with `model.to(device=device)`."""

from __future__ import annotations

import torch


def train_step(model, inputs, targets, loss_fn, optimizer):
    def closure():
        optimizer.zero_grad()
        loss = loss_fn(model(inputs), targets)
        loss.backward()
        return loss

    return optimizer.step(closure).item()


def train_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    total = 0.0
    count = 0
    for inputs, targets in loader:
        inputs, targets = inputs.to(device), targets.to(device)
        total += train_step(model, inputs, targets, loss_fn, optimizer) * targets.shape[0]
        count += targets.shape[0]
    return total / count


def predict(model, inputs, device):
    model.train(False)
    with torch.no_grad():
        outputs = model(torch.as_tensor(inputs, device=device))
    return outputs.numpy(force=True)


def fit(model, loader, loss_fn, optimizer, epochs, device):
    model.to(device=device)
    return [train_epoch(model, loader, loss_fn, optimizer, device) for epoch in range(1, epochs + 1)]
