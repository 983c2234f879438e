"""Mutant: shard_indices asks a helper for a real DistributedSampler (imported at the top of the file) instead of
writing the index arithmetic the exercise asks for; its answers are right, but the contract rules the sampler out.

expect: test_shard_without_shuffle: shard_indices uses DistributedSampler (in `_sampler_for`)
expect: test_shard_rejects_bad_rank: which this exercise asks you to do without
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import torch
from torch.utils.data.distributed import DistributedSampler
from torch.utils.data import (
    DataLoader,
    Dataset,
    Sampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
)


def class_balanced_sampler(
    labels: Sequence[int], num_samples: int | None = None, generator: torch.Generator | None = None
) -> WeightedRandomSampler:
    """Draw every class equally often: sample ``i`` weighs ``1 / count(labels[i])``, with replacement."""
    counts = Counter(labels)
    weights = torch.tensor([1.0 / counts[label] for label in labels], dtype=torch.float64)
    return WeightedRandomSampler(
        weights, num_samples=len(labels) if num_samples is None else num_samples, replacement=True, generator=generator
    )


def train_val_split(n: int, val_fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """A random split of ``range(n)`` from a private generator; ``int(n * val_fraction)`` go to validation."""
    if not 0 <= val_fraction < 1:
        raise ValueError(f"val_fraction must be in [0, 1), got {val_fraction}")
    order = torch.randperm(n, generator=torch.Generator().manual_seed(seed)).tolist()
    num_val = int(n * val_fraction)
    return order[num_val:], order[:num_val]


def make_split_loaders(dataset: Dataset, batch_size: int, val_fraction: float, seed: int) -> tuple[DataLoader, DataLoader]:
    """A shuffled training loader (``SubsetRandomSampler``) and an ordered validation loader."""
    train_indices, val_indices = train_val_split(len(dataset), val_fraction, seed)
    sampler = SubsetRandomSampler(train_indices, generator=torch.Generator().manual_seed(seed))
    train_loader = DataLoader(dataset, batch_size=batch_size, sampler=sampler)
    val_loader = DataLoader(dataset, batch_size=batch_size, sampler=sorted(val_indices))
    return train_loader, val_loader


class BucketBatchSampler(Sampler[list[int]]):
    """Batches of indices of similar length: sorted by length (stable), cut, batches shuffled."""

    def __init__(
        self,
        lengths: Sequence[int],
        batch_size: int,
        drop_last: bool = False,
        shuffle: bool = True,
        generator: torch.Generator | None = None,
    ) -> None:
        order = sorted(range(len(lengths)), key=lambda index: lengths[index])
        self.batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
        if drop_last and self.batches and len(self.batches[-1]) < batch_size:
            self.batches.pop()
        self.shuffle = shuffle
        self.generator = generator

    def __iter__(self) -> Iterator[list[int]]:
        if self.shuffle:
            positions = torch.randperm(len(self.batches), generator=self.generator).tolist()
        else:
            positions = range(len(self.batches))
        for position in positions:
            yield list(self.batches[position])

    def __len__(self) -> int:
        return len(self.batches)


def shard_indices(n: int, num_replicas: int, rank: int, shuffle: bool = False, seed: int = 0, epoch: int = 0) -> list[int]:
    """What ``DistributedSampler(drop_last=False)`` gives ``rank``, asked of a helper that builds one."""
    return list(_sampler_for(n, num_replicas, rank, shuffle, seed, epoch))


def _sampler_for(n: int, num_replicas: int, rank: int, shuffle: bool, seed: int, epoch: int) -> Sampler:
    sampler = DistributedSampler(range(n), num_replicas=num_replicas, rank=rank, shuffle=shuffle, seed=seed)
    sampler.set_epoch(epoch)
    return sampler


def seed_worker(worker_id: int) -> None:
    """Seed ``random`` and NumPy in a DataLoader worker from the seed torch gave that worker."""
    worker_seed = torch.initial_seed() % 2**32
    random.seed(worker_seed)
    np.random.seed(worker_seed)


def build_loader(
    dataset: Dataset,
    batch_size: int,
    seed: int,
    num_workers: int = 0,
    shuffle: bool = True,
    drop_last: bool = False,
    collate_fn: Callable[[list[Any]], Any] | None = None,
) -> DataLoader:
    """A DataLoader whose order and worker seeds come from ``seed`` alone."""
    return DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        num_workers=num_workers,
        drop_last=drop_last,
        collate_fn=collate_fn,
        worker_init_fn=seed_worker,
        generator=torch.Generator().manual_seed(seed),
    )
