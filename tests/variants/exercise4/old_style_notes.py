"""Variant: PyTorch as the course's notes write it: super(Class, self).__init__() on the datasets, Compose and Normalize as (object) classes, features built with the legacy torch.Tensor(list) constructor, labels with torch.LongTensor([...])[0], arrays through torch.from_numpy(np.load(path)).float(), os.listdir for the folders, and a missing column found by header.index (ValueError)."""

import csv
import os

import numpy as np
import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    def __init__(self, path, feature_columns, label_column, transform=None, target_transform=None):
        super(CSVDataset, self).__init__()
        with open(path, "r") as f:
            reader = csv.reader(f)
            header = next(reader)
            self.rows = [row for row in reader if len(row) > 0]
        self.feature_idx = [header.index(c) for c in feature_columns]
        self.label_idx = header.index(label_column)
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, idx):
        row = self.rows[idx]
        features = torch.Tensor([float(row[i]) for i in self.feature_idx])
        label = torch.LongTensor([int(row[self.label_idx])])[0]
        if self.transform:
            features = self.transform(features)
        if self.target_transform:
            label = self.target_transform(label)
        return features, label


class NpyFolderDataset(Dataset):
    def __init__(self, root, transform=None):
        super(NpyFolderDataset, self).__init__()
        if not os.path.isdir(root):
            raise FileNotFoundError("no such folder: {}".format(root))
        self.classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
        self.class_to_idx = {self.classes[i]: i for i in range(len(self.classes))}
        self.samples = []
        for class_name in self.classes:
            folder = os.path.join(root, class_name)
            for fname in sorted(os.listdir(folder)):
                path = os.path.join(folder, fname)
                if fname.endswith(".npy") and os.path.isfile(path):
                    self.samples.append((path, self.class_to_idx[class_name]))
        self.transform = transform

    def __len__(self):
        return len(self.samples)

    def __getitem__(self, idx):
        path, target = self.samples[idx]
        x = torch.from_numpy(np.load(path)).float()
        if self.transform is not None:
            x = self.transform(x)
        return x, target


class Compose(object):
    def __init__(self, transforms):
        self.transforms = transforms

    def __call__(self, x):
        for t in self.transforms:
            x = t(x)
        return x


class Normalize(object):
    def __init__(self, mean, std):
        self.mean = mean
        self.std = std

    def __call__(self, x):
        return (x - self.mean) / self.std
