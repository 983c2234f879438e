"""Variant: NumPy throughout: np.unique counts for the weights, np.random.default_rng(seed) for the split, a stable np.argsort for the buckets, a Subset for the validation loader, and build_loader with an explicit RandomSampler sharing the loader's generator."""

from __future__ import annotations

import random

import numpy as np
import torch
from torch.utils.data import (
    DataLoader,
    RandomSampler,
    Sampler,
    Subset,
    SubsetRandomSampler,
    WeightedRandomSampler,
)


def class_balanced_sampler(labels, num_samples=None, generator=None):
    _, inverse, counts = np.unique(np.asarray(labels), return_inverse=True, return_counts=True)
    weights = (1.0 / counts.astype(np.float32))[inverse]
    if num_samples is None:
        num_samples = len(labels)
    return WeightedRandomSampler(weights.tolist(), num_samples, replacement=True, generator=generator)


def train_val_split(n, val_fraction, seed):
    if val_fraction < 0 or val_fraction >= 1:
        raise ValueError("val_fraction must be in [0, 1)")
    permutation = np.random.default_rng(seed).permutation(n)
    cut = int(n * val_fraction)
    return [int(i) for i in permutation[cut:]], [int(i) for i in permutation[:cut]]


def make_split_loaders(dataset, batch_size, val_fraction, seed):
    train, val = train_val_split(len(dataset), val_fraction, seed)
    generator = torch.Generator()
    generator.manual_seed(seed)
    train_loader = DataLoader(dataset, batch_size, sampler=SubsetRandomSampler(train, generator=generator))
    val_loader = DataLoader(Subset(dataset, sorted(val)), batch_size, shuffle=False)
    return train_loader, val_loader


class BucketBatchSampler(Sampler):
    def __init__(self, lengths, batch_size, drop_last=False, shuffle=True, generator=None):
        order = np.argsort(np.asarray(lengths), kind="stable")
        stop = len(order) - len(order) % batch_size if drop_last else len(order)
        self._batches = [order[i : i + batch_size].tolist() for i in range(0, stop, batch_size)]
        self._shuffle = shuffle
        self._generator = generator

    def __len__(self):
        return len(self._batches)

    def __iter__(self):
        if not self._shuffle:
            yield from (list(b) for b in self._batches)
            return
        for i in torch.randperm(len(self._batches), generator=self._generator):
            yield list(self._batches[int(i)])


def shard_indices(n, num_replicas, rank, shuffle=False, seed=0, epoch=0):
    if rank < 0 or rank >= num_replicas:
        raise ValueError(f"invalid rank {rank} for {num_replicas} replicas")
    if shuffle:
        g = torch.Generator()
        g.manual_seed(seed + epoch)
        order = np.asarray(torch.randperm(n, generator=g))
    else:
        order = np.arange(n)
    per_rank = -(-n // num_replicas)
    padded = np.resize(order, per_rank * num_replicas)  # np.resize repeats the array from its start
    return padded[rank::num_replicas].tolist()


def seed_worker(worker_id):
    seed = torch.initial_seed() % (2**32)
    np.random.seed(seed)
    random.seed(seed)


def build_loader(dataset, batch_size, seed, num_workers=0, shuffle=True, drop_last=False, collate_fn=None):
    generator = torch.Generator().manual_seed(seed)
    sampler = RandomSampler(dataset, generator=generator) if shuffle else None
    return DataLoader(dataset, batch_size=batch_size, sampler=sampler, num_workers=num_workers, drop_last=drop_last,
                      collate_fn=collate_fn, worker_init_fn=seed_worker, generator=generator)
