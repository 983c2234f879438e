"""Variant: PyTorch as the course's notes write it: the padded batch made with the legacy Tensor.new(*sizes).fill_(pad_value) and filled row by row, lengths and labels as torch.LongTensor(list), the mask from torch.arange(0, max_len).type_as(lengths), SortedPadCollate and the loader's collate as (object) classes (picklable), and super(Class, self).__init__()."""

import torch
from torch.utils.data import DataLoader


def pad_collate(batch, pad_value=0):
    if len(batch) == 0:
        raise ValueError("empty batch")
    seqs = [item[0] for item in batch]
    max_len = max([s.size(0) for s in seqs])
    padded = seqs[0].new(len(seqs), max_len, *seqs[0].size()[1:]).fill_(pad_value)
    for i, s in enumerate(seqs):
        padded[i, : s.size(0)] = s
    lengths = torch.LongTensor([s.size(0) for s in seqs])
    labels = torch.LongTensor([int(item[1]) for item in batch])
    return padded, lengths, labels


def padding_mask(lengths, max_len=None):
    if max_len is None:
        max_len = int(lengths.max()) if lengths.numel() > 0 else 0
    positions = torch.arange(0, max_len).type_as(lengths)
    return positions.unsqueeze(0).expand(lengths.size(0), max_len) < lengths.unsqueeze(1)


class SortedPadCollate(object):
    def __init__(self, pad_value=0):
        super(SortedPadCollate, self).__init__()
        self.pad_value = pad_value

    def __call__(self, batch):
        if len(batch) == 0:
            raise ValueError("empty batch")
        order = sorted(range(len(batch)), key=lambda i: batch[i][0].size(0), reverse=True)
        padded, lengths, labels = pad_collate([batch[i] for i in order], self.pad_value)
        return padded, lengths, labels, torch.LongTensor(order)


class _PadCollate(object):
    def __init__(self, pad_value):
        self.pad_value = pad_value

    def __call__(self, batch):
        return pad_collate(batch, self.pad_value)


def make_loader(dataset, batch_size, shuffle=False, pad_value=0, drop_last=False, num_workers=0, generator=None):
    return DataLoader(dataset, batch_size=batch_size, shuffle=shuffle, collate_fn=_PadCollate(pad_value),
                      drop_last=drop_last, num_workers=num_workers, generator=generator)
