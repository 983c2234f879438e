"""Variant: tensor operations: torch.unique counts and float32 weights, sorted split lists, a stable torch.argsort split into tensor chunks, shards by torch.arange/repeat, a seed_worker that reseeds torch too, and a BatchSampler over the sorted validation indices."""

from __future__ import annotations

import random

import numpy as np
import torch
from torch.utils.data import (
    BatchSampler,
    DataLoader,
    Sampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
)


def class_balanced_sampler(labels, num_samples=None, generator=None):
    _, inverse, counts = torch.unique(torch.as_tensor(labels), return_inverse=True, return_counts=True)
    weights = (1.0 / counts.float())[inverse]
    return WeightedRandomSampler(weights, num_samples if num_samples is not None else len(weights),
                                 replacement=True, generator=generator)


def train_val_split(n, val_fraction, seed):
    if val_fraction < 0 or not val_fraction < 1:
        raise ValueError("val_fraction outside [0, 1)")
    generator = torch.Generator().manual_seed(seed)
    permutation = torch.randperm(n, generator=generator)
    num_val = int(n * val_fraction)
    return sorted(permutation[num_val:].tolist()), sorted(permutation[:num_val].tolist())


def make_split_loaders(dataset, batch_size, val_fraction, seed):
    train, val = train_val_split(len(dataset), val_fraction, seed)
    generator = torch.Generator().manual_seed(seed)
    train_loader = DataLoader(dataset, batch_size=batch_size, sampler=SubsetRandomSampler(train, generator))
    val_loader = DataLoader(dataset, batch_sampler=BatchSampler(sorted(val), batch_size, drop_last=False))
    return train_loader, val_loader


class BucketBatchSampler(Sampler):
    def __init__(self, lengths, batch_size, drop_last=False, shuffle=True, generator=None):
        order = torch.argsort(torch.tensor(lengths), stable=True)
        chunks = list(order.split(batch_size))
        if drop_last and chunks and len(chunks[-1]) < batch_size:
            chunks = chunks[:-1]
        self.chunks = chunks
        self.shuffle = shuffle
        self.generator = generator

    def __iter__(self):
        positions = torch.randperm(len(self.chunks), generator=self.generator) if self.shuffle else torch.arange(len(self.chunks))
        return iter([self.chunks[p].tolist() for p in positions.tolist()])

    def __len__(self):
        return len(self.chunks)


def shard_indices(n, num_replicas, rank, shuffle=False, seed=0, epoch=0):
    if rank not in range(num_replicas):
        raise ValueError(f"rank {rank} is not in [0, {num_replicas})")
    if shuffle:
        order = torch.randperm(n, generator=torch.Generator().manual_seed(seed + epoch))
    else:
        order = torch.arange(n)
    total = -(-n // num_replicas) * num_replicas
    repeats = -(-total // n) if n else 0
    padded = order.repeat(repeats)[:total]
    return padded[rank::num_replicas].tolist()


def seed_worker(worker_id):
    seed = torch.initial_seed() % 2**32
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)


def build_loader(dataset, batch_size, seed, num_workers=0, shuffle=True, drop_last=False, collate_fn=None):
    generator = torch.Generator()
    generator.manual_seed(seed)
    return DataLoader(dataset, batch_size, shuffle, num_workers=num_workers, collate_fn=collate_fn, drop_last=drop_last,
                      worker_init_fn=seed_worker if num_workers > 0 else None, generator=generator)
