"""Variant: torch.cat of each sequence with a new_full tail, labels via torch.stack of as_tensor, a dataclass SortedPadCollate with Python's reverse sort, and keyword-only DataLoader arguments."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import torch
from torch.utils.data import DataLoader


def pad_collate(batch, pad_value=0):
    if len(batch) < 1:
        raise ValueError(f"batch must hold at least one sample, got {len(batch)}")
    T = max(x.shape[0] for x, _ in batch)
    rows = [torch.cat([x, x.new_full((T - x.shape[0], *x.shape[1:]), pad_value)], dim=0) for x, _ in batch]
    lengths = torch.LongTensor([x.shape[0] for x, _ in batch])
    labels = torch.stack([torch.as_tensor(y) for _, y in batch]).to(torch.int64)
    return torch.stack(rows, dim=0), lengths, labels


def padding_mask(lengths, max_len=None):
    T = max_len if max_len is not None else int(lengths.max())
    return torch.arange(T, device=lengths.device).unsqueeze(0).lt(lengths.unsqueeze(-1))


@dataclass
class SortedPadCollate:
    pad_value: float = 0

    def __call__(self, batch):
        if not batch:
            raise ValueError("empty batch")
        indexed = sorted(enumerate(batch), key=lambda pair: pair[1][0].shape[0], reverse=True)
        order = [i for i, _ in indexed]
        padded, lengths, labels = pad_collate([sample for _, sample in indexed], pad_value=self.pad_value)
        return padded, lengths, labels, torch.tensor(order, dtype=torch.long)


def make_loader(dataset, batch_size, shuffle=False, pad_value=0, drop_last=False, num_workers=0, generator=None):
    return DataLoader(
        dataset=dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        num_workers=num_workers,
        collate_fn=partial(pad_collate, pad_value=pad_value),
        drop_last=drop_last,
        generator=generator,
    )
