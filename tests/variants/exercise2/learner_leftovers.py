"""Variant: a learner's file with extra imports, a module-level constant, a private helper that moves a batch, prints in fit, and a `__main__` demo that never runs on import; predict moves the model to the device too."""

from __future__ import annotations

import math
import time

import numpy as np
import torch
from torch import nn

LOG_EVERY = 1


def _to_device(batch, device):
    return [item.to(device) for item in batch]


def train_step(model: nn.Module, inputs, targets, loss_fn, optimizer) -> float:
    optimizer.zero_grad()
    logits = model(inputs)
    loss = loss_fn(logits, targets)
    loss.backward()
    optimizer.step()
    value = loss.item()
    assert not math.isnan(value), "loss is NaN"
    return value


def train_epoch(model, loader, loss_fn, optimizer, device) -> float:
    model.train()
    running, samples = 0.0, 0
    for batch in loader:
        inputs, targets = _to_device(batch, device)
        running += train_step(model, inputs, targets, loss_fn, optimizer) * len(targets)
        samples += len(targets)
    return running / samples


def predict(model, inputs, device) -> np.ndarray:
    model.to(device)
    model.eval()
    with torch.no_grad():
        return model(inputs.to(device)).cpu().numpy()


def fit(model, loader, loss_fn, optimizer, epochs, device) -> list[float]:
    model.to(device)
    losses = []
    start = time.perf_counter()
    for epoch in range(epochs):
        losses.append(train_epoch(model, loader, loss_fn, optimizer, device))
        if (epoch + 1) % LOG_EVERY == 0:
            print(f"epoch {epoch + 1}: loss {losses[-1]:.4f} ({time.perf_counter() - start:.2f} s)")
    return losses


if __name__ == "__main__":
    demo = nn.Linear(2, 1)
    print(predict(demo, torch.zeros(3, 2), "cpu"))
