"""Plain data across the process boundary: encoded with ``torch.save``, decoded with
``torch.load(weights_only=True)``, so nothing the worker sends can run code in the grader.

Probes return *plain data*: ``None``, bools, ints, floats, strings, lists, tuples, dicts with
string keys, and tensors. Tensors travel as detached, dense CPU tensors of the base class.
"""

from __future__ import annotations

import io
import struct
from typing import IO, Any

import numpy as np
import torch

_HEADER = struct.Struct(">Q")
MAX_FRAME = 256 * 1024 * 1024


class DecodeError(ValueError):
    """A frame that is not plain data (or not a frame at all)."""


def to_plain(value: Any) -> Any:
    """Copy ``value`` into plain data, refusing anything else."""
    if value is None or type(value) in (bool, int, str):
        return value
    if type(value) is float:
        return value
    if isinstance(value, torch.Tensor):
        tensor = torch.Tensor.as_subclass(value, torch.Tensor).detach()
        if tensor.layout != torch.strided:
            tensor = tensor.to_dense()
        return tensor.cpu().clone()
    if isinstance(value, np.ndarray):
        return torch.from_numpy(np.array(value, copy=True))
    if isinstance(value, (np.bool_, np.integer, np.floating)):
        return value.item()
    if type(value) in (list, tuple):
        return [to_plain(item) for item in value]
    if type(value) is dict:
        plain = {}
        for key, item in value.items():
            if type(key) is not str:
                raise TypeError(f"dict keys must be str, not {type(key).__name__}")
            plain[key] = to_plain(item)
        return plain
    raise TypeError(f"{type(value).__name__} is not plain data")


def encode(value: Any) -> bytes:
    """Serialise plain data (see :func:`to_plain`) into bytes."""
    buffer = io.BytesIO()
    torch.save(to_plain(value), buffer)
    return buffer.getvalue()


def decode(payload: bytes) -> Any:
    """Decode bytes from :func:`encode` without executing any code they may contain."""
    try:
        return torch.load(io.BytesIO(payload), weights_only=True, map_location="cpu")
    except Exception as error:  # noqa: BLE001 - any failure means "not plain data"
        raise DecodeError(f"not plain data: {error}") from None


def roundtrip(value: Any) -> Any:
    """What the other side of the pipe would see: used for reference data, for symmetry."""
    return decode(encode(value))


def write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)))
    stream.write(payload)
    stream.flush()


def frame_length(header: bytes) -> int:
    (length,) = _HEADER.unpack(header)
    if length > MAX_FRAME:
        raise DecodeError(f"frame of {length} bytes exceeds {MAX_FRAME}")
    return length


HEADER_SIZE = _HEADER.size

