"""Variant: CSVDataset validates nothing in __init__: each access zips the header with the row's cells into a dict, so a missing column raises KeyError(name) at the first access; features via torch.stack of 0-d tensors, label via torch.tensor(...).long(); NpyFolderDataset globs root/*/*.npy once and sorts the Paths by (class index, name); Normalize broadcasts with torch.true_divide."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    def __init__(self, path, feature_columns, label_column, transform=None, target_transform=None):
        with open(path) as handle:
            text = handle.read()
        lines = text.split("\n")
        self.header = lines[0].split(",")
        self.rows = [line for line in lines[1:] if line]
        self.feature_columns = tuple(feature_columns)
        self.label_column = label_column
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, idx):
        record = dict(zip(self.header, self.rows[idx].split(",")))
        features = torch.stack([torch.tensor(float(record[name])) for name in self.feature_columns])
        label = torch.tensor(int(record[self.label_column])).long()
        if self.transform is not None:
            features = self.transform(features)
        if self.target_transform is not None:
            label = self.target_transform(label)
        return features, label


class NpyFolderDataset(Dataset):
    def __init__(self, root, transform=None):
        root = Path(root)
        if not root.is_dir():
            raise FileNotFoundError(root)
        self.classes = sorted(child.name for child in root.iterdir() if child.is_dir())
        self.class_to_idx = dict(zip(self.classes, range(len(self.classes))))
        paths = [path for path in root.glob("*/*.npy") if path.is_file() and path.parent.name in self.class_to_idx]
        self.samples = sorted(((path, self.class_to_idx[path.parent.name]) for path in paths),
                              key=lambda sample: (sample[1], sample[0].name))
        self.transform = transform

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        path, label = self.samples[idx]
        x = torch.as_tensor(np.load(path), dtype=torch.float32)
        if self.transform is not None:
            x = self.transform(x)
        return x, label


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
        return torch.true_divide(x - self.mean, self.std)
