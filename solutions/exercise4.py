"""Reference solution for exercise 4: a map-style Dataset with lazy transforms."""

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
    """Rows of a CSV file with a header: ``(features, label)`` tensors, built at access time."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        feature_columns: Sequence[str],
        label_column: str,
        transform: Callable[[Tensor], Any] | None = None,
        target_transform: Callable[[Tensor], Any] | None = None,
    ) -> None:
        with open(path, newline="") as file:
            reader = csv.reader(file)
            header = next(reader, [])
            self.rows = [row for row in reader if row]  # the text only: no tensors yet
        missing = [name for name in [*feature_columns, label_column] if name not in header]
        if missing:
            raise KeyError(f"column(s) {', '.join(map(repr, missing))} not in the header of {os.fspath(path)}: {header}")
        self.feature_indices = [header.index(name) for name in feature_columns]
        self.label_index = header.index(label_column)
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, idx: int) -> tuple[Any, Any]:
        row = self.rows[idx]  # list indexing: negative indices work, out of range raises IndexError
        features = torch.tensor([float(row[i]) for i in self.feature_indices], dtype=torch.float32)
        label = torch.tensor(int(row[self.label_index]), dtype=torch.int64)
        if self.transform is not None:
            features = self.transform(features)
        if self.target_transform is not None:
            label = self.target_transform(label)
        return features, label


class NpyFolderDataset(Dataset):
    """``root/<class_name>/<name>.npy`` files as ``(float32 tensor, class index)``, loaded at access time."""

    def __init__(self, root: str | os.PathLike[str], transform: Callable[[Tensor], Any] | None = None) -> None:
        root = Path(root)
        if not root.is_dir():
            raise FileNotFoundError(f"no such folder: {root}")
        self.root = root
        self.transform = transform
        self.classes = sorted(entry.name for entry in root.iterdir() if entry.is_dir())
        self.class_to_idx = {name: index for index, name in enumerate(self.classes)}
        self.samples = [
            (str(path), self.class_to_idx[name])
            for name in self.classes
            for path in sorted((root / name).glob("*.npy"), key=lambda path: path.name)
            if path.is_file()
        ]

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, idx: int) -> tuple[Any, int]:
        path, class_index = self.samples[idx]
        tensor = torch.as_tensor(np.load(path), dtype=torch.float32)
        if self.transform is not None:
            tensor = self.transform(tensor)
        return tensor, class_index


class Compose:
    """Apply ``transforms`` one after the other: ``Compose([f, g])(x) == g(f(x))``."""

    def __init__(self, transforms: Iterable[Callable[[Any], Any]]) -> None:
        self.transforms = list(transforms)

    def __call__(self, x: Any) -> Any:
        for transform in self.transforms:
            x = transform(x)
        return x


class Normalize:
    """``(x - mean) / std``; ``mean`` and ``std`` are numbers or tensors that broadcast with ``x``."""

    def __init__(self, mean: float | Tensor, std: float | Tensor) -> None:
        self.mean = mean
        self.std = std

    def __call__(self, x: Any) -> Any:
        return (x - self.mean) / self.std
