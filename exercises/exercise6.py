"""Exercise 6: samplers and reproducible DataLoaders (샘플러와 재현 가능한 데이터 로더).

Decide *which* samples a ``DataLoader`` visits and in what order, and make that order the same
on every run.

- A *sampler* (샘플러) yields dataset indices; a *batch sampler* yields whole lists of indices.
  ``DataLoader(dataset, sampler=...)`` or ``DataLoader(dataset, batch_sampler=...)`` uses them.
- Class imbalance (클래스 불균형): ``WeightedRandomSampler(weights, num_samples, replacement=True)``
  draws index ``i`` with probability proportional to ``weights[i]``, one weight *per sample*.
- Reproducibility (재현성): never rely on the global random state (전역 난수 상태). Pass a
  ``torch.Generator().manual_seed(seed)`` (시드) to samplers and loaders; in worker processes
  (``num_workers > 0``) seed ``random`` and NumPy with a ``worker_init_fn``.
- Distributed training (분산 학습) gives each process (``rank``) its own shard of the indices:
  ``DistributedSampler`` pads the index list to a multiple of ``num_replicas`` by repeating it
  from the start, then rank ``r`` takes every ``num_replicas``-th index starting at ``r``.

Check your work with ``grader check exercise6``; compare with ``solutions/exercise6.py`` when done.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import numpy as np
import torch
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
    """A ``WeightedRandomSampler`` that draws every class equally often (클래스 균형 샘플링).

    - ``labels``: one class label (an int) per sample.
    - The weight of sample ``i`` is ``1 / count(labels[i])``: one weight per *sample*, so
      ``len(sampler.weights) == len(labels)``.
    - Drawn with replacement (``replacement=True``); ``num_samples`` defaults to ``len(labels)``.
    - ``generator`` is passed on to the sampler, so a seeded generator gives the same draws.
    """
    raise NotImplementedError("count each label, give sample i the weight 1 / count(labels[i]), return a WeightedRandomSampler")


def train_val_split(n: int, val_fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """Split ``range(n)`` at random into ``(train_indices, val_indices)`` (검증 세트 분할).

    - Two lists of Python ints; together they hold every index of ``range(n)`` exactly once.
    - ``len(val_indices) == int(n * val_fraction)``.
    - The same ``seed`` gives the same split; the global random state (torch, ``random``,
      NumPy) is neither used nor changed: draw from your own seeded generator.
    - ``val_fraction`` outside ``[0, 1)`` raises ``ValueError``.
    """
    raise NotImplementedError("validate val_fraction, permute range(n) with torch.Generator().manual_seed(seed), cut the permutation")


def make_split_loaders(dataset: Dataset, batch_size: int, val_fraction: float, seed: int) -> tuple[DataLoader, DataLoader]:
    """``(train_loader, val_loader)`` over the split ``train_val_split(len(dataset), val_fraction, seed)``.

    - The training loader's ``sampler`` is a ``SubsetRandomSampler`` over the training indices,
      with a generator seeded from ``seed`` (the same seed gives the same order).
    - The validation loader visits the validation indices in ascending order.
    - Both loaders use ``batch_size``.
    """
    raise NotImplementedError("split with train_val_split, then build a DataLoader with a SubsetRandomSampler and one over sorted(val)")


class BucketBatchSampler(Sampler[list[int]]):
    """A batch sampler that groups indices of similar length (버킷 샘플링), to pad less.

    - Order the indices by ``lengths``, shortest first; equal lengths keep their index order (a
      stable sort).
    - Cut that order into consecutive batches of ``batch_size``; with ``drop_last`` the last
      batch is dropped when it is short.
    - ``__iter__`` yields each batch as a list of indices; with ``shuffle`` the batches come in a
      random order drawn from ``generator`` (the batches themselves stay the same), without it in
      the sorted order.
    - Every index appears once per epoch (bar the dropped ones); ``len()`` is the number of batches.
    """

    def __init__(
        self,
        lengths: Sequence[int],
        batch_size: int,
        drop_last: bool = False,
        shuffle: bool = True,
        generator: torch.Generator | None = None,
    ) -> None:
        raise NotImplementedError("sort range(len(lengths)) by length (stable), cut it into batches, drop a short last one if asked")

    def __iter__(self) -> Iterator[list[int]]:
        raise NotImplementedError("yield the batches, in the order of torch.randperm(num_batches, generator=...) when shuffling")

    def __len__(self) -> int:
        raise NotImplementedError("return the number of batches")


def shard_indices(n: int, num_replicas: int, rank: int, shuffle: bool = False, seed: int = 0, epoch: int = 0) -> list[int]:
    """The indices of ``range(n)`` that process ``rank`` of ``num_replicas`` reads (데이터 샤딩).

    Exactly what ``torch.utils.data.DistributedSampler(range(n), num_replicas, rank, shuffle,
    seed, drop_last=False)`` yields after ``set_epoch(epoch)``, written without it:

    - with ``shuffle``, start from ``torch.randperm(n, generator=torch.Generator().manual_seed(seed
      + epoch))``, else from ``range(n)``;
    - pad the list to ``ceil(n / num_replicas) * num_replicas`` by repeating it from its start;
    - rank ``r`` takes every ``num_replicas``-th index starting at ``r``.

    Returns a list of Python ints. A ``rank`` outside ``[0, num_replicas)`` raises ``ValueError``.
    """
    raise NotImplementedError("permute (or not), pad by repeating from the start, then take indices[rank::num_replicas]")


def seed_worker(worker_id: int) -> None:
    """A ``worker_init_fn`` (워커 초기화 함수): seed ``random`` and NumPy's global generator.

    Both get the seed ``torch.initial_seed() % 2**32``: inside a DataLoader worker torch has
    already been seeded with a seed of its own for that worker. Returns ``None``.
    """
    raise NotImplementedError("seed random.seed and np.random.seed with torch.initial_seed() % 2**32")


def build_loader(
    dataset: Dataset,
    batch_size: int,
    seed: int,
    num_workers: int = 0,
    shuffle: bool = True,
    drop_last: bool = False,
    collate_fn: Callable[[list[Any]], Any] | None = None,
) -> DataLoader:
    """A ``DataLoader`` whose batches depend on ``seed`` alone (재현 가능한 데이터 로더).

    - Two loaders built with the same arguments give the same batches in the same order: the
      shuffling comes from a ``torch.Generator`` seeded from ``seed``, never from the global
      random state.
    - With ``num_workers > 0`` this holds even when the dataset draws random numbers from torch,
      ``random`` or NumPy in ``__getitem__``: give the loader your ``seed_worker`` as
      ``worker_init_fn`` (and the generator, from which the workers' seeds are drawn).
    - ``batch_size``, ``num_workers``, ``shuffle``, ``drop_last`` and ``collate_fn`` are passed on.
    """
    raise NotImplementedError("return DataLoader(..., worker_init_fn=seed_worker, generator=torch.Generator().manual_seed(seed))")
