"""Exercise 4: a map-style Dataset with lazy transforms (맵 스타일 데이터셋과 지연 변환).

Write two datasets, one over a CSV file and one over a folder of ``.npy`` arrays, plus two small
*transforms* (변환): ``Compose`` and ``Normalize``.

- A *map-style dataset* (맵 스타일 데이터셋) subclasses ``torch.utils.data.Dataset`` and defines
  ``__len__`` and ``__getitem__(idx)``; a ``DataLoader`` asks it for items by index.
- *Lazy* (지연): ``__init__`` only finds out what the items are (rows of text, file paths); the
  tensors are built, the files loaded and the transforms applied in ``__getitem__``, once per
  access. A big data set then never has to fit in memory.
- Index like a list: negative indices count from the end, and an index out of range raises
  ``IndexError``, which is also what ends a plain ``for item in dataset`` loop.
- With ``num_workers > 0`` each ``DataLoader`` worker (워커) process gets its own copy of the
  dataset, possibly pickled: keep only plain data on ``self``, no open files or lambdas.

A tiny data set to try your classes by hand lives in ``exercises/data/``. From the repository
root, run ``python -i exercises/exercise4.py``, then::

    ds = CSVDataset("exercises/data/iris_like.csv", ["sepal_length", "petal_length"], "label")
    print(len(ds), ds[0], ds[-1])
    print(NpyFolderDataset("exercises/data/npy_classes").samples[:2])

Check your work with ``grader check exercise4``; compare with ``solutions/exercise4.py`` when done.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    """Rows of a CSV file with a header row, as ``(features, label)``.

    - ``__init__`` may read the file's text (``csv.reader`` helps) but builds no tensor and calls no
      transform. A name in ``feature_columns`` or ``label_column`` that the header lacks raises
      ``KeyError`` (or ``ValueError``) whose message names it.
    - ``__len__``: the number of data rows (the header is not one; a newline at the very end of
      the file does not start another row).
    - ``__getitem__(idx)``: ``features`` is a float32 tensor of shape ``(len(feature_columns),)``
      holding the row's values in the order of ``feature_columns`` (not the header's order), then
      ``transform(features)`` when a transform is given; ``label`` is an int64 scalar (0-d) tensor
      of ``int(row[label_column])``, then ``target_transform(label)`` when given. Each transform
      runs once per access. Negative indices work as for a list; out of range raises ``IndexError``.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        feature_columns: Sequence[str],
        label_column: str,
        transform: Callable[[Tensor], Any] | None = None,
        target_transform: Callable[[Tensor], Any] | None = None,
    ) -> None:
        raise NotImplementedError("read the header and the rows as text; find each column's position by name")

    def __len__(self) -> int:
        raise NotImplementedError("return the number of data rows")

    def __getitem__(self, idx: int) -> tuple[Any, Any]:
        raise NotImplementedError("build the features and label tensors of row idx, then apply the transforms")


class NpyFolderDataset(Dataset):
    """Arrays stored as ``root/<class_name>/<name>.npy``, as ``(tensor, class_index)``.

    - ``classes``: the sorted names of the class folders under ``root`` (plain files there are
      not classes); ``class_to_idx``: ``{class_name: index}``.
    - ``samples``: a list of ``(path, class_index)``, one per ``.npy`` file of each class folder,
      sorted by class index, then by file name; ``path`` is a ``str`` or a ``pathlib.Path``.
    - ``__init__`` only lists files: it opens no ``.npy`` file. A missing ``root`` raises
      ``FileNotFoundError``.
    - ``__len__``: the number of samples.
    - ``__getitem__(idx)``: loads the array of ``samples[idx]`` (``np.load``) at access time,
      converts it to a float32 tensor, then applies ``transform`` when given; ``class_index`` is a
      Python ``int``. Indexes like a list: negative indices work, out of range raises ``IndexError``.
    """

    def __init__(self, root: str | os.PathLike[str], transform: Callable[[Tensor], Any] | None = None) -> None:
        raise NotImplementedError("list the sorted class folders and their sorted .npy files; load nothing yet")

    def __len__(self) -> int:
        raise NotImplementedError("return the number of samples")

    def __getitem__(self, idx: int) -> tuple[Any, int]:
        raise NotImplementedError("np.load the file of samples[idx], convert it to float32, apply the transform")


class Compose:
    """A callable that applies ``transforms`` in order: ``Compose([f, g])(x) == g(f(x))``.

    It can be called any number of times (keep the transforms in a list).
    """

    def __init__(self, transforms: Iterable[Callable[[Any], Any]]) -> None:
        raise NotImplementedError("keep the transforms in a list")

    def __call__(self, x: Any) -> Any:
        raise NotImplementedError("pass x through every transform, first to last")


class Normalize:
    """A callable returning ``(x - mean) / std``, without changing ``x``.

    ``mean`` and ``std`` are numbers or tensors that broadcast with ``x`` (e.g. one value per
    feature).
    """

    def __init__(self, mean: float | Tensor, std: float | Tensor) -> None:
        raise NotImplementedError("keep mean and std")

    def __call__(self, x: Any) -> Any:
        raise NotImplementedError("return (x - self.mean) / self.std")
