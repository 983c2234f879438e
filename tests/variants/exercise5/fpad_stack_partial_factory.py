"""Variant: F.pad each sequence then torch.stack, labels through .item(), a broadcast mask, and SortedPadCollate as a factory function returning a functools.partial."""

from __future__ import annotations

import functools

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader


def pad_collate(batch, pad_value=0):
    if len(batch) == 0:
        raise ValueError("pad_collate needs at least one sample")
    sequences, raw_labels = zip(*batch)
    target = max(len(s) for s in sequences)
    rows = []
    for s in sequences:
        # F.pad pads the last dimension first: move time last, pad it, move it back.
        moved = s.movedim(0, -1)
        rows.append(F.pad(moved, (0, target - len(s)), value=pad_value).movedim(-1, 0))
    labels = torch.as_tensor([l.item() if torch.is_tensor(l) else l for l in raw_labels], dtype=torch.int64)
    return torch.stack(rows), torch.as_tensor([len(s) for s in sequences], dtype=torch.int64), labels


def padding_mask(lengths, max_len=None):
    width = int(lengths.max().item()) if max_len is None else max_len
    steps = torch.arange(width, device=lengths.device).expand(len(lengths), width)
    return steps < lengths.view(-1, 1)


def _sorted_pad_collate(batch, pad_value):
    if not batch:
        raise ValueError("empty batch")
    order = sorted(range(len(batch)), key=lambda i: len(batch[i][0]), reverse=True)
    padded, lengths, labels = pad_collate([batch[i] for i in order], pad_value=pad_value)
    return padded, lengths, labels, torch.tensor(order)


def SortedPadCollate(pad_value=0):  # noqa: N802 - the contract's name
    return functools.partial(_sorted_pad_collate, pad_value=pad_value)


def make_loader(dataset, batch_size, shuffle=False, pad_value=0, drop_last=False, num_workers=0, generator=None):
    options = dict(batch_size=batch_size, shuffle=shuffle, drop_last=drop_last, num_workers=num_workers, generator=generator)
    return DataLoader(dataset, collate_fn=functools.partial(pad_collate, pad_value=pad_value), **options)
