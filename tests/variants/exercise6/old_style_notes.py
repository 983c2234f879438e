"""Variant: PyTorch as the course's notes write it: the forum recipe for class weights (np.unique counts, torch.from_numpy(...).type('torch.DoubleTensor')), generators made with g = torch.Generator(); g.manual_seed(seed), BucketBatchSampler(Sampler) calling super(BucketBatchSampler, self).__init__() (torch 2.13's Sampler takes no data_source any more), shard_indices with int(math.ceil(n * 1.0 / num_replicas)), and plain loops."""

import math
import random

import numpy as np
import torch
from torch.utils.data import DataLoader, Sampler, SubsetRandomSampler, WeightedRandomSampler


def _generator(seed):
    g = torch.Generator()
    g.manual_seed(seed)
    return g


def class_balanced_sampler(labels, num_samples=None, generator=None):
    labels = np.asarray(labels)
    classes, counts = np.unique(labels, return_counts=True)
    weight = {c: 1.0 / n for c, n in zip(classes.tolist(), counts.tolist())}
    samples_weight = torch.from_numpy(np.array([weight[t] for t in labels.tolist()]))
    if num_samples is None:
        num_samples = len(samples_weight)
    return WeightedRandomSampler(samples_weight.type("torch.DoubleTensor"), num_samples, replacement=True,
                                 generator=generator)


def train_val_split(n, val_fraction, seed):
    if val_fraction < 0 or val_fraction >= 1:
        raise ValueError("val_fraction must be in [0, 1)")
    perm = torch.randperm(n, generator=_generator(seed))
    split = int(n * val_fraction)
    return [int(i) for i in perm[split:]], [int(i) for i in perm[:split]]


def make_split_loaders(dataset, batch_size, val_fraction, seed):
    train_idx, val_idx = train_val_split(len(dataset), val_fraction, seed)
    train_loader = DataLoader(dataset, batch_size=batch_size,
                              sampler=SubsetRandomSampler(train_idx, generator=_generator(seed)))
    val_loader = DataLoader(dataset, batch_size=batch_size, sampler=sorted(val_idx))
    return train_loader, val_loader


class BucketBatchSampler(Sampler):
    def __init__(self, lengths, batch_size, drop_last=False, shuffle=True, generator=None):
        super(BucketBatchSampler, self).__init__()
        order = sorted(range(len(lengths)), key=lambda i: lengths[i])
        self.batches = []
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            if len(batch) < batch_size and drop_last:
                continue
            self.batches.append(batch)
        self.shuffle = shuffle
        self.generator = generator

    def __iter__(self):
        if self.shuffle:
            positions = torch.randperm(len(self.batches), generator=self.generator).tolist()
        else:
            positions = list(range(len(self.batches)))
        for p in positions:
            yield list(self.batches[p])

    def __len__(self):
        return len(self.batches)


def shard_indices(n, num_replicas, rank, shuffle=False, seed=0, epoch=0):
    if rank < 0 or rank >= num_replicas:
        raise ValueError("Invalid rank {}, rank should be in the interval [0, {}]".format(rank, num_replicas - 1))
    if shuffle:
        indices = torch.randperm(n, generator=_generator(seed + epoch)).tolist()
    else:
        indices = list(range(n))
    num_samples = int(math.ceil(n * 1.0 / num_replicas))
    total_size = num_samples * num_replicas
    padding = total_size - len(indices)
    while padding > 0:
        indices += indices[:padding]
        padding = total_size - len(indices)
    return indices[rank:total_size:num_replicas]


def seed_worker(worker_id):
    worker_seed = torch.initial_seed() % 2**32
    np.random.seed(worker_seed)
    random.seed(worker_seed)


def build_loader(dataset, batch_size, seed, num_workers=0, shuffle=True, drop_last=False, collate_fn=None):
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, num_workers=num_workers, drop_last=drop_last,
                      collate_fn=collate_fn, worker_init_fn=seed_worker, generator=_generator(seed))
