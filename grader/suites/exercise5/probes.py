"""Probes for exercise 5: pad_collate, padding_mask, SortedPadCollate and make_loader."""

from __future__ import annotations

import pickle
from types import ModuleType
from typing import Any

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence
from torch.utils.data import DataLoader, Dataset, RandomSampler

from grader.probing import attempt, generator, probe, require

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64}

# Batches the suite collates. ``pad_value`` None means "leave the argument out" (the default 0).
# B differs from max(lengths) wherever possible, so that a (T, B) result shows in its shape.
CASES: dict[str, dict[str, Any]] = {
    "float, pad -1": dict(lengths=[3, 7, 1, 5], dtype="float32", trailing=[], pad_value=-1.0, labels="int"),
    "float, pad 7.5": dict(lengths=[2, 6, 6, 4, 1, 3], dtype="float32", trailing=[], pad_value=7.5, labels="int"),
    "int64 tokens, pad 2": dict(lengths=[5, 2, 6, 6, 1], dtype="int64", trailing=[], pad_value=2, labels="int"),
    "(L, D) features, pad 7.5": dict(lengths=[4, 2, 6], dtype="float32", trailing=[3], pad_value=7.5, labels="tensor"),
    "(L, D) tokens, pad -1": dict(lengths=[3, 5, 2, 5], dtype="int64", trailing=[2], pad_value=-1, labels="int"),
    "float, default pad": dict(lengths=[4, 1, 6, 3, 2], dtype="float32", trailing=[], pad_value=None, labels="int"),
    "a single sequence": dict(lengths=[4], dtype="float32", trailing=[2], pad_value=-1.0, labels="int"),
    "equal lengths": dict(lengths=[3, 3, 3, 3], dtype="float32", trailing=[], pad_value=-1.0, labels="int"),
    "float64, pad -1": dict(lengths=[2, 5, 3], dtype="float64", trailing=[], pad_value=-1.0, labels="int"),
    "0-d tensor labels": dict(lengths=[3, 6, 2, 4, 4], dtype="float32", trailing=[], pad_value=-1.0, labels="tensor"),
    "ties, pad -1": dict(lengths=[3, 5, 3, 5, 2, 5, 1], dtype="float32", trailing=[], pad_value=-1.0, labels="int"),
    "(L, D) ties, pad 7.5": dict(lengths=[2, 4, 4, 1, 2], dtype="float32", trailing=[3], pad_value=7.5, labels="tensor"),
}


def make_sequence(length: int, trailing: list[int], dtype: torch.dtype, g: torch.Generator) -> torch.Tensor:
    """Random values: non-integral floats (a cast to int shows) and tokens in [10, 60) (never a pad)."""
    shape = (length, *trailing)
    if dtype.is_floating_point:
        return (torch.randn(shape, generator=g, dtype=torch.float64) * 3).to(dtype)
    return torch.randint(10, 60, shape, generator=g, dtype=dtype)


def make_batch(case: dict[str, Any], device: str, seed: int = 0) -> list[tuple[torch.Tensor, Any]]:
    g = generator(1000 + seed + 7 * len(case["lengths"]))
    batch: list[tuple[torch.Tensor, Any]] = []
    for length in case["lengths"]:
        sequence = make_sequence(length, case["trailing"], DTYPES[case["dtype"]], g).to(device)
        label = int(torch.randint(0, 10, (), generator=g))
        batch.append((sequence, torch.tensor(label) if case["labels"] == "tensor" else label))
    return batch


def value(item: Any) -> Any:
    """A tensor as it is; anything else as its type and a short repr (a list stays recognisable)."""
    if isinstance(item, torch.Tensor):
        return item.detach()
    return {"type": type(item).__name__, "repr": repr(item)[:80]}


def snapshot(batch: list[tuple[torch.Tensor, Any]]) -> list[tuple[torch.Tensor, Any]]:
    return [(s.clone(), l.clone() if isinstance(l, torch.Tensor) else l) for s, l in batch]


def unchanged(batch: list[tuple[torch.Tensor, Any]], before: list[tuple[torch.Tensor, Any]]) -> list[bool]:
    same = []
    for (sequence, label), (old_sequence, old_label) in zip(batch, before):
        same_label = torch.equal(label, old_label) if isinstance(label, torch.Tensor) else label == old_label
        same.append(
            sequence.shape == old_sequence.shape and sequence.dtype == old_sequence.dtype
            and torch.equal(sequence, old_sequence) and bool(same_label)
        )
    return same


def _outputs(result: Any, names: tuple[str, ...], call: str) -> dict[str, Any]:
    require(
        isinstance(result, (tuple, list)) and len(result) == len(names),
        f"{call} must return a tuple ({', '.join(names)}), got {_describe(result)}",
    )
    return {name: value(item) for name, item in zip(names, result)}


def _describe(result: Any) -> str:
    if isinstance(result, (tuple, list)):
        return f"a {type(result).__name__} of {len(result)} items"
    if isinstance(result, torch.Tensor):
        return f"a single tensor of shape {tuple(result.shape)}"
    return type(result).__name__


def _call_pad_collate(m: ModuleType, batch: list, pad_value: Any) -> Any:
    return m.pad_collate(batch) if pad_value is None else m.pad_collate(batch, pad_value=pad_value)


def _device_info(padded: Any, device: str) -> Any:
    return padded.device.type == torch.device(device).type if isinstance(padded, torch.Tensor) else None


# ------------------------------------------------------------------------------------ pad_collate


@probe
def collate(m: ModuleType, device: str, case: str) -> dict[str, Any]:
    spec = CASES[case]
    batch = make_batch(spec, device)
    before = snapshot(batch)
    result = _call_pad_collate(m, batch, spec["pad_value"])
    out = _outputs(result, ("padded", "lengths", "labels"), "pad_collate")
    out["same_device"] = _device_info(result[0], device)
    out["unchanged"] = unchanged(batch, before)
    return out


def _outcome(call: Any) -> dict[str, Any]:
    """What ``call()`` raised, as data, or a description of what it returned (see ``attempt``)."""
    result, raised = attempt(call, limit=200)
    return raised if raised["raised"] else {"raised": None, "returned": _describe(result)}


@probe
def empty_batch(m: ModuleType, device: str, which: str) -> dict[str, Any]:
    if which == "pad_collate":
        return _outcome(lambda: m.pad_collate([]))
    collate_fn = m.SortedPadCollate()
    return _outcome(lambda: collate_fn([]))


# ----------------------------------------------------------------------------------- padding_mask


@probe
def mask(m: ModuleType, device: str, lengths: list[int], max_len: int | None = None) -> dict[str, Any]:
    lengths_tensor = torch.tensor(lengths, dtype=torch.int64, device=device)
    before = lengths_tensor.clone()
    result = m.padding_mask(lengths_tensor) if max_len is None else m.padding_mask(lengths_tensor, max_len=max_len)
    return {
        "mask": value(result),
        "same_device": _device_info(result, device),
        "lengths_unchanged": torch.equal(lengths_tensor, before),
    }


# ------------------------------------------------------------------------------- SortedPadCollate


def _sorted_call(collate_fn: Any, batch: list, device: str, pad_value: Any) -> dict[str, Any]:
    original = list(batch)
    before = snapshot(batch)
    result = collate_fn(batch)
    out = _outputs(result, ("padded", "lengths", "labels", "order"), "SortedPadCollate(...)(batch)")
    out["same_device"] = _device_info(result[0], device)
    out["unchanged"] = unchanged(original, before)
    order = out["order"]
    valid = (
        isinstance(order, torch.Tensor) and order.dim() == 1 and order.numel() == len(original)
        and not order.dtype.is_floating_point and order.dtype != torch.bool
        and sorted(order.tolist()) == list(range(len(original)))
    )
    out["order_is_permutation"] = valid
    if valid:
        # What the outputs must be for the learner's own `order`: row i holds original[order[i]].
        picked = [before[index] for index in order.tolist()]  # the inputs as they were before the call
        out["for_order"] = {
            "padded": pad_sequence([s for s, _ in picked], batch_first=True, padding_value=pad_value),
            "lengths": torch.tensor([s.shape[0] for s, _ in picked], dtype=torch.int64),
            "labels": torch.tensor([int(label) for _, label in picked], dtype=torch.int64),
        }
    return out


def _sorted_collate(m: ModuleType, pad_value: Any) -> Any:
    return m.SortedPadCollate() if pad_value is None else m.SortedPadCollate(pad_value=pad_value)


@probe
def sorted_collate(m: ModuleType, device: str, case: str) -> dict[str, Any]:
    spec = CASES[case]
    batch = make_batch(spec, device, seed=1)
    pad_value = 0 if spec["pad_value"] is None else spec["pad_value"]
    return _sorted_call(_sorted_collate(m, spec["pad_value"]), batch, device, pad_value)


@probe
def sorted_pickle(m: ModuleType, device: str, case: str) -> dict[str, Any]:
    """Pickle a SortedPadCollate, unpickle it, and collate the same batch with the original and the copy."""
    spec = CASES[case]
    collate_fn = _sorted_collate(m, spec["pad_value"])
    try:
        restored = pickle.loads(pickle.dumps(collate_fn))
    except NotImplementedError:
        raise
    except Exception as error:  # noqa: BLE001 - the outcome is the data
        return {"pickled": False, "error": f"{type(error).__name__}: {str(error)[:200]}"}
    names = ("padded", "lengths", "labels", "order")
    outputs = {}
    for label, function in (("original", collate_fn), ("restored", restored)):
        batch = make_batch(spec, device, seed=2)
        outputs[label] = _outputs(function(batch), names, f"the {label} SortedPadCollate(...)(batch)")
    return {"pickled": True, **outputs}


@probe
def sorted_pack(m: ModuleType, device: str, case: str) -> dict[str, Any]:
    """Feed SortedPadCollate's output to pack_padded_sequence(enforce_sorted=True) and unpack it."""
    spec = CASES[case]
    batch = make_batch(spec, device, seed=3)
    original = snapshot(batch)  # the inputs as they were before the call
    result = _sorted_collate(m, spec["pad_value"])(batch)
    _outputs(result, ("padded", "lengths", "labels", "order"), "SortedPadCollate(...)(batch)")
    padded, lengths, order = result[0], result[1], result[3]
    require(isinstance(padded, torch.Tensor), f"SortedPadCollate's padded is a {type(padded).__name__}, not a tensor")
    try:
        packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=True)
    except Exception as error:  # noqa: BLE001 - the outcome is the data
        return {"packed": False, "error": f"{type(error).__name__}: {str(error)[:300]}"}
    unpacked, unpacked_lengths = pad_packed_sequence(packed, batch_first=True)
    recovered = []
    order_list = order.tolist() if isinstance(order, torch.Tensor) else list(order)
    for row, index in enumerate(order_list):
        length = int(unpacked_lengths[row])
        sequence = original[index][0] if isinstance(index, int) and 0 <= index < len(original) else None
        recovered.append(
            sequence is not None and length == sequence.shape[0] and torch.equal(unpacked[row, :length].to(sequence.device), sequence)
        )
    return {"packed": True, "recovered": recovered, "rows": len(order_list), "batch": len(original)}


# ------------------------------------------------------------------------------------ make_loader


class SequenceDataset(Dataset):
    """``n`` variable-length float32 sequences; the label of item ``i`` is ``i`` (shows the order)."""

    def __init__(self, n: int, trailing: list[int], seed: int) -> None:
        g = generator(seed)
        lengths = torch.randint(1, 9, (n,), generator=g).tolist()
        self.items = [make_sequence(length, trailing, torch.float32, g) for length in lengths]

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, int]:
        return self.items[index], index


def _batches(loader: Any, what: str) -> list[dict[str, Any]]:
    batches = []
    for batch in loader:
        batches.append(_outputs(batch, ("padded", "lengths", "labels"), f"each batch of {what}"))
    return batches


def _make(m: ModuleType, dataset: Dataset, options: dict[str, Any]) -> Any:
    options = dict(options)
    if "generator_seed" in options:
        options["generator"] = generator(options.pop("generator_seed"))
    return m.make_loader(dataset, **options)


@probe
def loader(m: ModuleType, device: str, n: int, trailing: list[int], options: dict[str, Any]) -> dict[str, Any]:
    """Build ``make_loader(dataset, **options)`` and collect every batch of one epoch."""
    dataset = SequenceDataset(n, trailing, seed=n)
    made = _make(m, dataset, options)
    require(isinstance(made, DataLoader), f"make_loader returned {type(made).__name__}, expected a torch.utils.data.DataLoader")
    return {"num_workers": made.num_workers, "batches": _batches(made, "make_loader's DataLoader")}


@probe
def loader_shuffle(m: ModuleType, device: str, n: int, batch_size: int, seed: int) -> dict[str, Any]:
    """The order of one shuffled epoch, twice from equally seeded generators (the global RNG moved)."""
    dataset = SequenceDataset(n, [], seed=n)
    orders = []
    for global_seed in (1, 2):
        torch.manual_seed(global_seed)
        made = _make(m, dataset, dict(batch_size=batch_size, shuffle=True, generator_seed=seed))
        require(isinstance(made, DataLoader), f"make_loader returned {type(made).__name__}, expected a torch.utils.data.DataLoader")
        order = []
        for batch in _batches(made, "make_loader's DataLoader"):
            labels = batch["labels"]
            order.extend(labels.tolist() if isinstance(labels, torch.Tensor) else [])
        orders.append(order)
    sampler_order = list(RandomSampler(range(n), generator=generator(seed)))
    return {"orders": orders, "sampler_order": sampler_order}
