"""Variant: fills padded through padding_mask (padded[mask] = torch.cat(sequences)), and make_loader builds its own BatchSampler over a RandomSampler that owns the generator."""

from __future__ import annotations

import functools

import torch
from torch.utils.data import BatchSampler, DataLoader, RandomSampler, SequentialSampler


def padding_mask(lengths, max_len=None):
    lengths = torch.as_tensor(lengths)
    if max_len is None:
        max_len = lengths.max().item()
    return lengths[:, None] > torch.arange(max_len, device=lengths.device)[None, :]


def pad_collate(batch, pad_value=0):
    if not len(batch):
        raise ValueError("cannot collate an empty batch")
    sequences = [item[0] for item in batch]
    lengths = torch.tensor([s.shape[0] for s in sequences], dtype=torch.int64)
    head = sequences[0]
    padded = head.new_full((len(sequences), int(lengths.max()), *head.shape[1:]), pad_value)
    padded[padding_mask(lengths).to(head.device)] = torch.cat(sequences)
    labels = torch.tensor([int(item[1]) for item in batch]).long()
    return padded, lengths, labels


class SortedPadCollate:
    def __init__(self, pad_value=0):
        self.pad_value = pad_value

    def __call__(self, batch):
        if not batch:
            raise ValueError("cannot collate an empty batch")
        sizes = torch.tensor([len(item[0]) for item in batch])
        order = torch.argsort(-sizes, stable=True)
        padded, lengths, labels = pad_collate([batch[int(i)] for i in order], self.pad_value)
        return padded, lengths, labels, order.to(torch.int64)


def make_loader(dataset, batch_size, shuffle=False, pad_value=0, drop_last=False, num_workers=0, generator=None):
    sampler = RandomSampler(dataset, generator=generator) if shuffle else SequentialSampler(dataset)
    return DataLoader(
        dataset,
        batch_sampler=BatchSampler(sampler, batch_size, drop_last),
        collate_fn=functools.partial(pad_collate, pad_value=pad_value),
        num_workers=num_workers,
    )
