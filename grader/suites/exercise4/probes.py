"""Probes for exercise 4: CSVDataset, NpyFolderDataset, Compose and Normalize.

Every probe writes its own small data set into a fresh temporary folder (under the worker's
scratch directory on the learner's side), builds the learner's classes on it and reports what it
saw: lengths, items, which files were opened and which transforms ran, and when.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import itertools
import os
import pickle
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import torch
from torch.overrides import TorchFunctionMode
from torch.utils.data import DataLoader, Dataset, default_collate

from grader.probing import generator, outcome, probe

# ------------------------------------------------------------------------------------- the data

# The header's order differs from FEATURES' order, the label sits in the middle and two columns
# are not used: a dataset must pick columns by name.
HEADER = ["sample_id", "petal_length", "label", "sepal_width", "petal_width", "sepal_length"]
FEATURES = ["sepal_length", "sepal_width", "petal_length"]
LABEL = "label"
ROWS = 7

# Class folders and files, created in an order that is neither sorted nor reverse-sorted, so that
# a directory listing comes back unsorted whatever the file system.
TREE = {
    "mole": ["x_3", "x_20", "x_1"],
    "ant": ["b", "c", "a"],
    "zebra": ["img_2", "img_10", "img_1", "img_03"],
    "eel": ["e_2", "e_1"],
    "cat": ["only"],
}
ARRAY_SHAPE = (2, 3)
ARRAY_DTYPES = (np.float64, np.int32, np.float32)
MISSING = "petal_area"


def csv_table(rows: int, seed: int) -> list[list[str]]:
    """Data rows as text; every value is a multiple of 1/8, exact in float32."""
    g = generator(seed)
    values = torch.randint(-80, 81, (rows, 4), generator=g) / 8
    labels = torch.randint(0, 5, (rows,), generator=g)
    table = []
    for index in range(rows):
        petal_length, sepal_width, petal_width, sepal_length = (f"{value:g}" for value in values[index].tolist())
        table.append([str(100 + index), petal_length, str(int(labels[index])), sepal_width, petal_width, sepal_length])
    return table


def csv_text(rows: int, seed: int, trailing_newline: bool = True) -> str:
    lines = [",".join(HEADER)] + [",".join(row) for row in csv_table(rows, seed)]
    return "\n".join(lines) + ("\n" if trailing_newline else "")


def expected_features(table: list[list[str]], columns: list[str]) -> list[list[float]]:
    """Rows' values of ``columns``, in that order (used by the tests to diagnose a mistake)."""
    return [[float(row[HEADER.index(name)]) for name in columns] for row in table]


def file_content(sample: str, version: int = 0) -> torch.Tensor | None:
    """The float32 content of ``class/name.npy`` as written (``None`` for a path the tree lacks)."""
    class_name, _, file = sample.partition("/")
    name = file.removesuffix(".npy")
    if class_name not in TREE or name not in TREE[class_name] or not file.endswith(".npy"):
        return None
    return torch.as_tensor(array_for(class_name, name, version), dtype=torch.float32)


def array_for(class_name: str, name: str, version: int = 0) -> np.ndarray:
    """The deterministic content of ``class_name/name.npy`` (``version`` 1 after an overwrite)."""
    position = sum(len(names) for names in itertools.takewhile(lambda item: item != class_name, TREE)) + TREE[class_name].index(name)
    g = generator(1000 + position)
    values = torch.randint(-20, 21, ARRAY_SHAPE, generator=g).numpy() / 4 + 1000 * version
    dtype = ARRAY_DTYPES[position % len(ARRAY_DTYPES)]
    return values.astype(dtype)


def sorted_samples() -> list[tuple[str, int]]:
    """``(class/name.npy, class index)`` in the contract's order: by class index, then file name."""
    classes = sorted(TREE)
    return [(f"{name}/{file}", index) for index, name in enumerate(classes) for file in sorted(f"{f}.npy" for f in TREE[name])]


def _scratch() -> str | None:
    """The worker's scratch folder (its cwd) when running learner code, else the system's temp dir."""
    cwd = os.getcwd()
    return cwd if os.path.basename(cwd).startswith("grader-worker-") else None


@contextlib.contextmanager
def temp_folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="exercise4-", dir=_scratch()) as folder:
        yield Path(folder)


def write_csv(folder: Path, rows: int = ROWS, seed: int = 1, trailing_newline: bool = True) -> Path:
    path = folder / "flowers.csv"
    with builtins.open(path, "w", newline="") as file:
        file.write(csv_text(rows, seed, trailing_newline))
    return path


def write_tree(folder: Path, stray: bool = False) -> Path:
    root = folder / "arrays"
    for class_name, names in TREE.items():
        (root / class_name).mkdir(parents=True)
        for name in names:
            np.save(root / class_name / f"{name}.npy", array_for(class_name, name))
    if stray:
        (root / "notes.txt").write_text("not a class folder\n")
        (root / "labels.npy").write_bytes((root / "ant" / "a.npy").read_bytes())
        (root / "ant" / "readme.txt").write_text("not an array\n")
        (root / "mole" / "x_3.npy.bak").write_text("not an array either\n")
    return root


def overwrite_tree(root: Path) -> None:
    for class_name, names in TREE.items():
        for name in names:
            np.save(root / class_name / f"{name}.npy", array_for(class_name, name, version=1))


# ---------------------------------------------------------------------------------- observation


def kind_of(value: Any) -> dict[str, Any]:
    """What a value is, as plain data (a tensor keeps its values)."""
    if isinstance(value, torch.Tensor):
        return {"type": "Tensor", "dtype": str(value.dtype).removeprefix("torch."), "shape": list(value.shape),
                "value": value.detach().cpu()}
    if isinstance(value, bool):
        return {"type": "bool", "value": value}
    if isinstance(value, int):
        return {"type": "int", "value": value}
    if isinstance(value, float):
        return {"type": "float", "value": value}
    if isinstance(value, np.ndarray):
        return {"type": "ndarray", "dtype": str(value.dtype), "shape": list(value.shape)}
    return {"type": type(value).__name__, "repr": repr(value)[:80]}


def item_of(item: Any) -> dict[str, Any]:
    """One ``dataset[i]``: a pair, described part by part."""
    if not isinstance(item, (tuple, list)) or len(item) != 2:
        return {"pair": False, "type": type(item).__name__, "length": len(item) if isinstance(item, (tuple, list)) else None}
    return {"pair": True, "first": kind_of(item[0]), "second": kind_of(item[1])}


class Counting:
    """A picklable transform, ``x * scale + shift`` on a tensor, that counts its calls and records its
    inputs. Anything but a tensor is returned unchanged, so that a transform applied too early (to a
    list or an array) is reported by the test instead of crashing the probe."""

    def __init__(self, scale: float, shift: float) -> None:
        self.scale = scale
        self.shift = shift
        self.calls = 0
        self.inputs: list[dict[str, Any]] = []

    def __call__(self, x: Any) -> Any:
        self.calls += 1
        self.inputs.append(kind_of(x))
        return x * self.scale + self.shift if isinstance(x, torch.Tensor) else x


class TensorFactories(TorchFunctionMode):
    """Records the torch functions that returned a tensor while active."""

    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def __torch_function__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        result = func(*args, **(kwargs or {}))
        if isinstance(result, torch.Tensor) and len(self.names) < 20:
            self.names.append(getattr(func, "__name__", str(func)))
        return result


def tensors_kept(obj: Any, limit: int = 5000) -> list[str]:
    """Where ``obj``'s attributes hold tensors (searching lists, tuples and dicts a few levels deep)."""
    found: list[str] = []
    budget = [limit]

    def visit(value: Any, where: str, depth: int) -> None:
        if budget[0] <= 0 or len(found) >= 5:
            return
        budget[0] -= 1
        if isinstance(value, torch.Tensor):
            found.append(where)
        elif depth < 4 and isinstance(value, (list, tuple)):
            for position, item in enumerate(value[:200]):
                visit(item, f"{where}[{position}]", depth + 1)
        elif depth < 4 and isinstance(value, dict):
            for key, item in list(value.items())[:200]:
                visit(item, f"{where}[{key!r}]", depth + 1)

    for name, value in list(getattr(obj, "__dict__", {}).items()):
        if not isinstance(value, Counting):
            visit(value, f"self.{name}", 0)
    return found


@contextlib.contextmanager
def watching_npy_files(folder: Path) -> Iterator[list[str]]:
    """While active, records every ``open``/``io.open``/``np.load`` of a ``.npy`` file under
    ``folder`` (as its path relative to ``folder``); the originals are put back afterwards.

    An observation, not a replacement: for the span of the block, builtins', io's and NumPy's
    functions are rebound to pass-throughs that note the path and then call the same function
    with the same arguments, returning what it returns and raising what it raises (a reference
    the learner keeps beyond the block stays a pass-through too). No name of the learner's module
    is touched. Python gives a probe no other way to see an open: audit hooks cannot be removed
    and, like profiling hooks, are refused while grading."""
    events: list[str] = []
    base = os.path.realpath(folder)
    originals = builtins.open, io.open, np.load

    def relative(file: Any) -> str | None:
        try:
            path = os.fspath(file)
        except TypeError:
            return None
        if isinstance(path, bytes):
            path = os.fsdecode(path)
        path = os.path.realpath(path)
        if path.startswith(base + os.sep) and path.endswith(".npy"):
            return os.path.relpath(path, base).replace(os.sep, "/")
        return None

    def watched(original: Any) -> Any:
        def call(file: Any, *args: Any, **kwargs: Any) -> Any:
            name = relative(file)
            if name is not None:
                events.append(name)
            return original(file, *args, **kwargs)

        return call

    builtins.open, io.open, np.load = (watched(original) for original in originals)
    try:
        yield events
    finally:
        builtins.open, io.open, np.load = originals


def samples_of(dataset: Any, root: Path) -> list[Any]:
    """``dataset.samples`` as ``[path relative to root, class index]`` pairs (or a short repr of an
    entry that is not a pair)."""
    described: list[Any] = []
    for sample in list(dataset.samples):
        if isinstance(sample, (tuple, list)) and len(sample) == 2:
            index = sample[1]
            described.append([relative_path(sample[0], root),
                              int(index) if isinstance(index, (int, np.integer)) else repr(index)[:40]])
        else:
            described.append(repr(sample)[:80])
    return described


def relative_path(path: Any, root: Path) -> str:
    """A sample's path as ``class/name.npy`` relative to ``root``, or a description of what it is."""
    try:
        text = os.fspath(path)
    except TypeError:
        return f"<not a path: {type(path).__name__}>"
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    return os.path.relpath(os.path.realpath(text), os.path.realpath(root)).replace(os.sep, "/")


def indexing(dataset: Any, size: int) -> dict[str, Any]:
    """Negative indices, out-of-range indices and plain iteration, like a list of ``size`` items."""
    negatives = []
    for index in (-1, -2, -size):
        negatives.append({"index": index, "item": item_of(dataset[index]), "same_as": item_of(dataset[size + index])})
    out_of_range = {str(index): outcome(lambda index=index: dataset[index]) for index in (size, size + 3, -size - 1)}
    iterated: list[Any] = []
    stopped = outcome(lambda: iterated.extend(itertools.islice(iter(dataset), size + 3)))
    return {"negatives": negatives, "out_of_range": out_of_range, "iterated": len(iterated), "iteration": stopped}


def batches(dataset: Dataset, batch_size: int) -> dict[str, Any]:
    """The batches of a ``DataLoader`` with two worker processes, and the same items read here, in
    the main process, and collated the same way (``direct``).

    The workers are forked whatever the platform's default start method: under ``spawn`` or
    ``forkserver`` they would have to import the module under test by name, which the reference
    (loaded under a private name) cannot be. Whether a dataset survives pickling, as those start
    methods need, is checked on its own (:func:`pickled`)."""
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=False, num_workers=2, multiprocessing_context="fork")
    loaded = [_plain_batch(batch) for batch in loader]
    size = len(dataset)
    direct = [_plain_batch(default_collate([dataset[index] for index in range(start, min(start + batch_size, size))]))
              for start in range(0, size, batch_size)]
    return {"batches": loaded, "direct": direct}


def _plain_batch(batch: Any) -> Any:
    return list(batch) if isinstance(batch, (tuple, list)) else batch


def pickled(dataset: Any, size: int) -> dict[str, Any]:
    """Whether ``dataset`` survives ``pickle`` and gives the same items afterwards."""
    try:
        payload = pickle.dumps(dataset)
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - the failure is the data
        return {"dumps": f"{type(error).__name__}: {str(error)[:200]}", "same_items": False}
    copy = pickle.loads(payload)
    same = all(_same_item(copy[index], dataset[index]) for index in range(size))
    return {"dumps": None, "same_items": same}


def _same_item(first: Any, second: Any) -> bool:
    if isinstance(first, torch.Tensor) and isinstance(second, torch.Tensor):
        return first.shape == second.shape and bool(torch.equal(first, second))
    if isinstance(first, (tuple, list)) and isinstance(second, (tuple, list)):
        return len(first) == len(second) and all(_same_item(a, b) for a, b in zip(first, second))
    return bool(first == second)


# ------------------------------------------------------------------------------------ CSVDataset


@probe
def csv_items(m: ModuleType, device: str, rows: int, trailing_newline: bool) -> dict[str, Any]:
    """Length and every item of a CSV file (path given as a str), without transforms."""
    with temp_folder() as folder:
        path = write_csv(folder, rows=rows, trailing_newline=trailing_newline)
        dataset = m.CSVDataset(str(path), list(FEATURES), LABEL)
        return {
            "is_dataset": isinstance(dataset, Dataset),
            "len": len(dataset),
            "items": [item_of(dataset[index]) for index in range(rows)],
        }


@probe
def csv_access(m: ModuleType, device: str, indices: list[int]) -> dict[str, Any]:
    """Counting transforms: calls during __init__ and per access, their inputs and the items."""
    with temp_folder() as folder:
        path = write_csv(folder)
        transform, target_transform = Counting(2.0, 1.0), Counting(1, 100)
        factories = TensorFactories()
        with factories:
            dataset = m.CSVDataset(path, list(FEATURES), LABEL, transform=transform, target_transform=target_transform)
        init = {"transform": transform.calls, "target_transform": target_transform.calls,
                "factories": factories.names, "kept": tensors_kept(dataset)}
        accesses = []
        for index in indices:
            before = transform.calls, target_transform.calls
            item = dataset[index]
            accesses.append({
                "index": index,
                "transform": transform.calls - before[0],
                "target_transform": target_transform.calls - before[1],
                "transform_input": transform.inputs[-1] if transform.calls > before[0] else None,
                "target_input": target_transform.inputs[-1] if target_transform.calls > before[1] else None,
                "item": item_of(item),
            })
        return {"init": init, "accesses": accesses}


@probe
def csv_indexing(m: ModuleType, device: str) -> dict[str, Any]:
    with temp_folder() as folder:
        dataset = m.CSVDataset(write_csv(folder), list(FEATURES), LABEL)
        return indexing(dataset, ROWS)


@probe
def csv_missing_column(m: ModuleType, device: str, role: str) -> dict[str, Any]:
    """A column name that is not in the header, as a feature or as the label; the error is raised
    by __init__ or, at the latest, by the first access."""
    features = [FEATURES[0], MISSING, FEATURES[1]] if role == "feature" else list(FEATURES)
    label = MISSING if role == "label" else LABEL
    with temp_folder() as folder:
        path = write_csv(folder)
        return outcome(lambda: m.CSVDataset(path, features, label)[0])


@probe
def csv_loader(m: ModuleType, device: str, batch_size: int) -> dict[str, Any]:
    with temp_folder() as folder:
        dataset = m.CSVDataset(write_csv(folder), list(FEATURES), LABEL)
        return batches(dataset, batch_size)


@probe
def csv_pickle(m: ModuleType, device: str) -> dict[str, Any]:
    with temp_folder() as folder:
        plain = m.CSVDataset(write_csv(folder), list(FEATURES), LABEL)
        transformed = m.CSVDataset(write_csv(folder), list(FEATURES), LABEL, transform=Counting(2.0, 1.0),
                                   target_transform=Counting(1, 100))
        return {"plain": pickled(plain, ROWS), "transformed": pickled(transformed, ROWS)}


# ------------------------------------------------------------------------------ NpyFolderDataset


@probe
def npy_structure(m: ModuleType, device: str, as_path: bool, stray: bool = False) -> dict[str, Any]:
    """classes, class_to_idx, samples (paths relative to root) and len, from root as a str or Path."""
    with temp_folder() as folder:
        root = write_tree(folder, stray=stray)
        dataset = m.NpyFolderDataset(root if as_path else str(root))
        described = samples_of(dataset, root)
        return {
            "is_dataset": isinstance(dataset, Dataset),
            "classes": list(dataset.classes),
            "class_to_idx": {str(key): value for key, value in dict(dataset.class_to_idx).items()},
            "samples": described,
            "len": len(dataset),
        }


@probe
def npy_items(m: ModuleType, device: str) -> dict[str, Any]:
    """Every item, in order, without a transform, and the samples they come from."""
    with temp_folder() as folder:
        root = write_tree(folder)
        dataset = m.NpyFolderDataset(root)
        items = [item_of(dataset[index]) for index in range(len(sorted_samples()))]
        return {"items": items, "samples": samples_of(dataset, root)}


@probe
def npy_access(m: ModuleType, device: str, indices: list[int]) -> dict[str, Any]:
    """Files opened by __init__ and by each access, transform calls, and what an access returns
    after the files were overwritten once the dataset existed."""
    with temp_folder() as folder:
        root = write_tree(folder)
        transform = Counting(2.0, -1.0)
        with watching_npy_files(root) as opened:
            dataset = m.NpyFolderDataset(root, transform=transform)
        init = {"opened": sorted(set(opened)), "transform": transform.calls}
        samples = [sample[0] if isinstance(sample, list) else sample for sample in samples_of(dataset, root)]
        overwrite_tree(root)
        accesses = []
        for index in indices:
            calls = transform.calls
            with watching_npy_files(root) as opened:
                item = dataset[index]
            accesses.append({
                "index": index,
                "sample": samples[index],
                "opened": sorted(set(opened)),
                "transform": transform.calls - calls,
                "transform_input": transform.inputs[-1] if transform.calls > calls else None,
                "item": item_of(item),
            })
        return {"init": init, "accesses": accesses}


@probe
def npy_missing_root(m: ModuleType, device: str) -> dict[str, Any]:
    with temp_folder() as folder:
        return outcome(lambda: m.NpyFolderDataset(folder / "no_such_folder"))


@probe
def npy_indexing(m: ModuleType, device: str) -> dict[str, Any]:
    with temp_folder() as folder:
        dataset = m.NpyFolderDataset(write_tree(folder))
        return indexing(dataset, len(sorted_samples()))


@probe
def npy_loader(m: ModuleType, device: str, batch_size: int) -> dict[str, Any]:
    with temp_folder() as folder:
        dataset = m.NpyFolderDataset(write_tree(folder))
        return batches(dataset, batch_size)


@probe
def npy_pickle(m: ModuleType, device: str) -> dict[str, Any]:
    with temp_folder() as folder:
        root = write_tree(folder)
        plain = m.NpyFolderDataset(root)
        transformed = m.NpyFolderDataset(root, transform=Counting(2.0, -1.0))
        size = len(sorted_samples())
        return {"plain": pickled(plain, size), "transformed": pickled(transformed, size)}


# ---------------------------------------------------------------------------- Compose, Normalize


@probe
def compose(m: ModuleType, device: str) -> dict[str, Any]:
    """Three transforms that do not commute, applied twice by the same Compose; plus a single one."""
    calls: list[str] = []

    def add_one(x: Any) -> Any:
        calls.append("add_one")
        return x + 1

    def double(x: Any) -> Any:
        calls.append("double")
        return x * 2

    def square(x: Any) -> Any:
        calls.append("square")
        return x**2

    pipeline = m.Compose([add_one, double, square])
    x = torch.tensor([-1.5, 0.0, 2.0, 3.25], device=device)
    first = pipeline(x)
    order = list(calls)
    second = pipeline(x)
    single = m.Compose([double])(torch.tensor([1.0, -4.0], device=device))
    number = m.Compose([square, add_one])(3.0)
    return {"first": kind_of(first), "order": order, "second": kind_of(second), "single": kind_of(single),
            "number": kind_of(number)}


@probe
def normalize(m: ModuleType, device: str, kind: str) -> dict[str, Any]:
    """``Normalize(mean, std)`` with per-feature tensors, or with plain floats, on ``x`` of shape (5, 3)."""
    g = generator(11)
    x = (torch.randn(5, 3, generator=g) * 3 + 2).to(device)
    original = x.clone()
    if kind == "tensors":
        mean = torch.tensor([2.0, -1.0, 0.5], device=device)
        std = torch.tensor([3.0, 0.5, 2.0], device=device)
        results = {"out": kind_of(m.Normalize(mean, std)(x))}
    else:
        results = {"out": kind_of(m.Normalize(1.5, 4.0)(x))}
    results["input_unchanged"] = bool(torch.equal(x, original))
    return results
