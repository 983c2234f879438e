"""Variant: a learner's file with private helpers and leftovers: a count loop with labels.count, np.random.Generator(PCG64) for the split, DistributedSampler-style padding written out with the extra-copies branch, BucketBatchSampler that draws a fresh seed per epoch when no generator is given, and a functools.partial around the DataLoader."""

from __future__ import annotations

import functools
import math
import random

import numpy as np
import torch
from torch.utils.data import (
    DataLoader,
    Sampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
)

_DEBUG = False


def _inverse_frequency(labels):
    labels = list(labels)
    cache = {}
    return [1.0 / cache.setdefault(label, labels.count(label)) for label in labels]


def class_balanced_sampler(labels, num_samples=None, generator=None):
    weights = torch.tensor(_inverse_frequency(labels), dtype=torch.double)
    if _DEBUG:
        print("weights", weights)
    return WeightedRandomSampler(weights=weights, num_samples=len(weights) if num_samples is None else int(num_samples),
                                 replacement=True, generator=generator)


def _check_fraction(val_fraction):
    if val_fraction < 0 or val_fraction >= 1:
        raise ValueError(f"bad val_fraction {val_fraction!r}")


def train_val_split(n, val_fraction, seed):
    _check_fraction(val_fraction)
    rng = np.random.Generator(np.random.PCG64(seed))
    shuffled = rng.permutation(n).tolist()
    num_val = int(n * val_fraction)
    return shuffled[num_val:], shuffled[:num_val]


def make_split_loaders(dataset, batch_size, val_fraction, seed):
    train_idx, val_idx = train_val_split(len(dataset), val_fraction, seed)
    val_idx.sort()
    g = torch.Generator()
    g.manual_seed(seed)
    train_loader = DataLoader(dataset, batch_size=batch_size, shuffle=False, sampler=SubsetRandomSampler(train_idx, generator=g))
    val_loader = DataLoader(dataset, batch_size=batch_size, sampler=val_idx)
    return train_loader, val_loader


class BucketBatchSampler(Sampler):
    def __init__(self, lengths, batch_size, drop_last=False, shuffle=True, generator=None):
        super().__init__()
        self.lengths = list(lengths)
        self.batch_size = batch_size
        self.drop_last = drop_last
        self.shuffle = shuffle
        self.generator = generator

    def _make_batches(self):
        idx = sorted(range(len(self.lengths)), key=lambda i: self.lengths[i])
        batches = [idx[i : i + self.batch_size] for i in range(0, len(idx), self.batch_size)]
        if self.drop_last and len(batches) > 0 and len(batches[-1]) != self.batch_size:
            del batches[-1]
        return batches

    def __iter__(self):
        batches = self._make_batches()
        if self.shuffle:
            if self.generator is None:
                seed = int(torch.empty((), dtype=torch.int64).random_().item())
                gen = torch.Generator().manual_seed(seed)
            else:
                gen = self.generator
            perm = torch.randperm(len(batches), generator=gen).tolist()
            batches = [batches[p] for p in perm]
        for b in batches:
            yield b

    def __len__(self):
        return len(self._make_batches())


def shard_indices(n, num_replicas, rank, shuffle=False, seed=0, epoch=0):
    if not (0 <= rank and rank < num_replicas):
        raise ValueError("rank should be in [0, num_replicas)")
    if shuffle:
        gen = torch.Generator()
        gen.manual_seed(seed + epoch)
        indices = torch.randperm(n, generator=gen).tolist()
    else:
        indices = list(range(n))
    num_samples = math.ceil(n / num_replicas)
    total_size = num_samples * num_replicas
    padding_size = total_size - len(indices)
    if padding_size <= len(indices):
        indices += indices[:padding_size]
    else:
        indices += (indices * math.ceil(padding_size / len(indices)))[:padding_size]
    return indices[rank:total_size:num_replicas]


def seed_worker(worker_id):
    s = torch.initial_seed() % 2**32
    np.random.seed(s)
    random.seed(s)
    return None


def build_loader(dataset, batch_size, seed, num_workers=0, shuffle=True, drop_last=False, collate_fn=None):
    make = functools.partial(DataLoader, worker_init_fn=seed_worker, generator=torch.Generator().manual_seed(seed))
    return make(dataset, batch_size=batch_size, shuffle=shuffle, num_workers=num_workers, drop_last=drop_last,
                collate_fn=collate_fn)
