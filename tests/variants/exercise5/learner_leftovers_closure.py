"""Variant: a learner's file with helpers, debug prints and an unused import left in; pad_sequence with a float pad cast back to the sequences' dtype, argsort(stable=True); make_loader's collate_fn is a nested function (fine with the fork start method)."""

from __future__ import annotations

import math  # noqa: F401 - left over

import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

DEBUG = False


def _log(*args):
    if DEBUG:
        print(*args)


def _check(batch):
    if batch is None or len(batch) == 0:
        raise ValueError("Got an empty batch")


def _label_to_int(label):
    if isinstance(label, torch.Tensor):
        return int(label.item())
    return int(label)


def pad_collate(batch, pad_value=0):
    _check(batch)
    seqs = [b[0] for b in batch]
    _log("lengths", [len(s) for s in seqs])
    padded = pad_sequence(seqs, batch_first=True, padding_value=float(pad_value)).to(seqs[0].dtype)
    lengths = torch.tensor(list(map(len, seqs)), dtype=torch.int64)
    labels = torch.tensor(list(map(_label_to_int, (b[1] for b in batch))), dtype=torch.int64)
    return padded, lengths, labels


def padding_mask(lengths, max_len=None):
    max_len = max_len or int(lengths.max())
    idx = torch.arange(max_len, device=lengths.device)
    return idx.repeat(len(lengths), 1) < lengths.reshape(-1, 1)


class SortedPadCollate(object):
    def __init__(self, pad_value=0):
        self.pad_value = pad_value
        self.calls = 0

    def __call__(self, batch):
        _check(batch)
        self.calls += 1
        lens = torch.tensor([len(b[0]) for b in batch])
        order = torch.argsort(lens, descending=True, stable=True)
        out = pad_collate([batch[i] for i in order.tolist()], pad_value=self.pad_value)
        return (*out, order)


def make_loader(dataset, batch_size, shuffle=False, pad_value=0, drop_last=False, num_workers=0, generator=None):
    def collate(batch):
        return pad_collate(batch, pad_value=pad_value)

    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, collate_fn=collate, drop_last=drop_last,
                      num_workers=num_workers, generator=generator)
