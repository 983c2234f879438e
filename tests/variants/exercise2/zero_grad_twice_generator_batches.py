"""Variant: train_step clears the gradients both before the forward pass and after the step; train_epoch unpacks each batch with a generator expression and keeps (loss, size) pairs; predict returns `outputs.detach().to("cpu").numpy()`; fit builds the list with `map`."""

from __future__ import annotations

import torch


def train_step(model, inputs, targets, loss_fn, optimizer):
    optimizer.zero_grad()
    loss = loss_fn(model(inputs), targets)
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    return loss.item()


def train_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    records = []
    for batch in loader:
        inputs, targets = (t.to(device) for t in batch)
        records.append((train_step(model, inputs, targets, loss_fn, optimizer), len(inputs)))
    return sum(loss * size for loss, size in records) / sum(size for _, size in records)


def predict(model, inputs, device):
    model.eval()
    with torch.no_grad():
        outputs = model(inputs.to(device))
    return outputs.detach().to("cpu").numpy()


def fit(model, loader, loss_fn, optimizer, epochs, device):
    model.to(device)
    return list(map(lambda _: train_epoch(model, loader, loss_fn, optimizer, device), range(epochs)))
