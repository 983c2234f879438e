"""Variant: CSVDataset reads the file once in binary in __init__ to record each data line's byte offset, and re-opens the file in __getitem__ (in a with block) to seek to and parse that one line; missing columns raise KeyError(name); NpyFolderDataset keeps pathlib.Path objects in samples, checks root.exists() itself and uses torch.tensor(array, dtype=torch.float32); Compose folds with functools.reduce; Normalize uses sub/div."""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    def __init__(self, path, feature_columns, label_column, transform=None, target_transform=None):
        self.path = Path(path)
        with open(self.path, "rb") as handle:
            header = handle.readline().decode().strip().split(",")
            self.offsets = []
            while True:
                offset = handle.tell()
                line = handle.readline()
                if not line:
                    break
                if line.strip():
                    self.offsets.append(offset)
        positions = {name: i for i, name in enumerate(header)}
        for name in [*feature_columns, label_column]:
            if name not in positions:
                raise KeyError(name)
        self.columns = [positions[name] for name in feature_columns]
        self.label = positions[label_column]
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.offsets)

    def __getitem__(self, idx):
        offset = self.offsets[idx]
        with open(self.path, "rb") as handle:
            handle.seek(offset)
            fields = handle.readline().decode().strip().split(",")
        features = torch.tensor([float(fields[i]) for i in self.columns], dtype=torch.float32)
        label = torch.tensor(int(fields[self.label]))
        if self.transform is not None:
            features = self.transform(features)
        if self.target_transform is not None:
            label = self.target_transform(label)
        return features, label


class NpyFolderDataset(Dataset):
    def __init__(self, root, transform=None):
        self.root = Path(root)
        if not self.root.exists():
            raise FileNotFoundError(f"dataset root {self.root} does not exist")
        self.transform = transform
        folders = sorted((p for p in self.root.iterdir() if p.is_dir()), key=lambda p: p.name)
        self.classes = [folder.name for folder in folders]
        self.class_to_idx = {name: index for index, name in enumerate(self.classes)}
        self.samples = []
        for folder in folders:
            for file in sorted(folder.glob("*.npy")):
                self.samples.append((file, self.class_to_idx[folder.name]))

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        file, label = self.samples[idx]
        data = torch.tensor(np.load(file), dtype=torch.float32)
        return (self.transform(data) if self.transform is not None else data), label


class Compose:
    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, x):
        return functools.reduce(lambda value, transform: transform(value), self.transforms, x)


class Normalize:
    def __init__(self, mean, std):
        self.mean = mean
        self.std = std

    def __call__(self, x):
        return x.sub(self.mean).div(self.std)
