"""Mutant: padding_mask builds its positions with torch.arange(max_len) on the default device, not on lengths' device.

expect: test_padding_mask: A tensor made with `torch.arange(...)` is on the CPU while the inputs are on cuda
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import torch
from torch import Tensor
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset

Sample = tuple[Tensor, Any]


def pad_collate(batch: Sequence[Sample], pad_value: float = 0) -> tuple[Tensor, Tensor, Tensor]:
    """Right-pad the sequences of ``batch`` into ``(B, max L, *trailing)``; lengths and labels as int64."""
    if len(batch) == 0:
        raise ValueError("pad_collate got an empty batch: there is nothing to pad")
    sequences = [sequence for sequence, _ in batch]
    padded = pad_sequence(sequences, batch_first=True, padding_value=pad_value)
    lengths = torch.tensor([sequence.shape[0] for sequence in sequences], dtype=torch.int64)
    labels = torch.tensor([int(label) for _, label in batch], dtype=torch.int64)
    return padded, lengths, labels


def padding_mask(lengths: Tensor, max_len: int | None = None) -> Tensor:
    """``(B, max_len)`` bool mask, ``True`` at the positions that hold a real element."""
    lengths = torch.as_tensor(lengths)
    if max_len is None:
        max_len = int(lengths.max()) if lengths.numel() else 0
    positions = torch.arange(max_len)
    return positions.unsqueeze(0) < lengths.unsqueeze(1)


class SortedPadCollate:
    """``pad_collate`` on the batch ordered longest first (stable); also returns that ``order``."""

    def __init__(self, pad_value: float = 0) -> None:
        self.pad_value = pad_value

    def __call__(self, batch: Sequence[Sample]) -> tuple[Tensor, Tensor, Tensor, Tensor]:
        if len(batch) == 0:
            raise ValueError("SortedPadCollate got an empty batch: there is nothing to pad")
        # sorted() is stable: equal lengths keep their batch order.
        order = sorted(range(len(batch)), key=lambda index: -batch[index][0].shape[0])
        padded, lengths, labels = pad_collate([batch[index] for index in order], self.pad_value)
        return padded, lengths, labels, torch.tensor(order, dtype=torch.int64)


def make_loader(
    dataset: Dataset,
    batch_size: int,
    shuffle: bool = False,
    pad_value: float = 0,
    drop_last: bool = False,
    num_workers: int = 0,
    generator: torch.Generator | None = None,
) -> DataLoader:
    """A ``DataLoader`` that pads its batches with ``pad_collate`` (a picklable ``partial``)."""
    return DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        collate_fn=functools.partial(pad_collate, pad_value=pad_value),
        drop_last=drop_last,
        num_workers=num_workers,
        generator=generator,
    )
