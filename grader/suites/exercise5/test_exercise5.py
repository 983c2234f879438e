"""Hidden suite for exercise 5: a custom collate_fn for variable-length sequences."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from grader.expect import LearnerFailure
from grader.expect import Expect, Mismatch
from grader.probing import on_real_device
from grader.suites.exercise5.probes import CASES

ON_REAL_DEVICE = "a single sequence"
"""The case collated on the grading device itself: on a CPU grader, a hard-coded .cuda() fails there."""

PAD_HINT = "each row holds its sequence in the first L_i positions and pad_value in the rest"


def _pad_of(spec: dict[str, Any]) -> Any:
    return 0 if spec["pad_value"] is None else spec["pad_value"]


def _describe_case(spec: dict[str, Any]) -> str:
    shape = f"(L, {', '.join(map(str, spec['trailing']))})" if spec["trailing"] else "(L,)"
    labels = "0-d tensor labels" if spec["labels"] == "tensor" else "int labels"
    pad = "the default pad_value" if spec["pad_value"] is None else f"pad_value={spec['pad_value']}"
    return f"{spec['dtype']} sequences of shape {shape} with lengths {spec['lengths']}, {labels}, {pad}"


def _not_a_tensor(got: Any) -> str | None:
    """How a probe reported a value that is not a tensor (``None`` for a tensor)."""
    if isinstance(got, torch.Tensor):
        return None
    if isinstance(got, dict) and "type" in got:
        return f"a {got['type']} ({got['repr']})"
    return repr(got)[:80]


def _stable_descending(lengths: list[int]) -> list[int]:
    return sorted(range(len(lengths)), key=lambda index: -lengths[index])


def _stable_ascending(lengths: list[int]) -> list[int]:
    return sorted(range(len(lengths)), key=lambda index: lengths[index])


def _real_positions(lengths: torch.Tensor, width: int) -> torch.Tensor:
    return torch.arange(width).unsqueeze(0) < lengths.unsqueeze(1)


def _left_padded(want: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    width = want.shape[1]
    return torch.stack([torch.roll(row, shifts=width - int(length), dims=0) for row, length in zip(want, lengths)])


def _zero_padded(want: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
    zero = want.clone()
    zero[~_real_positions(lengths, want.shape[1])] = 0
    return zero


def _same(got: torch.Tensor, candidate: torch.Tensor) -> bool:
    return got.shape == candidate.shape and bool(torch.equal(got.to(torch.float64), candidate.to(torch.float64)))


def expect_padded(
    expect: Expect,
    got: Any,
    want: torch.Tensor,
    lengths: torch.Tensor,
    pad_value: Any,
    what: str,
    batch_order: list[int] | None = None,
) -> None:
    """``got`` must equal the reference ``want``; when not, name the usual padding mistake.

    ``batch_order``: for a sorted collate, the rows in batch order are ``want[batch_order]``
    (used to recognise a batch that was never sorted); ``None`` for ``pad_collate``, whose rows
    must not be sorted.
    """
    problem = _not_a_tensor(got)
    if problem:
        raise Mismatch(f"{what}: padded should be a tensor, got {problem}")
    batch, width, trailing = want.shape[0], want.shape[1], tuple(want.shape[2:])
    time_first = (width, batch, *trailing)
    if tuple(got.shape) == time_first and width != batch:
        raise Mismatch(
            f"{what}: padded has shape {tuple(got.shape)}, that is (T, B) = (max length, batch size), time first; "
            f"it must be batch first, (B, T) = {tuple(want.shape)}. pad_sequence returns (T, B) unless you pass "
            "batch_first=True"
        )
    if tuple(got.shape) == time_first and _same(got.transpose(0, 1), want) and not _same(got, want):
        raise Mismatch(
            f"{what}: padded is time first, (T, B): padded[t, i] holds step t of sequence i. It must be batch first, "
            "(B, T), one row per sequence; pad_sequence returns (T, B) unless you pass batch_first=True"
        )
    if got.shape != want.shape:
        if got.dim() != want.dim() and trailing:
            hint = (f"sequences of shape (L, {', '.join(map(str, trailing))}) give padded of shape (B, max L, "
                    f"{', '.join(map(str, trailing))}): keep the trailing dimensions (allocate (B, T, *seq.shape[1:]))")
        else:
            hint = "padded is (B, max L_i, *trailing): one row per sample, as long as the longest sequence"
        raise Mismatch(f"{what}: padded has shape {tuple(got.shape)}, expected {tuple(want.shape)}. {hint[0].upper()}{hint[1:]}")
    if got.dtype != want.dtype:
        raise Mismatch(
            f"{what}: padded has dtype {got.dtype}, expected {want.dtype} (the sequences' dtype). Create the padded "
            "tensor with the sequences' dtype, e.g. torch.full(..., pad_value, dtype=seq.dtype) or seq.new_full(...); "
            "pad_sequence keeps it"
        )
    hint = PAD_HINT
    if _same(got, want):
        return
    if pad_value != 0 and _same(got, _zero_padded(want, lengths)):
        hint = f"the padding holds 0 instead of pad_value={pad_value}: fill with pad_value (pad_sequence(..., padding_value=pad_value))"
    elif _same(got, _left_padded(want, lengths)):
        hint = ("the sequences sit at the end of their rows (left padding): right-pad instead, each sequence at the "
                "start of its row and the padding after it")
    elif batch_order is None and _same(got, want[_stable_descending(lengths.tolist())]):
        hint = "the rows are sorted by length: pad_collate keeps the batch order (row i holds batch[i])"
    elif batch_order is not None and _same(got, want[batch_order]):
        hint = "the rows are in batch order: order the batch longest first before padding"
    elif batch_order is not None and _same(got, want[batch_order][_stable_ascending(lengths[batch_order].tolist())]):
        hint = "the rows are ordered shortest first: order them longest first"
    expect.close(got, want, f"{what}: padded", hint)


def expect_int64(expect: Expect, got: Any, want: torch.Tensor, what: str, hint: str) -> None:
    """``got`` must be an int64 tensor of ``want``'s shape and values."""
    problem = _not_a_tensor(got)
    if problem:
        raise Mismatch(f"{what} should be an int64 tensor of shape {tuple(want.shape)}, got {problem}: "
                       "build it with torch.tensor([...], dtype=torch.int64)")
    if got.shape != want.shape:
        raise Mismatch(f"{what} has shape {tuple(got.shape)}, expected {tuple(want.shape)}: one value per sample, (B,)")
    if got.dtype != torch.int64:
        raise Mismatch(f"{what} has dtype {got.dtype}, expected torch.int64: pass dtype=torch.int64 (or call .long())")
    expect.equal(got, want, what, hint)


SHAPE_ERROR_WORDS = ("size", "shape", "dimension")


def _run(expect: Expect, learner, what: str, probe: str, hint: str = "", when: tuple[str, ...] = (), **kwargs: Any) -> Any:
    """``learner.probe(probe, **kwargs)``; when the learner's code raises, say that ``what`` raised,
    then ``hint``: only when the error message holds one of the words ``when`` (if given), and
    never after the stub's "not implemented yet", where it would only distract."""
    try:
        with expect.context(what):
            return learner.probe(probe, **kwargs)
    except LearnerFailure as failure:
        error = failure.message.split(" raised ", 1)[-1].lower()  # the error itself, after the context
        relevant = not when or any(word in error for word in when)
        if hint and relevant and failure.status == "error" and "is not implemented yet" not in failure.message:
            failure.message = f"{failure.message}. {hint[0].upper()}{hint[1:]}"
        raise


def _shape_hint(spec: dict[str, Any]) -> str:
    if not spec["trailing"]:
        return ""
    trailing = ", ".join(map(str, spec["trailing"]))
    return f"the sequences here have shape (L, {trailing}): padded must be (B, max L, {trailing}), keeping the trailing dimensions"


def _collate(learner, reference, expect: Expect, case: str, hint: str = "") -> tuple[dict[str, Any], dict[str, Any]]:
    spec = CASES[case]
    what = f"pad_collate on {_describe_case(spec)}"
    kwargs = on_real_device(case=case) if case == ON_REAL_DEVICE else {"case": case}
    if hint:
        got = _run(expect, learner, what, "collate", hint, **kwargs)
    else:
        got = _run(expect, learner, what, "collate", _shape_hint(spec), when=SHAPE_ERROR_WORDS, **kwargs)
    return got, reference.probe("collate", **kwargs)


def _expect_same_device(expect: Expect, got: dict[str, Any], what: str) -> None:
    expect.true(got["same_device"] is not False, f"{what} returned padded on another device than the sequences: create it "
                "on seq.device (or use pad_sequence)")


# ------------------------------------------------------------------------------------ pad_collate

PADDED_CASES = ["float, pad -1", "float, pad 7.5", "int64 tokens, pad 2", "(L, D) features, pad 7.5",
                "(L, D) tokens, pad -1", "float, default pad", "a single sequence", "equal lengths"]


@pytest.mark.points(1)
@pytest.mark.parametrize("case", PADDED_CASES)
def test_pad_collate_padded(learner, reference, expect: Expect, case: str) -> None:
    """pad_collate right-pads the sequences with pad_value into (B, max L, *trailing), in batch order"""
    got, want = _collate(learner, reference, expect, case)
    spec = CASES[case]
    expect_padded(expect, got["padded"], want["padded"], want["lengths"], _pad_of(spec), f"pad_collate on {_describe_case(spec)}")
    _expect_same_device(expect, got, "pad_collate")


@pytest.mark.points(2)
def test_pad_collate_batch_first(learner, reference, expect: Expect) -> None:
    """padded is batch first, (B, T), not time first (T, B)"""
    for case in ("float, pad -1", "(L, D) features, pad 7.5", "int64 tokens, pad 2"):
        got, want = _collate(learner, reference, expect, case)
        spec = CASES[case]
        expect_padded(expect, got["padded"], want["padded"], want["lengths"], _pad_of(spec), f"pad_collate on {_describe_case(spec)}")


@pytest.mark.points(2)
def test_pad_collate_dtype(learner, reference, expect: Expect) -> None:
    """padded keeps the sequences' dtype (int64 tokens, float32 and float64 features)"""
    for case in ("int64 tokens, pad 2", "(L, D) tokens, pad -1", "float, default pad", "float64, pad -1"):
        got, want = _collate(learner, reference, expect, case)
        padded, spec = got["padded"], CASES[case]
        problem = _not_a_tensor(padded)
        expect.true(problem is None, f"pad_collate on {_describe_case(spec)}: padded should be a tensor, got {problem}")
        expect.true(
            padded.dtype == want["padded"].dtype,
            f"pad_collate turned {spec['dtype']} sequences into a {padded.dtype} padded tensor ({_describe_case(spec)}). "
            "Keep the sequences' dtype: torch.full(..., pad_value, dtype=seq.dtype) or seq.new_full(...); a Python "
            "int pad_value alone makes torch.full int64, a float one float32",
        )


@pytest.mark.points(2)
def test_pad_collate_lengths(learner, reference, expect: Expect) -> None:
    """lengths is an int64 tensor (B,) of each sequence's length, in batch order"""
    for case in ("float, pad -1", "(L, D) features, pad 7.5", "int64 tokens, pad 2", "a single sequence"):
        got, want = _collate(learner, reference, expect, case)
        lengths = want["lengths"]
        hint = "each length is len(batch[i][0]), the length before padding, in batch order"
        if isinstance(got["lengths"], torch.Tensor) and got["lengths"].shape == lengths.shape:
            values = got["lengths"].tolist()
            if values == sorted(lengths.tolist(), reverse=True) and values != lengths.tolist():
                hint = "the lengths are sorted: keep the batch order (lengths[i] belongs to batch[i])"
            elif len(lengths) > 1 and all(value == int(lengths.max()) for value in values):
                hint = "every length is the padded length: record each sequence's own length before padding"
        expect_int64(expect, got["lengths"], lengths, f"lengths for {_describe_case(CASES[case])}", hint)


@pytest.mark.points(1)
@pytest.mark.parametrize("kind", ["int", "tensor"], ids=["int labels", "0-d tensor labels"])
def test_pad_collate_labels(learner, reference, expect: Expect, kind: str) -> None:
    """labels is an int64 tensor (B,) in batch order, from int labels and from 0-d tensor labels"""
    cases = [case for case in ("float, pad -1", "int64 tokens, pad 2", "0-d tensor labels", "(L, D) features, pad 7.5")
             if CASES[case]["labels"] == kind]
    for case in cases:
        spec = CASES[case]
        got, want = _collate(learner, reference, expect, case, hint="labels may be ints or 0-d tensors: build them with "
                             "torch.tensor([int(label) for _, label in batch])")
        expect_int64(expect, got["labels"], want["labels"], f"labels for {_describe_case(spec)}",
                     "the labels come from the samples, in batch order")


@pytest.mark.points(1)
def test_pad_collate_inputs_unchanged(learner, reference, expect: Expect) -> None:
    """pad_collate leaves the input sequences and labels unchanged"""
    for case in ("float, pad -1", "(L, D) features, pad 7.5", "int64 tokens, pad 2"):
        got, _ = _collate(learner, reference, expect, case)
        changed = [index for index, same in enumerate(got["unchanged"]) if not same]
        expect.true(not changed, f"pad_collate modified the input sample(s) {changed} of {_describe_case(CASES[case])}: "
                    "copy the sequences into a new tensor (no in-place ops such as resize_ or fill_ on the inputs)")


def _expect_value_error(expect: Expect, got: dict[str, Any], call: str) -> None:
    if got["raised"] is None:
        raise Mismatch(f"{call} returned {got['returned']} instead of raising ValueError: check for an empty batch and "
                       "raise ValueError with a message")
    expect.true(got["raised"] == "ValueError", f"{call} raised {got['raised']} ({got['message']}), expected ValueError: "
                "check for an empty batch first and raise ValueError with a message")


@pytest.mark.points(1)
def test_pad_collate_empty_batch(learner, expect: Expect) -> None:
    """pad_collate raises ValueError for an empty batch"""
    _expect_value_error(expect, learner.probe("empty_batch", which="pad_collate"), "pad_collate([])")


# ----------------------------------------------------------------------------------- padding_mask


def _expect_mask(expect: Expect, got: dict[str, Any], want: dict[str, Any], call: str) -> None:
    mask, expected = got["mask"], want["mask"]
    problem = _not_a_tensor(mask)
    if problem:
        raise Mismatch(f"{call} should return a bool tensor, got {problem}")
    if mask.shape != expected.shape:
        batch, width = expected.shape
        if tuple(mask.shape) == (width, batch) and width != batch:
            raise Mismatch(f"{call} has shape {tuple(mask.shape)}, expected (B, max_len) = {tuple(expected.shape)}: "
                           "one row per sequence")
        raise Mismatch(f"{call} has shape {tuple(mask.shape)}, expected (B, max_len) = {tuple(expected.shape)}")
    if mask.dtype != torch.bool:
        raise Mismatch(f"{call} has dtype {mask.dtype}, expected torch.bool: compare positions with lengths "
                       "(torch.arange(max_len) < lengths[:, None]) to get a bool tensor")
    hint = "position j of row i is True when j < lengths[i]"
    if bool(torch.equal(mask, ~expected)):
        hint = "the mask is inverted: True marks the real elements, False the padding"
    expect.equal(mask, expected, call, hint)
    expect.true(got["same_device"] is not False, f"{call} is on another device than lengths: create it on lengths.device")
    expect.true(got["lengths_unchanged"], f"{call} modified lengths in place: leave its argument unchanged")


@pytest.mark.points(2)
def test_padding_mask(learner, reference, expect: Expect) -> None:
    """padding_mask(lengths) is a bool (B, max(lengths)) mask, True at real positions"""
    for lengths in ([3, 7, 1, 5], [4, 0, 2], [6], [2, 2, 2]):
        call = f"padding_mask(torch.tensor({lengths}))"
        with expect.context(call):
            got = learner.probe("mask", lengths=lengths)
        _expect_mask(expect, got, reference.probe("mask", lengths=lengths), call)


@pytest.mark.points(1)
def test_padding_mask_max_len(learner, reference, expect: Expect) -> None:
    """padding_mask(lengths, max_len) has max_len columns, also beyond max(lengths)"""
    for lengths, max_len in (([3, 7, 1, 5], 10), ([2, 1], 6), ([4, 2], 4)):
        call = f"padding_mask(torch.tensor({lengths}), max_len={max_len})"
        with expect.context(call):
            got = learner.probe("mask", lengths=lengths, max_len=max_len)
        mask = got["mask"]
        if isinstance(mask, torch.Tensor) and mask.dim() == 2 and mask.shape[1] == max(lengths) != max_len:
            raise Mismatch(f"{call} has {mask.shape[1]} columns, expected {max_len}: max_len was ignored; use max(lengths) "
                           "only when max_len is None")
        _expect_mask(expect, got, reference.probe("mask", lengths=lengths, max_len=max_len), call)


# ------------------------------------------------------------------------------- SortedPadCollate


def _sorted(learner, reference, expect: Expect, case: str, probe: str = "sorted_collate") -> tuple[dict[str, Any], dict[str, Any]]:
    spec = CASES[case]
    got = _run(expect, learner, f"SortedPadCollate on {_describe_case(spec)}", probe, _shape_hint(spec),
               when=SHAPE_ERROR_WORDS, case=case)
    return got, reference.probe(probe, case=case)


def _order_hint(got: list[int], want: list[int], lengths: list[int]) -> str:
    """Name the usual mistake when ``got`` is a permutation that differs from the stable order ``want``."""
    got_lengths = [lengths[index] for index in got]
    inverse = [0] * len(want)
    for position, index in enumerate(want):
        inverse[index] = position
    if got_lengths == sorted(lengths) and got_lengths != sorted(lengths, reverse=True):
        return "the batch is ordered shortest first: order it longest first (descending lengths)"
    if got == inverse:
        return ("order is the inverse permutation: order[i] must be the batch index of row i (row i holds "
                "batch[order[i]]), not the row where batch[i] ended up")
    if got_lengths == sorted(lengths, reverse=True):
        return ("equal lengths must keep their batch order: use a stable sort, e.g. sorted(range(B), key=lambda i: "
                "-length[i]) or torch.sort(lengths, descending=True, stable=True); reversing an ascending sort "
                "reverses the ties")
    return "order the batch by length, longest first, ties in batch order; row i holds batch[order[i]]"


@pytest.mark.points(3)
def test_sorted_order(learner, reference, expect: Expect) -> None:
    """SortedPadCollate orders the batch longest first, ties in batch order, and returns that order as int64"""
    for case in ("ties, pad -1", "(L, D) ties, pad 7.5", "float, pad 7.5"):
        got, want = _sorted(learner, reference, expect, case)
        spec = CASES[case]
        what = f"order for {_describe_case(spec)}"
        order, expected = got["order"], want["order"]
        problem = _not_a_tensor(order)
        if problem:
            raise Mismatch(f"{what} should be an int64 tensor of shape ({len(spec['lengths'])},), got {problem}: "
                           "return torch.tensor(order, dtype=torch.int64)")
        expect.true(got["order_is_permutation"], f"{what} is {order.tolist()}, which is not a permutation of the batch "
                    f"indices 0..{len(spec['lengths']) - 1}: order[i] is the batch index of row i")
        hint = _order_hint(order.tolist(), expected.tolist(), spec["lengths"])
        expect_int64(expect, order, expected, what, hint)


@pytest.mark.points(2)
def test_sorted_rows_follow_order(learner, reference, expect: Expect) -> None:
    """SortedPadCollate's row i (padded, lengths, labels) holds batch[order[i]]"""
    for case in ("ties, pad -1", "(L, D) ties, pad 7.5"):
        got, _ = _sorted(learner, reference, expect, case)
        spec = CASES[case]
        expect.true(got["order_is_permutation"], f"SortedPadCollate's order is not a permutation of the batch indices for "
                    f"{_describe_case(spec)}: order[i] is the batch index of row i")
        expected = got["for_order"]
        problem = _not_a_tensor(got["padded"])
        if problem:
            raise Mismatch(f"SortedPadCollate's padded should be a tensor, got {problem}")
        order = got["order"].tolist()
        hint = f"row i must hold batch[order[i]]'s sequence, then pad_value; {PAD_HINT}"
        if _pad_of(spec) != 0 and got["padded"].shape == expected["padded"].shape and _same(
                got["padded"], _zero_padded(expected["padded"], expected["lengths"])):
            hint = f"the padding holds 0 instead of pad_value={_pad_of(spec)}: pass the pad_value on to the padding"
        expect.close(got["padded"], expected["padded"], f"SortedPadCollate's padded for {_describe_case(spec)} and its own "
                     f"order {order}", hint, check_dtype=False)
        for name in ("lengths", "labels"):
            in_batch_order = expected[name][torch.argsort(got["order"])]
            hint = f"the {name} must follow the rows: entry i belongs to batch[order[i]]"
            if isinstance(got[name], torch.Tensor) and _same(got[name], in_batch_order) and not _same(in_batch_order, expected[name]):
                hint = f"the {name} are in batch order while the rows are sorted: reorder {name} with the same order"
            expect_int64(expect, got[name], expected[name], f"SortedPadCollate's {name} for its own order {order}", hint)


@pytest.mark.points(2)
def test_sorted_matches_pad_collate(learner, reference, expect: Expect) -> None:
    """SortedPadCollate pads like pad_collate: pad_value (default 0), (L, D) sequences, dtype, int64 lengths and labels"""
    for case in ("int64 tokens, pad 2", "(L, D) features, pad 7.5", "float, default pad", "0-d tensor labels"):
        got, want = _sorted(learner, reference, expect, case)
        spec = CASES[case]
        what = f"SortedPadCollate on {_describe_case(spec)}"
        batch_order = torch.argsort(want["order"]).tolist()
        expect_padded(expect, got["padded"], want["padded"], want["lengths"], _pad_of(spec), what, batch_order=batch_order)
        _expect_same_device(expect, got, "SortedPadCollate")
        expect_int64(expect, got["lengths"], want["lengths"], f"{what}: lengths", "each length is that of the sequence in the same row")
        expect_int64(expect, got["labels"], want["labels"], f"{what}: labels", "each label is that of the sample in the same row")
        changed = [index for index, same in enumerate(got["unchanged"]) if not same]
        expect.true(not changed, f"{what} modified the input sample(s) {changed}: copy, never modify the inputs")


@pytest.mark.points(1)
def test_sorted_empty_batch(learner, expect: Expect) -> None:
    """SortedPadCollate raises ValueError for an empty batch, like pad_collate"""
    _expect_value_error(expect, learner.probe("empty_batch", which="sorted"), "SortedPadCollate()([])")


@pytest.mark.points(1)
def test_sorted_picklable(learner, expect: Expect) -> None:
    """SortedPadCollate pickles, and the unpickled copy collates like the original"""
    case = "(L, D) features, pad 7.5"
    spec = CASES[case]
    got = _run(expect, learner, f"SortedPadCollate on {_describe_case(spec)}", "sorted_pickle", case=case)
    if not got["pickled"]:
        raise Mismatch(f"pickle.dumps(SortedPadCollate(pad_value=7.5)) failed with {got['error']}. DataLoader workers "
                       "need a picklable collate_fn: define the class at module level and keep only plain values on self "
                       "(no lambdas or local functions)")
    for name in ("padded", "lengths", "labels", "order"):
        original, restored = got["original"][name], got["restored"][name]
        if isinstance(original, torch.Tensor):
            expect.true(isinstance(restored, torch.Tensor) and restored.shape == original.shape
                        and restored.dtype == original.dtype and _same(restored, original),
                        f"after pickle.loads(pickle.dumps(SortedPadCollate(pad_value=7.5))) the copy returns another "
                        f"{name} than the original: keep every setting (pad_value) as an attribute on self")


@pytest.mark.points(2)
def test_sorted_pack_padded_sequence(learner, reference, expect: Expect) -> None:
    """SortedPadCollate's output goes through pack_padded_sequence(enforce_sorted=True) and back"""
    for case in ("ties, pad -1", "(L, D) features, pad 7.5"):
        got, _ = _sorted(learner, reference, expect, case, probe="sorted_pack")
        spec = CASES[case]
        if not got["packed"]:
            raise Mismatch(f"pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=True) rejected "
                           f"SortedPadCollate's output for {_describe_case(spec)}: {got['error']}. Order the rows longest "
                           "first and return lengths (a CPU int64 tensor) in the same order")
        expect.equal(got["rows"], got["batch"], f"the number of rows of order for {_describe_case(spec)}")
        lost = [row for row, ok in enumerate(got["recovered"]) if not ok]
        expect.true(not lost, f"after pack_padded_sequence and pad_packed_sequence, rows {lost} do not give back "
                    f"batch[order[i]]'s sequence ({_describe_case(spec)}): row i must hold batch[order[i]] and lengths[i] "
                    "its length")


# ------------------------------------------------------------------------------------ make_loader


def _describe_options(options: dict[str, Any]) -> str:
    parts = [f"{key}={value}" for key, value in options.items() if key != "generator_seed"]
    if "generator_seed" in options:
        parts.append(f"generator=torch.Generator().manual_seed({options['generator_seed']})")
    return f"make_loader(dataset, {', '.join(parts)})"


def _loader(learner, reference, expect: Expect, n: int, trailing: list[int], options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], str]:
    call = _describe_options(options)
    label = f"{call} over {n} sequences" + (f" of shape (L, {trailing[0]})" if trailing else "")
    with expect.context(f"iterating {label}"):
        got = learner.probe("loader", n=n, trailing=trailing, options=options)
    return got, reference.probe("loader", n=n, trailing=trailing, options=options), label


def _expect_batches(expect: Expect, got: dict[str, Any], want: dict[str, Any], label: str, options: dict[str, Any]) -> None:
    got_batches, want_batches = got["batches"], want["batches"]
    sizes = [len(batch["lengths"]) for batch in want_batches]
    expect.equal(len(got_batches), len(want_batches), f"the number of batches of {label}",
                 f"with batch_size={options['batch_size']} the batches have sizes {sizes}: pass batch_size and drop_last "
                 "on to the DataLoader")
    pad_value = options.get("pad_value", 0)
    for index, (batch, expected) in enumerate(zip(got_batches, want_batches)):
        what = f"batch {index} of {label}"
        hint = "the items come in dataset order unless shuffle=True, batch_size per batch"
        labels = batch["labels"]
        if isinstance(labels, torch.Tensor) and labels.shape != expected["labels"].shape:
            hint = f"pass batch_size={options['batch_size']} on to the DataLoader"
        expect_int64(expect, labels, expected["labels"], f"the labels (item indices) of {what}", hint)
        expect_int64(expect, batch["lengths"], expected["lengths"], f"the lengths of {what}", "collate with pad_collate")
        expect_padded(expect, batch["padded"], expected["padded"], expected["lengths"], pad_value, what)


LOADER_CASES = [
    (10, [], dict(batch_size=4, pad_value=-1.0)),
    (7, [2], dict(batch_size=3)),
    (9, [], dict(batch_size=4, shuffle=False, pad_value=7.5, drop_last=False, num_workers=0, generator_seed=3)),
]


@pytest.mark.points(3)
def test_make_loader_batches(learner, reference, expect: Expect) -> None:
    """make_loader returns a DataLoader whose batches are pad_collate(batch, pad_value)"""
    for n, trailing, options in LOADER_CASES:
        got, want, label = _loader(learner, reference, expect, n, trailing, options)
        _expect_batches(expect, got, want, label, options)


@pytest.mark.points(2)
def test_make_loader_num_workers(learner, reference, expect: Expect) -> None:
    """make_loader works with num_workers=2 and gives the same batches"""
    for n, trailing, options in ((11, [3], dict(batch_size=4, pad_value=7.5, num_workers=2)),
                                 (6, [], dict(batch_size=2, pad_value=-1.0, num_workers=2))):
        got, want, label = _loader(learner, reference, expect, n, trailing, options)
        expect.equal(got["num_workers"], 2, f"the DataLoader's num_workers for {label}", "pass num_workers on to the DataLoader")
        _expect_batches(expect, got, want, label, options)


@pytest.mark.points(2)
def test_make_loader_shuffle_generator(learner, reference, expect: Expect) -> None:
    """with shuffle=True the order comes from the given generator, reproducibly"""
    kwargs = dict(n=12, batch_size=5, seed=4)
    call = "make_loader(dataset of 12 items, 5, shuffle=True, generator=torch.Generator().manual_seed(4))"
    with expect.context(f"iterating {call}"):
        got = learner.probe("loader_shuffle", **kwargs)
    want = reference.probe("loader_shuffle", **kwargs)
    first, second = got["orders"]
    expect.equal(sorted(first), list(range(12)), f"the items one epoch of {call} visits, sorted",
                 "every item once per epoch: shuffle with DataLoader(..., shuffle=shuffle)")
    expect.true(first != list(range(12)), f"{call} visits the items in dataset order: pass shuffle on to the DataLoader")
    expect.true(first == second, f"two loaders from equally seeded generators visit the items in different orders "
                f"({first} and {second}): pass generator=generator to the DataLoader instead of using the global random state")
    expect.true(first in (want["orders"][0], want["sampler_order"]),
                f"{call} visits the items in the order {first}, expected {want['orders'][0]}: pass shuffle and generator on "
                "to the DataLoader (DataLoader(..., shuffle=shuffle, generator=generator))")


@pytest.mark.points(1)
def test_make_loader_drop_last(learner, reference, expect: Expect) -> None:
    """make_loader honours drop_last"""
    for options in (dict(batch_size=4, drop_last=True), dict(batch_size=4, drop_last=False), dict(batch_size=3, drop_last=True)):
        got, want, label = _loader(learner, reference, expect, 10, [], options)
        sizes = [len(batch["lengths"]) if isinstance(batch["lengths"], (torch.Tensor, list)) else None for batch in got["batches"]]
        want_sizes = [len(batch["lengths"]) for batch in want["batches"]]
        expect.equal(len(sizes), len(want_sizes), f"the number of batches of {label}",
                     f"expected batch sizes {want_sizes}: pass drop_last on to the DataLoader")
        _expect_batches(expect, got, want, label, options)
