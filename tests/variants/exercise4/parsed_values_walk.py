"""Variant: CSVDataset parses every row into Python floats and ints in __init__ (plain values, no tensors) and builds tensors with torch.FloatTensor / torch.tensor at access time; the index goes through range(len(self))[idx] for list semantics; NpyFolderDataset finds files with os.walk and keeps (pathlib.Path, int) samples; private helpers, a __repr__ and a dataclass Normalize; Compose takes any iterable."""

from __future__ import annotations

import csv
import operator
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor
from torch.utils.data import Dataset


def _apply(function, value):
    return value if function is None else function(value)


class CSVDataset(Dataset):
    def __init__(self, path, feature_columns, label_column, transform=None, target_transform=None):
        with open(path, newline="") as file:
            rows = [row for row in csv.reader(file) if row]
        header, body = rows[0], rows[1:]
        index = {name: i for i, name in enumerate(header)}
        absent = [name for name in [*feature_columns, label_column] if name not in index]
        if absent:
            raise KeyError(f"missing column(s): {absent}")
        self._values = [[float(row[index[name]]) for name in feature_columns] for row in body]
        self._labels = [int(row[index[label_column]]) for row in body]
        self.transform = transform
        self.target_transform = target_transform

    def __repr__(self) -> str:
        return f"CSVDataset({len(self)} rows)"

    def __len__(self) -> int:
        return len(self._labels)

    def __getitem__(self, idx: int) -> tuple[Any, Any]:
        idx = range(len(self))[operator.index(idx)]
        features = torch.FloatTensor(self._values[idx])
        label = torch.tensor(self._labels[idx])
        return _apply(self.transform, features), _apply(self.target_transform, label)


class NpyFolderDataset(Dataset):
    def __init__(self, root, transform=None):
        root = Path(root)
        if not root.is_dir():
            raise FileNotFoundError(f"{root} is not a folder")
        top, folders, _ = next(os.walk(root))
        self.classes = sorted(folders)
        self.class_to_idx = {name: position for position, name in enumerate(self.classes)}
        self.samples: list[tuple[Path, int]] = []
        for name in self.classes:
            _, _, files = next(os.walk(Path(top) / name))
            self.samples += [(root / name / file, self.class_to_idx[name]) for file in sorted(files) if file.endswith(".npy")]
        self.transform = transform

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, idx: int) -> tuple[Any, int]:
        path, label = self.samples[idx]
        return _apply(self.transform, torch.as_tensor(np.load(path)).float()), label


class Compose:
    def __init__(self, transforms):
        self.steps = list(transforms)

    def __call__(self, x):
        for step in self.steps:
            x = step(x)
        return x


@dataclass
class Normalize:
    mean: float | Tensor
    std: float | Tensor

    def __call__(self, x):
        return torch.div(x - self.mean, self.std)
