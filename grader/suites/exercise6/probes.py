"""Probes for exercise 6: samplers, splits, shards and seeded DataLoaders.

Every probe builds its own inputs from fixed seeds, saves and restores the global random states it
touches (``random`` and NumPy here; torch's is restored by the engine) and reports what the
learner's samplers and loaders yielded, as plain data.
"""

from __future__ import annotations

import contextlib
import operator
import random
import types
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import numpy as np
import torch
import torch.utils.data
import torch.utils.data.distributed
from torch.utils.data import (
    DataLoader,
    Dataset,
    Sampler,
    SubsetRandomSampler,
    WeightedRandomSampler,
    get_worker_info,
)

from grader.probing import probe, require

# ------------------------------------------------------------------------------------------ helpers


def generator(seed: int | None) -> torch.Generator | None:
    return None if seed is None else torch.Generator().manual_seed(seed)


@contextlib.contextmanager
def global_rngs_restored() -> Iterator[None]:
    """Put Python's and NumPy's global random states back afterwards (torch's is the engine's job)."""
    python_state, numpy_state = random.getstate(), np.random.get_state()
    try:
        yield
    finally:
        random.setstate(python_state)
        np.random.set_state(numpy_state)


def seed_globals(seed: int) -> None:
    """Seed all three global random states, as a learner's training script might."""
    torch.manual_seed(seed)
    random.seed(seed)
    np.random.seed(seed)


def global_snapshot() -> dict[str, Any]:
    return {"torch": torch.get_rng_state(), "random": random.getstate(), "numpy": np.random.get_state()}


def changed_states(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """The names of the global random states that differ between two snapshots."""
    changed = []
    if not torch.equal(before["torch"], after["torch"]):
        changed.append("torch")
    if before["random"] != after["random"]:
        changed.append("random")
    numpy_before, numpy_after = before["numpy"], after["numpy"]
    if not all(
        np.array_equal(a, b) if isinstance(a, np.ndarray) else a == b for a, b in zip(numpy_before, numpy_after)
    ):
        changed.append("numpy")
    return changed


def to_ints(value: Any) -> list[int] | None:
    """``value`` as a list of ints if it is a sequence of integers (a list, a tensor, an array)."""
    if isinstance(value, torch.Tensor):
        if value.dim() == 0 or value.is_floating_point() or value.is_complex():
            return None
        return [int(item) for item in value.flatten().tolist()]
    if isinstance(value, (str, bytes, dict)):
        return None
    try:
        return [operator.index(item) for item in value]
    except TypeError:
        return None


def type_names(value: Any) -> dict[str, Any]:
    """The container's type and the sorted set of its elements' types."""
    try:
        items = list(value) if not isinstance(value, (str, bytes)) else []
    except TypeError:
        items = []
    return {"container": type(value).__name__, "elements": sorted({type(item).__name__ for item in items})}


class IndexDataset(Dataset):
    """``dataset[i] == i``: what a loader yields tells which indices it visited."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index: int) -> int:
        return int(index)


class RandomDrawDataset(Dataset):
    """Each item draws one number from torch, ``random`` and NumPy, and says where it ran."""

    def __init__(self, n: int) -> None:
        self.n = n

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index: int) -> dict[str, Any]:
        info = get_worker_info()
        return {
            "index": int(index),
            "worker": -1 if info is None else info.id,
            "seed": torch.initial_seed() % 2**32,
            "worker_seed": -1 if info is None else info.seed % 2**32,
            "torch": torch.rand(()).item(),
            "random": random.random(),
            "numpy": float(np.random.rand()),
        }


DATASETS = {"index": IndexDataset, "random": RandomDrawDataset}


def tagged_collate(batch: list[Any]) -> dict[str, Any]:
    """A custom collate_fn whose output cannot be mistaken for the default one's."""
    return {"tag": "custom collate", "items": list(batch)}


def first_item(batch: list[Any]) -> Any:
    return batch[0]


def plain_batch(batch: Any) -> Any:
    """A batch as plain data: a list of indices, a list of draw records, or a custom collate's dict."""
    if isinstance(batch, dict) and batch.get("tag") == "custom collate":
        return {"tag": batch["tag"], "items": [int(item) for item in batch["items"]]}
    if isinstance(batch, dict) and "index" in batch:
        columns = {key: value.tolist() if isinstance(value, torch.Tensor) else list(value) for key, value in batch.items()}
        return [dict(zip(columns, row)) for row in zip(*columns.values())]
    ints = to_ints(batch)
    require(ints is not None, f"a batch of your loader is a {type(batch).__name__}, expected a batch of indices")
    return ints


# ------------------------------------------------------------------------------------ class_balanced_sampler


@probe
def balanced_sampler(
    m: ModuleType,
    device: str,
    labels: list[int],
    num_samples: int | None = None,
    generator_seed: int | None = 0,
    global_seed: int = 0,
    draw: bool = False,
) -> dict[str, Any]:
    kwargs: dict[str, Any] = {} if num_samples is None else {"num_samples": num_samples}
    if generator_seed is not None:
        kwargs["generator"] = generator(generator_seed)
    with global_rngs_restored():
        sampler = m.class_balanced_sampler(list(labels), **kwargs)
    weights = getattr(sampler, "weights", None)
    info: dict[str, Any] = {
        "type": type(sampler).__name__,
        "is_weighted": isinstance(sampler, WeightedRandomSampler),
        "weights": torch.as_tensor(weights, dtype=torch.float64).flatten() if weights is not None else None,
        "replacement": getattr(sampler, "replacement", None),
        "num_samples": getattr(sampler, "num_samples", None),
    }
    if draw:
        torch.manual_seed(global_seed)
        with global_rngs_restored():
            drawn = to_ints(list(iter(sampler)))
        require(drawn is not None, "iterating your sampler did not yield integer indices")
        info["drawn"] = torch.tensor(drawn, dtype=torch.int64)
    return info


# ------------------------------------------------------------------------------------------ train_val_split


@probe
def split(m: ModuleType, device: str, n: int, val_fraction: float, seed: int, global_seed: int = 0) -> dict[str, Any]:
    with global_rngs_restored():
        seed_globals(global_seed)
        before = global_snapshot()
        result = m.train_val_split(n, val_fraction, seed)
        after = global_snapshot()
    require(
        isinstance(result, (tuple, list)) and len(result) == 2,
        f"train_val_split returned {type(result).__name__}, expected a pair (train_indices, val_indices)",
    )
    train, val = result
    train_ints, val_ints = to_ints(train), to_ints(val)
    require(train_ints is not None and val_ints is not None,
            "train_val_split must return two lists of ints (train_indices, val_indices)")
    return {
        "train": train_ints,
        "val": val_ints,
        "train_types": type_names(train),
        "val_types": type_names(val),
        "changed": changed_states(before, after),
    }


SPLIT_FRACTIONS = {"invalid": [-0.1, 1.0, 1.5], "valid": [0.0, 0.5, 0.9]}


@probe
def split_validation(m: ModuleType, device: str) -> dict[str, str]:
    outcomes = {}
    with global_rngs_restored():
        for fraction in SPLIT_FRACTIONS["invalid"] + SPLIT_FRACTIONS["valid"]:
            try:
                m.train_val_split(10, fraction, 0)
                outcomes[str(fraction)] = "no error"
            except NotImplementedError:
                raise
            except Exception as error:  # noqa: BLE001 - the outcome is the data
                outcomes[str(fraction)] = type(error).__name__
    return outcomes


# ---------------------------------------------------------------------------------------- make_split_loaders


@probe
def split_loaders(
    m: ModuleType, device: str, n: int, batch_size: int, val_fraction: float, seed: int, global_seeds: list[int]
) -> dict[str, Any]:
    """Build the loaders once per global seed (reseeding the globals before building and iterating)."""
    builds = []
    with global_rngs_restored():
        splits = []
        for global_seed in global_seeds:
            seed_globals(global_seed)
            split_result = m.train_val_split(n, val_fraction, seed)
            require(isinstance(split_result, (tuple, list)) and len(split_result) == 2,
                    "train_val_split must return a pair (train_indices, val_indices)")
            splits.append([to_ints(part) for part in split_result])
            require(None not in splits[-1], "train_val_split must return two lists of ints")
        train_split, val_split = splits[0]
        for global_seed in global_seeds:
            seed_globals(global_seed)
            loaders = m.make_split_loaders(IndexDataset(n), batch_size, val_fraction, seed)
            require(isinstance(loaders, (tuple, list)) and len(loaders) == 2,
                    f"make_split_loaders returned {type(loaders).__name__}, expected a pair (train_loader, val_loader)")
            train_loader, val_loader = loaders
            require(isinstance(train_loader, DataLoader) and isinstance(val_loader, DataLoader),
                    "make_split_loaders must return two torch.utils.data.DataLoader objects")
            sampler = train_loader.sampler
            seed_globals(global_seed + 1000)
            builds.append({
                "sampler_type": type(sampler).__name__,
                "is_subset_random": isinstance(sampler, SubsetRandomSampler),
                "sampler_indices": to_ints(getattr(sampler, "indices", None)) if hasattr(sampler, "indices") else None,
                "train_batches": [plain_batch(batch) for batch in train_loader],
                "val_batches": [plain_batch(batch) for batch in val_loader],
            })
    return {"train_split": train_split, "val_split": val_split, "builds": builds,
            "split_reproducible": all(other == splits[0] for other in splits)}


# ----------------------------------------------------------------------------------------- BucketBatchSampler


@probe
def bucket(
    m: ModuleType,
    device: str,
    lengths: list[int],
    batch_size: int,
    options: dict[str, Any],
    generator_seed: int | None = None,
    global_seed: int = 0,
    epochs: int = 1,
    in_loader: bool = False,
) -> dict[str, Any]:
    kwargs = dict(options)
    if generator_seed is not None:
        kwargs["generator"] = generator(generator_seed)
    epochs_seen = []
    with global_rngs_restored():
        sampler = m.BucketBatchSampler(list(lengths), batch_size, **kwargs)
        torch.manual_seed(global_seed)
        for _ in range(epochs):
            batches = []
            for batch in sampler:
                ints = to_ints(batch)
                require(ints is not None, f"BucketBatchSampler yielded a {type(batch).__name__}, expected a list of indices")
                batches.append(ints)
            epochs_seen.append(batches)
    info: dict[str, Any] = {
        "is_sampler": isinstance(sampler, Sampler),
        "len": len(sampler) if hasattr(type(sampler), "__len__") else None,
        "epochs": epochs_seen,
    }
    if in_loader:
        torch.manual_seed(global_seed)
        with global_rngs_restored():
            loader = DataLoader(IndexDataset(len(lengths)), batch_sampler=sampler)
            info["loader_batches"] = [plain_batch(batch) for batch in loader]
        info["loader_len"] = len(loader)
    return info


# --------------------------------------------------------------------------------------------- shard_indices

def distributed_sampler_users(m: ModuleType, name: str) -> list[str]:
    """The learner's functions, from ``name`` on, that use DistributedSampler: their code names it
    (``DistributedSampler(...)``, ``torch.utils.data.distributed.DistributedSampler``), names a
    module global bound to it or to a subclass of it, or holds one in a default or a closure. The
    learner's functions and classes that a function names are followed, nested functions included.

    Only the code and the module's bindings are read: nothing is run, and torch and the learner's
    module keep their DistributedSampler (a stand-in that raises would change what correct code
    that merely imports it does)."""
    real = torch.utils.data.distributed.DistributedSampler
    namespace = vars(m)

    def is_sampler(value: Any) -> bool:
        return isinstance(value, type) and issubclass(value, real)

    users: list[str] = []
    seen: set[int] = set()
    pending = [namespace.get(name)]
    while pending:
        value = pending.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, type) and value.__module__ == m.__name__ and not is_sampler(value):
            pending += [getattr(item, "__func__", getattr(item, "fget", item)) for item in vars(value).values()]
        if not isinstance(value, types.FunctionType) or value.__globals__ is not namespace:
            continue
        names: set[str] = set()
        codes = [value.__code__]
        while codes:
            code = codes.pop()
            names.update(code.co_names)
            codes += [const for const in code.co_consts if isinstance(const, types.CodeType)]
        cells = [cell.cell_contents for cell in value.__closure__ or () if cell_is_full(cell)]
        held = [*(value.__defaults__ or ()), *(value.__kwdefaults__ or {}).values(), *cells]
        globals_named = [namespace[key] for key in sorted(names) if key in namespace]
        if "DistributedSampler" in names or any(map(is_sampler, held + globals_named)):
            users.append(value.__qualname__)
        pending += held + globals_named
    return users


def cell_is_full(cell: types.CellType) -> bool:
    try:
        cell.cell_contents  # noqa: B018 - an empty cell raises
    except ValueError:
        return False
    return True


def require_no_distributed_sampler(m: ModuleType) -> None:
    users = distributed_sampler_users(m, "shard_indices")
    require(not users, f"shard_indices uses DistributedSampler (in {', '.join(f'`{user}`' for user in users)}), which this "
                       "exercise asks you to do without: write the index arithmetic yourself")


@probe
def shards(m: ModuleType, device: str, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    require_no_distributed_sampler(m)
    results = []
    with global_rngs_restored():
        for case in cases:
            got = m.shard_indices(**case)
            results.append({"indices": to_ints(got), "types": type_names(got)})
    return results


@probe
def shard_validation(m: ModuleType, device: str, cases: list[dict[str, Any]]) -> list[str]:
    require_no_distributed_sampler(m)
    outcomes = []
    with global_rngs_restored():
        for case in cases:
            try:
                m.shard_indices(**case)
                outcomes.append("no error")
            except NotImplementedError:
                raise
            except Exception as error:  # noqa: BLE001 - the outcome is the data
                outcomes.append(type(error).__name__)
    return outcomes


# ----------------------------------------------------------------------------------------------- seed_worker


def smoke_test(worker_init_fn: Any) -> None:
    """Call a worker_init_fn once in this process first: an error inside a DataLoader worker reaches
    us without the learner's traceback, one raised here names their line."""
    with global_rngs_restored(), torch.random.fork_rng(devices=[]):
        torch.manual_seed(2**40 + 7)  # as in a worker: a 64-bit seed from the loader's generator
        worker_init_fn(0)


@probe
def seed_worker_direct(m: ModuleType, device: str, torch_seed: int, worker_id: int) -> dict[str, Any]:
    """Call seed_worker as a worker would, after torch was seeded with ``torch_seed``."""
    with global_rngs_restored():
        random.seed(999)
        np.random.seed(999)
        torch.manual_seed(torch_seed)
        returned = m.seed_worker(worker_id)
        return {
            "returned": type(returned).__name__,
            "random": [random.random() for _ in range(3)],
            "numpy": [float(value) for value in np.random.rand(3)],
        }


@probe
def seed_worker_in_workers(m: ModuleType, device: str, n: int, generator_seed: int, global_seeds: list[int]) -> list[list[dict[str, Any]]]:
    """Records of draws made in two real workers, once per global seed, with ``seed_worker``."""
    runs = []
    with global_rngs_restored():
        smoke_test(m.seed_worker)
        for global_seed in global_seeds:
            seed_globals(global_seed)
            loader = DataLoader(
                RandomDrawDataset(n), batch_size=1, num_workers=2, collate_fn=first_item,
                worker_init_fn=m.seed_worker, generator=generator(generator_seed),
            )
            runs.append([dict(record) for record in loader])
    return runs


# ---------------------------------------------------------------------------------------------- build_loader

COLLATES = {"default": None, "tagged": tagged_collate}


@probe
def loader(
    m: ModuleType,
    device: str,
    n: int,
    batch_size: int,
    seed: int,
    options: dict[str, Any],
    dataset: str = "index",
    collate: str | None = None,
    global_seeds: tuple[int, ...] = (0,),
) -> dict[str, Any]:
    """Build and iterate one loader per global seed (the globals reseeded before each)."""
    kwargs = dict(options)
    if collate is not None:
        kwargs["collate_fn"] = COLLATES[collate]
    runs, lengths = [], []
    with global_rngs_restored():
        for global_seed in global_seeds:
            seed_globals(global_seed)
            built = m.build_loader(DATASETS[dataset](n), batch_size, seed, **kwargs)
            require(isinstance(built, DataLoader), f"build_loader returned {type(built).__name__}, expected a DataLoader")
            if built.num_workers > 0 and built.worker_init_fn is not None:
                smoke_test(built.worker_init_fn)
            seed_globals(global_seed + 1000)
            runs.append([plain_batch(batch) for batch in built])
            lengths.append(len(built))
    return {"runs": runs, "lengths": lengths}
