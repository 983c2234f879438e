"""Exercise 5: a custom collate_fn for variable-length sequences (가변 길이 시퀀스를 위한 collate_fn).

A ``DataLoader`` gathers ``batch_size`` samples into a list and hands it to its ``collate_fn``
(배치 묶기 함수). The default one stacks the samples, which fails when sequences have different
lengths. Write one that *pads* (패딩) them to a common length instead, a mask (마스크) that tells
real positions from padding, a variant that sorts (정렬) the batch for
``pack_padded_sequence``, and a loader that uses them.

- Samples are ``(sequence, label)``: ``sequence`` a tensor of shape ``(L,)`` or ``(L, D)``,
  ``label`` an ``int`` or a 0-d tensor.
- Right padding (오른쪽 패딩): each sequence sits at the start of its row, ``pad_value`` fills the
  rest. ``torch.nn.utils.rnn.pad_sequence`` does this, but it is *time first* ``(T, B)`` unless
  you pass ``batch_first=True``.
- With ``num_workers > 0`` (멀티 프로세스 로딩) the ``collate_fn`` may have to be pickled (피클)
  into the worker processes: a lambda or a function defined inside another function cannot be;
  a module-level function, a ``functools.partial`` of one, or an instance of a module-level
  class can.

Check your work with ``grader check exercise5``; compare with ``solutions/exercise5.py`` when done.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

import torch
from torch import Tensor
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Dataset

Sample = tuple[Tensor, Any]


def pad_collate(batch: Sequence[Sample], pad_value: float = 0) -> tuple[Tensor, Tensor, Tensor]:
    """Pad a batch of ``(sequence, label)`` samples into ``(padded, lengths, labels)``.

    - ``padded``: shape ``(B, max L_i, *trailing)``, batch first, rows in batch order; each
      sequence at the start of its row, the rest filled with ``pad_value``; the dtype of the
      sequences (int64 tokens stay int64).
    - ``lengths``: int64 tensor ``(B,)``, each sequence's ``L_i``.
    - ``labels``: int64 tensor ``(B,)``, from ``int`` labels or 0-d tensor labels.
    - The input tensors are not modified. An empty batch raises ``ValueError``.
    """
    raise NotImplementedError("pad the sequences (batch first), and build int64 lengths and labels")


def padding_mask(lengths: Tensor, max_len: int | None = None) -> Tensor:
    """A bool tensor of shape ``(B, max_len)``, ``True`` where a position holds a real element.

    ``max_len`` defaults to ``max(lengths)``. Row ``i`` is ``True`` at positions
    ``0 .. lengths[i] - 1`` and ``False`` after them.
    """
    raise NotImplementedError("compare torch.arange(max_len) with lengths[:, None]")


class SortedPadCollate:
    """A picklable collate callable: ``SortedPadCollate(pad_value=0)(batch)``.

    Like ``pad_collate``, but the batch is first ordered by length, longest first, with ties kept
    in batch order (a stable sort). Returns ``(padded, lengths, labels, order)``: ``order`` is an
    int64 tensor ``(B,)`` and row ``i`` of the outputs holds ``batch[order[i]]``, so that
    ``pack_padded_sequence(padded, lengths, batch_first=True)`` accepts them. Keep only plain
    values on ``self`` (no lambdas) so that it pickles.
    """

    def __init__(self, pad_value: float = 0) -> None:
        raise NotImplementedError("remember pad_value on self")

    def __call__(self, batch: Sequence[Sample]) -> tuple[Tensor, Tensor, Tensor, Tensor]:
        raise NotImplementedError("sort the indices by length (longest first, stable), then pad_collate")


def make_loader(
    dataset: Dataset,
    batch_size: int,
    shuffle: bool = False,
    pad_value: float = 0,
    drop_last: bool = False,
    num_workers: int = 0,
    generator: torch.Generator | None = None,
) -> DataLoader:
    """A ``DataLoader`` over ``dataset`` whose batches are ``pad_collate(batch, pad_value)``.

    Pass ``batch_size``, ``shuffle``, ``drop_last``, ``num_workers`` and ``generator`` on to the
    ``DataLoader``. It must work with ``num_workers > 0``.
    """
    raise NotImplementedError("return DataLoader(..., collate_fn=<pad_collate with pad_value>)")
