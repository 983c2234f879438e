"""Variant: CSVDataset keeps the non-empty lines of Path.read_text().splitlines() as strings and normalises the index by hand (idx += len, explicit IndexError); missing columns raise ValueError with the name; NpyFolderDataset uses os.listdir with an isdir filter (a missing root raises FileNotFoundError from os.listdir) and converts with torch.from_numpy(...).to(torch.float32); the class index goes through int()."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    def __init__(self, path, feature_columns, label_column, transform=None, target_transform=None):
        lines = [line for line in Path(path).read_text().splitlines() if line.strip()]
        header = lines[0].split(",")
        for column in (*feature_columns, label_column):
            if column not in header:
                raise ValueError(f"unknown column {column!r}; the header has {header}")
        self.lines = lines[1:]
        self.features = [header.index(column) for column in feature_columns]
        self.label = header.index(label_column)
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.lines)

    def __getitem__(self, idx):
        if idx < 0:
            idx += len(self)
        if idx < 0 or idx >= len(self):
            raise IndexError(f"index out of range for a dataset of {len(self)} rows")
        cells = self.lines[idx].split(",")
        x = torch.tensor([float(cells[i]) for i in self.features], dtype=torch.float32)
        y = torch.tensor(int(cells[self.label]), dtype=torch.int64)
        if self.transform is not None:
            x = self.transform(x)
        if self.target_transform is not None:
            y = self.target_transform(y)
        return x, y


class NpyFolderDataset(Dataset):
    def __init__(self, root, transform=None):
        self.root = str(root)
        self.transform = transform
        self.classes = sorted(name for name in os.listdir(self.root) if os.path.isdir(os.path.join(self.root, name)))
        self.class_to_idx = {name: i for i, name in enumerate(self.classes)}
        self.samples = []
        for name in self.classes:
            directory = os.path.join(self.root, name)
            for file in sorted(os.listdir(directory)):
                if file.endswith(".npy"):
                    self.samples.append((os.path.join(directory, file), self.class_to_idx[name]))

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        path, class_index = self.samples[idx]
        tensor = torch.from_numpy(np.load(path)).to(torch.float32)
        if self.transform is not None:
            tensor = self.transform(tensor)
        return tensor, int(class_index)


class Compose:
    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, x):
        for transform in self.transforms:
            x = transform(x)
        return x


class Normalize:
    def __init__(self, mean, std):
        self.mean = mean
        self.std = std

    def __call__(self, x):
        centered = x - self.mean
        return centered / self.std
