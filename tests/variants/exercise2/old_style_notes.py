"""Variant: PyTorch as the course's notes write it: inputs wrapped in torch.autograd.Variable, the loss read with loss.data.item(), predictions with .cpu().data.numpy(), batch sizes with .size(0), and fit moving the model with model.cuda(device) only where the device is CUDA (model.cpu() otherwise)."""

import torch
from torch.autograd import Variable


def train_step(model, inputs, targets, loss_fn, optimizer):
    inputs, targets = Variable(inputs), Variable(targets)
    optimizer.zero_grad()
    outputs = model(inputs)
    loss = loss_fn(outputs, targets)
    loss.backward()
    optimizer.step()
    return loss.data.item()


def train_epoch(model, loader, loss_fn, optimizer, device):
    model.train()
    running_loss = 0.0
    seen = 0
    for i, (inputs, targets) in enumerate(loader):
        inputs, targets = inputs.to(device), targets.to(device)
        loss = train_step(model, inputs, targets, loss_fn, optimizer)
        running_loss += loss * inputs.size(0)
        seen += inputs.size(0)
    return running_loss / seen


def predict(model, inputs, device):
    model.eval()
    with torch.no_grad():
        outputs = model(Variable(inputs.to(device)))
    return outputs.cpu().data.numpy()


def fit(model, loader, loss_fn, optimizer, epochs, device):
    if torch.device(device).type == "cuda":
        model.cuda(torch.device(device))
    else:
        model.cpu()
    history = []
    for epoch in range(epochs):
        history.append(train_epoch(model, loader, loss_fn, optimizer, device))
    return history
