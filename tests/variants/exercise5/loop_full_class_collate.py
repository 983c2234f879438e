"""Variant: torch.full plus a copy loop, a loop-built mask, torch.sort(stable=True) for the order, and an instance of a module-level class as make_loader's collate_fn."""

from __future__ import annotations

import torch
from torch.utils.data import DataLoader


def pad_collate(batch, pad_value=0):
    if not batch:
        raise ValueError("empty batch")
    first = batch[0][0]
    longest = max(seq.size(0) for seq, _ in batch)
    padded = torch.full((len(batch), longest, *first.shape[1:]), pad_value, dtype=first.dtype, device=first.device)
    lengths = torch.zeros(len(batch), dtype=torch.long)
    labels = torch.zeros(len(batch), dtype=torch.long)
    for i, (seq, label) in enumerate(batch):
        padded[i, : seq.size(0)] = seq
        lengths[i] = seq.size(0)
        labels[i] = int(label)
    return padded, lengths, labels


def padding_mask(lengths, max_len=None):
    if max_len is None:
        max_len = int(max(lengths))
    mask = torch.zeros(len(lengths), max_len, dtype=torch.bool, device=lengths.device)
    for i, length in enumerate(lengths.tolist()):
        mask[i, :length] = True
    return mask


class SortedPadCollate:
    def __init__(self, pad_value=0):
        self.pad_value = pad_value

    def __call__(self, batch):
        if len(batch) == 0:
            raise ValueError("empty batch")
        sizes = torch.tensor([seq.size(0) for seq, _ in batch])
        order = torch.sort(sizes, descending=True, stable=True).indices
        padded, lengths, labels = pad_collate([batch[i] for i in order.tolist()], self.pad_value)
        return padded, lengths, labels, order.long()


class _PadWith:
    def __init__(self, pad_value):
        self.pad_value = pad_value

    def __call__(self, batch):
        return pad_collate(batch, self.pad_value)


def make_loader(dataset, batch_size, shuffle=False, pad_value=0, drop_last=False, num_workers=0, generator=None):
    return DataLoader(dataset, batch_size, shuffle, collate_fn=_PadWith(pad_value), drop_last=drop_last,
                      num_workers=num_workers, generator=generator)
