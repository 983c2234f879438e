"""Variant: the course notes' older style, `super(Class, self).__init__()`, `.data`,
`torch.autograd.Variable` and `torch.Tensor(n)`."""

import math

import torch
import torch.nn as nn
from torch.autograd import Variable


def init_weights(module):
    if type(module) == nn.Linear or isinstance(module, nn.Linear):
        fan_in = module.weight.size(1)
        fan_out = module.weight.size(0)
        a = math.sqrt(6.0 / (fan_in + fan_out))
        module.weight.data.copy_(torch.Tensor(fan_out, fan_in).uniform_(-a, a))
        if module.bias is not None:
            module.bias.data.zero_()
    elif isinstance(module, nn.BatchNorm1d):
        module.weight.data.fill_(1)
        module.bias.data.fill_(0)


class ActivationRecorder(object):
    def __init__(self, model, names):
        super(ActivationRecorder, self).__init__()
        modules = dict(model.named_modules())
        self.activations = {}
        self.handles = []
        for name in names:
            if name not in modules:
                raise KeyError(name)
            self.activations[name] = []
            self.handles.append(modules[name].register_forward_hook(self.hook_for(name)))

    def hook_for(self, name):
        def hook(module, input, output):
            self.activations[name].append(output.data.clone())
        return hook

    def remove(self):
        for h in self.handles:
            h.remove()
        self.handles = []

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.remove()
        return False


def clip_gradients_with_hooks(model, clip_value):
    if clip_value <= 0:
        raise ValueError("clip_value should be positive")

    def clip(grad):
        return Variable(grad.data.clamp(-clip_value, clip_value))

    handles = []
    for p in model.parameters():
        if p.requires_grad:
            handles.append(p.register_hook(clip))
    return handles


def freeze(model, prefixes):
    prefixes = list(prefixes)
    names = []
    for name, p in model.named_parameters():
        for prefix in prefixes:
            if name == prefix or name.startswith(prefix + "."):
                p.requires_grad = False
                names.append(name)
                break
    return names


def save_checkpoint(path, model, optimizer, epoch):
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "epoch": epoch}, path)


def load_checkpoint(path, model, optimizer):
    device = list(model.parameters())[0].device
    state = torch.load(path, map_location=device, weights_only=True)
    model.load_state_dict(state["model"])
    optimizer.load_state_dict(state["optimizer"])
    return int(state["epoch"])
