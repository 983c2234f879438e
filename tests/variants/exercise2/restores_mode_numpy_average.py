"""Variant: train_epoch calls `model.train(True)`, collects losses and sizes and returns `np.average(losses, weights=sizes)` (a numpy.float64, which is a float); predict uses `torch.set_grad_enabled(False)` and puts the model back in the mode it was in; fit uses a while loop."""

from __future__ import annotations

import numpy as np
import torch


def train_step(model, inputs, targets, loss_fn, optimizer):
    optimizer.zero_grad(set_to_none=True)
    output = model(inputs)
    loss = loss_fn(output, targets)
    loss.backward()
    optimizer.step()
    return loss.item()


def train_epoch(model, loader, loss_fn, optimizer, device):
    model.train(True)
    losses, sizes = [], []
    for batch_index, (inputs, targets) in enumerate(loader):
        losses.append(train_step(model, inputs.to(device), targets.to(device), loss_fn, optimizer))
        sizes.append(len(inputs))
    return np.average(losses, weights=sizes)


def predict(model, inputs, device):
    was_training = model.training
    model.eval()
    try:
        with torch.set_grad_enabled(False):
            out = model(inputs.to(device))
    finally:
        model.train(was_training)
    return out.cpu().numpy()


def fit(model, loader, loss_fn, optimizer, epochs, device):
    model.to(device)
    losses = []
    epoch = 0
    while epoch < epochs:
        losses.append(train_epoch(model, loader, loss_fn, optimizer, device))
        epoch += 1
    return losses
