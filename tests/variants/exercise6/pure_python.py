"""Variant: plain Python where it can: dict counts, random.Random(seed).shuffle for the split, sorted(enumerate(...)) buckets with a lazily seeded generator when none is given, modular arithmetic for the shards, and seed_worker reading the seed from get_worker_info()."""

from __future__ import annotations

import random

import numpy
import torch
import torch.utils.data as data


def class_balanced_sampler(labels, num_samples=None, generator=None):
    counts = {}
    for label in labels:
        counts[label] = counts.get(label, 0) + 1
    weights = [1 / counts[label] for label in labels]
    return data.WeightedRandomSampler(weights, len(labels) if num_samples is None else num_samples, True, generator)


def train_val_split(n, val_fraction, seed):
    if not (0.0 <= val_fraction < 1.0):
        raise ValueError(f"val_fraction={val_fraction} is not in [0, 1)")
    indices = list(range(n))
    random.Random(seed).shuffle(indices)
    num_val = int(n * val_fraction)
    val = indices[:num_val]
    train = indices[num_val:]
    return train, val


def make_split_loaders(dataset, batch_size, val_fraction, seed):
    train, val = train_val_split(len(dataset), val_fraction, seed)
    train_sampler = data.SubsetRandomSampler(train, generator=torch.Generator().manual_seed(seed))
    return (
        data.DataLoader(dataset, batch_size=batch_size, sampler=train_sampler),
        data.DataLoader(dataset, batch_size=batch_size, sampler=sorted(val)),
    )


class BucketBatchSampler(data.Sampler):
    def __init__(self, lengths, batch_size, drop_last=False, shuffle=True, generator=None):
        ranked = [index for index, _ in sorted(enumerate(lengths), key=lambda pair: pair[1])]
        self.batches = []
        for start in range(0, len(ranked), batch_size):
            batch = ranked[start : start + batch_size]
            if len(batch) == batch_size or not drop_last:
                self.batches.append(batch)
        self.shuffle = shuffle
        self.generator = generator

    def __iter__(self):
        order = list(range(len(self.batches)))
        if self.shuffle:
            generator = self.generator
            if generator is None:
                generator = torch.Generator()
                generator.manual_seed(int(torch.empty((), dtype=torch.int64).random_().item()))
            order = torch.randperm(len(self.batches), generator=generator).tolist()
        for position in order:
            yield self.batches[position][:]

    def __len__(self):
        return len(self.batches)


def shard_indices(n, num_replicas, rank, shuffle=False, seed=0, epoch=0):
    if not 0 <= rank < num_replicas:
        raise ValueError("rank out of range")
    if shuffle:
        order = torch.randperm(n, generator=torch.Generator().manual_seed(seed + epoch)).tolist()
    else:
        order = list(range(n))
    per_rank = (n + num_replicas - 1) // num_replicas
    return [order[(rank + step * num_replicas) % n] for step in range(per_rank)]


def seed_worker(worker_id):
    info = data.get_worker_info()
    seed = (info.seed if info is not None else torch.initial_seed()) % 2**32
    random.seed(seed)
    numpy.random.seed(seed)


def build_loader(dataset, batch_size, seed, num_workers=0, shuffle=True, drop_last=False, collate_fn=None):
    options = dict(batch_size=batch_size, shuffle=shuffle, drop_last=drop_last, num_workers=num_workers)
    if collate_fn is not None:
        options["collate_fn"] = collate_fn
    if num_workers > 0:
        options["worker_init_fn"] = seed_worker
    generator = torch.Generator()
    generator.manual_seed(seed)
    return data.DataLoader(dataset, generator=generator, **options)
