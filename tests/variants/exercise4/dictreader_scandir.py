"""Variant: CSVDataset keeps csv.DictReader rows (dicts) and checks names against reader.fieldnames, raising ValueError; labels via torch.as_tensor; NpyFolderDataset walks root with os.scandir (a missing root raises FileNotFoundError by itself), stores str paths from os.path.join and converts with astype(np.float32) + torch.from_numpy; Compose keeps a tuple."""

from __future__ import annotations

import csv
import os

import numpy as np
import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    def __init__(self, path, feature_columns, label_column, transform=None, target_transform=None):
        with open(path, newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames or []
            for column in [*feature_columns, label_column]:
                if column not in fields:
                    raise ValueError(f"column {column!r} is not in the CSV header {fields}")
            self.records = [record for record in reader if any(record.values())]
        self.feature_columns = list(feature_columns)
        self.label_column = label_column
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.records)

    def __getitem__(self, idx):
        record = self.records[idx]
        x = torch.tensor([float(record[name]) for name in self.feature_columns])
        y = torch.as_tensor(int(record[self.label_column]))
        if self.transform:
            x = self.transform(x)
        if self.target_transform:
            y = self.target_transform(y)
        return x, y


class NpyFolderDataset(Dataset):
    def __init__(self, root, transform=None):
        with os.scandir(root) as entries:
            self.classes = sorted(entry.name for entry in entries if entry.is_dir())
        self.class_to_idx = {name: i for i, name in enumerate(self.classes)}
        self.samples = []
        for name in self.classes:
            folder = os.path.join(root, name)
            with os.scandir(folder) as entries:
                files = sorted(entry.name for entry in entries if entry.is_file() and entry.name.endswith(".npy"))
            self.samples.extend((os.path.join(folder, file), self.class_to_idx[name]) for file in files)
        self.transform = transform

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        path, target = self.samples[idx]
        x = torch.from_numpy(np.load(path).astype(np.float32))
        if self.transform:
            x = self.transform(x)
        return x, target


class Compose:
    def __init__(self, transforms):
        self.transforms = tuple(transforms)

    def __call__(self, x):
        for t in self.transforms:
            x = t(x)
        return x


class Normalize:
    def __init__(self, mean, std):
        self.mean, self.std = mean, std

    def __call__(self, x):
        return (x - self.mean) / self.std
