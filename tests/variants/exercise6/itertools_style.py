"""Variant: bincount weights as a float64 tensor, validation taken from the end of the permutation, a BucketBatchSampler that subclasses BatchSampler and keeps only the sorted order, shards from itertools.cycle, masking the seed with & 0xFFFFFFFF, and both loaders sharing one generator."""

from __future__ import annotations

import itertools
import math
import random

import numpy as np
import torch
from torch.utils.data import (
    BatchSampler,
    DataLoader,
    Subset,
    SubsetRandomSampler,
    WeightedRandomSampler,
)


def class_balanced_sampler(labels, num_samples=None, generator=None):
    label_tensor = torch.as_tensor(list(labels), dtype=torch.long)
    counts = torch.bincount(label_tensor).double()
    return WeightedRandomSampler(1.0 / counts[label_tensor], num_samples=num_samples or len(labels), generator=generator)


def train_val_split(n, val_fraction, seed):
    if not 0 <= val_fraction < 1:
        raise ValueError("val_fraction must be at least 0 and below 1")
    permutation = torch.randperm(n, generator=torch.Generator().manual_seed(seed)).tolist()
    keep = n - int(n * val_fraction)
    return permutation[:keep], permutation[keep:]


def make_split_loaders(dataset, batch_size, val_fraction, seed):
    train, val = train_val_split(len(dataset), val_fraction, seed)
    generator = torch.Generator().manual_seed(seed)
    sampler = SubsetRandomSampler(train, generator=generator)
    return (DataLoader(dataset, batch_size=batch_size, sampler=sampler, generator=generator),
            DataLoader(Subset(dataset, sorted(val)), batch_size=batch_size))


class BucketBatchSampler(BatchSampler):
    def __init__(self, lengths, batch_size, drop_last=False, shuffle=True, generator=None):
        self.order = sorted(range(len(lengths)), key=lengths.__getitem__)
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.shuffle = shuffle
        self.generator = generator

    def _batches(self):
        it = iter(self.order)
        while batch := list(itertools.islice(it, self.batch_size)):
            if len(batch) == self.batch_size or not self.drop_last:
                yield batch

    def __iter__(self):
        batches = list(self._batches())
        if self.shuffle:
            batches = [batches[i] for i in torch.randperm(len(batches), generator=self.generator).tolist()]
        yield from batches

    def __len__(self):
        if self.drop_last:
            return len(self.order) // self.batch_size
        return math.ceil(len(self.order) / self.batch_size)


def shard_indices(n, num_replicas, rank, shuffle=False, seed=0, epoch=0):
    if rank >= num_replicas or rank < 0:
        raise ValueError("invalid rank")
    base = torch.randperm(n, generator=torch.Generator().manual_seed(seed + epoch)).tolist() if shuffle else range(n)
    total = math.ceil(n / num_replicas) * num_replicas
    padded = list(itertools.islice(itertools.cycle(base), total))
    return padded[rank::num_replicas]


def seed_worker(worker_id):
    worker_seed = torch.initial_seed() & 0xFFFFFFFF
    random.seed(worker_seed)
    np.random.seed(worker_seed)


def build_loader(dataset, batch_size, seed, num_workers=0, shuffle=True, drop_last=False, collate_fn=None):
    generator = torch.Generator().manual_seed(seed)
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, num_workers=num_workers, drop_last=drop_last,
                        collate_fn=collate_fn, worker_init_fn=seed_worker, generator=generator, persistent_workers=False)
    return loader
