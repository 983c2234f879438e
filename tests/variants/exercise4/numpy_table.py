"""Variant: CSVDataset parses the whole table with np.loadtxt into a float64 NumPy array in __init__ (NumPy, not tensors) and slices rows at access time (NumPy raises the IndexError); a missing column surfaces as list.index's ValueError; NpyFolderDataset globs root/*/*.npy, sorts with a (class index, file name) key and loads with mmap_mode='r'; Normalize keeps mean and std as tensors."""

from __future__ import annotations

import glob
import os

import numpy as np
import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    def __init__(self, path, feature_columns, label_column, transform=None, target_transform=None):
        with open(path) as handle:
            header = handle.readline().strip().split(",")
        self.feature_idx = [header.index(column) for column in feature_columns]
        self.label_idx = header.index(label_column)
        self.table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return self.table.shape[0]

    def __getitem__(self, idx):
        row = self.table[idx]
        features = torch.from_numpy(row[self.feature_idx].astype(np.float32))
        label = torch.tensor(int(row[self.label_idx]), dtype=torch.long)
        if self.transform is not None:
            features = self.transform(features)
        if self.target_transform is not None:
            label = self.target_transform(label)
        return features, label


class NpyFolderDataset(Dataset):
    def __init__(self, root, transform=None):
        root = os.fspath(root)
        if not os.path.isdir(root):
            raise FileNotFoundError(root)
        self.classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
        self.class_to_idx = {c: i for i, c in enumerate(self.classes)}
        found = []
        for path in glob.glob(os.path.join(root, "*", "*.npy")):
            class_name = os.path.basename(os.path.dirname(path))
            if class_name in self.class_to_idx and os.path.isfile(path):
                found.append((path, self.class_to_idx[class_name]))
        self.samples = sorted(found, key=lambda sample: (sample[1], os.path.basename(sample[0])))
        self.transform = transform

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        path, label = self.samples[idx]
        array = np.load(path, mmap_mode="r")
        tensor = torch.tensor(np.array(array), dtype=torch.float32)
        if self.transform is not None:
            tensor = self.transform(tensor)
        return tensor, label


class Compose:
    def __init__(self, transforms):
        self.transforms = [*transforms]

    def __call__(self, sample):
        result = sample
        for function in self.transforms:
            result = function(result)
        return result


class Normalize:
    def __init__(self, mean, std):
        self.mean = torch.as_tensor(mean)
        self.std = torch.as_tensor(std)

    def __call__(self, x):
        return torch.div(torch.sub(x, self.mean), self.std)
