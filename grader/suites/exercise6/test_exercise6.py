"""Hidden suite for exercise 6: samplers and reproducible DataLoaders."""

from __future__ import annotations

import math
import random
from collections import Counter
from typing import Any

import numpy as np
import pytest
import torch
from torch.utils.data.distributed import DistributedSampler

from grader.expect import Expect, Mismatch


def _sentence(text: str) -> str:
    """``text`` with its first letter capitalised, to follow a full stop."""
    return text[:1].upper() + text[1:]


def _short(values: list[Any], limit: int = 12) -> str:
    """A list for a message, cut after ``limit`` items."""
    if len(values) <= limit:
        return str(values)
    return "[" + ", ".join(str(value) for value in values[:limit]) + f", ... ({len(values)} in all)]"


def _labels(counts: list[int], seed: int) -> list[int]:
    """Class ``c`` repeated ``counts[c]`` times, in a fixed shuffled order."""
    labels = [label for label, count in enumerate(counts) for _ in range(count)]
    order = torch.randperm(len(labels), generator=torch.Generator().manual_seed(seed)).tolist()
    return [labels[i] for i in order]


# ------------------------------------------------------------------------------------ class_balanced_sampler

CLASS_COUNTS = [50, 25, 15, 10]
LABELS = _labels(CLASS_COUNTS, seed=11)
DRAWS, TOLERANCE = 30000, 0.03
_REPLACEMENT_HINT = "only with replacement=True can WeightedRandomSampler draw more indices than there are samples"


def _weights_hint(got: torch.Tensor, want: torch.Tensor, labels: list[int]) -> str:
    counts = Counter(labels)
    if got.numel() == len(counts):
        return (f"that is one weight per class, but WeightedRandomSampler needs one weight per sample "
                f"(len(labels) = {len(labels)}): with per-class weights it draws class ids instead of sample indices. "
                "Give sample i the weight 1 / count(labels[i])")
    if got.numel() != want.numel():
        return f"give every one of the {len(labels)} samples a weight: sample i weighs 1 / count(labels[i])"
    counts_per_sample = torch.tensor([float(counts[label]) for label in labels], dtype=torch.float64)
    if torch.allclose(got, counts_per_sample):
        return "these are the class counts: the weight is their inverse, 1 / count(labels[i]), so rare classes weigh more"
    ratio = got / want
    if bool((ratio > 0).all()) and torch.allclose(ratio, ratio[0].expand_as(ratio)):
        return (f"your weights are 1 / count(labels[i]) times {ratio[0].item():.4g}: use exactly 1 / count(labels[i]), "
                "without normalising")
    return "sample i weighs 1 / count(labels[i]), where count is how many samples have that label"


@pytest.mark.points(1)
def test_balanced_sampler_type(learner, expect: Expect) -> None:
    """class_balanced_sampler returns a WeightedRandomSampler that draws with replacement"""
    got = learner.probe("balanced_sampler", labels=LABELS)
    expect.true(got["is_weighted"], f"class_balanced_sampler returned a {got['type']}: return a "
                "torch.utils.data.WeightedRandomSampler")
    expect.true(got["replacement"] is True, "the sampler draws without replacement, so rare samples cannot be drawn more "
                "than once and the classes cannot be balanced: pass replacement=True")


@pytest.mark.points(2)
def test_balanced_sampler_weights(learner, reference, expect: Expect) -> None:
    """every sample weighs 1 / count(its label): one weight per sample, not per class"""
    for labels in (LABELS, [2, 0, 1, 0, 0, 2, 0, 1, 0]):
        got, want = learner.probe("balanced_sampler", labels=labels), reference.probe("balanced_sampler", labels=labels)
        if got["weights"] is None:
            raise Mismatch(f"the sampler has no `weights`: return WeightedRandomSampler(weights, ...) (it returned a {got['type']})")
        hint = _weights_hint(got["weights"], want["weights"], labels)
        if got["weights"].numel() != want["weights"].numel():
            raise Mismatch(f"sampler.weights has {got['weights'].numel()} entries for {len(labels)} labels: {hint}")
        expect.close(got["weights"], want["weights"], f"sampler.weights for labels {_short(labels)}", hint, rtol=1e-6, atol=0.0)


@pytest.mark.points(1)
def test_balanced_sampler_num_samples(learner, expect: Expect) -> None:
    """num_samples defaults to len(labels) and is honoured when given"""
    for num_samples in (None, 37, 500):
        with expect.context(f"drawing from class_balanced_sampler({len(LABELS)} labels, num_samples={num_samples})",
                            _REPLACEMENT_HINT):
            got = learner.probe("balanced_sampler", labels=LABELS, num_samples=num_samples, draw=True)
        wanted = len(LABELS) if num_samples is None else num_samples
        what = ("without num_samples, sampler.num_samples" if num_samples is None
                else f"with num_samples={num_samples}, sampler.num_samples")
        hint = "it defaults to len(labels)" if num_samples is None else "pass num_samples on to WeightedRandomSampler"
        expect.equal(got["num_samples"], wanted, what, hint)
        expect.equal(len(got["drawn"]), wanted, what.replace("sampler.num_samples", "the number of indices the sampler yields"), hint)


@pytest.mark.points(2)
def test_balanced_sampler_balances_classes(learner, expect: Expect) -> None:
    """the sampler draws every class about equally often"""
    with expect.context(f"drawing {DRAWS} indices from class_balanced_sampler({len(LABELS)} labels, num_samples={DRAWS})",
                        _REPLACEMENT_HINT):
        got = learner.probe("balanced_sampler", labels=LABELS, num_samples=DRAWS, generator_seed=0, draw=True)
    drawn = got["drawn"]
    expect.equal(drawn.numel(), DRAWS, f"the number of indices drawn with num_samples={DRAWS}")
    outside = drawn[(drawn < 0) | (drawn >= len(LABELS))]
    if outside.numel():
        raise Mismatch(f"the sampler drew index {int(outside[0])}, but there are only {len(LABELS)} samples: "
                       "WeightedRandomSampler needs one weight per sample, not one per class")
    labels = torch.tensor(LABELS)[drawn]
    share = 1 / len(CLASS_COUNTS)
    frequencies = torch.bincount(labels, minlength=len(CLASS_COUNTS)).double() / DRAWS
    for label, frequency in enumerate(frequencies.tolist()):
        expect.true(abs(frequency - share) <= TOLERANCE, (
            f"class {label} ({CLASS_COUNTS[label]} of {len(LABELS)} samples) makes up {frequency:.3f} of {DRAWS} draws "
            f"(generator seeded with 0), expected {share:.2f} ± {TOLERANCE} (each of the {len(CLASS_COUNTS)} classes "
            "equally often). Weigh sample i by 1 / count(labels[i]) and draw with replacement"
        ))


@pytest.mark.points(1)
def test_balanced_sampler_uses_generator(learner, expect: Expect) -> None:
    """the draws come from the given generator, not from the global random state"""
    with expect.context(f"drawing 200 indices from class_balanced_sampler({len(LABELS)} labels, num_samples=200)",
                        _REPLACEMENT_HINT):
        first = learner.probe("balanced_sampler", labels=LABELS, num_samples=200, generator_seed=0, global_seed=1, draw=True)
        again = learner.probe("balanced_sampler", labels=LABELS, num_samples=200, generator_seed=0, global_seed=2, draw=True)
        other = learner.probe("balanced_sampler", labels=LABELS, num_samples=200, generator_seed=1, global_seed=1, draw=True)
    hint = "pass generator=generator on to WeightedRandomSampler"
    expect.true(torch.equal(first["drawn"], again["drawn"]), "two samplers with generators seeded alike drew different "
                f"indices once torch's global seed was changed: the draws come from the global random state. {_sentence(hint)}")
    expect.true(not torch.equal(first["drawn"], other["drawn"]), "generators seeded with 0 and with 1 gave the same 200 draws: "
                f"the generator is not used. {_sentence(hint)}")


# ------------------------------------------------------------------------------------------ train_val_split

SPLIT_CASES = [(10, 0.3, 0), (100, 0.29, 1), (7, 0.5, 2), (50, 0.0, 3), (64, 0.25, 4), (1, 0.5, 5)]


def _split_label(n: int, val_fraction: float, seed: int) -> str:
    return f"train_val_split({n}, {val_fraction}, seed={seed})"


@pytest.mark.points(3)
def test_split_partitions_range(learner, expect: Expect) -> None:
    """train_val_split splits range(n) into int(n * val_fraction) validation and the rest training indices"""
    for case in SPLIT_CASES:
        _expect_partition(learner, expect, *case)


def _expect_partition(learner, expect: Expect, n: int, val_fraction: float, seed: int) -> None:
    got = learner.probe("split", n=n, val_fraction=val_fraction, seed=seed)
    train, val = got["train"], got["val"]
    label = _split_label(n, val_fraction, seed)
    wanted = int(n * val_fraction)
    if len(val) != wanted:
        if len(train) == wanted:
            hint = "the pair is (train_indices, val_indices): return the training indices first"
        else:
            hint = f"take exactly int(n * val_fraction) = int({n} * {val_fraction}) = {wanted} (rounded down) for validation"
        raise Mismatch(f"{label} gave {len(val)} validation indices, expected {wanted}. {_sentence(hint)}")
    both = train + val
    repeated = sorted(index for index, count in Counter(both).items() if count > 1)
    expect.true(not repeated, f"{label}: indices {_short(repeated)} appear more than once (in both parts, or twice in one): "
                "cut one permutation of range(n) in two")
    missing = sorted(set(range(n)) - set(both))
    expect.true(not missing, f"{label}: indices {_short(missing)} are in neither part: every index of range(n) must be in one")
    extra = sorted(set(both) - set(range(n)))
    expect.true(not extra, f"{label}: indices {_short(extra)} are not in range({n})")


@pytest.mark.points(1)
def test_split_returns_int_lists(learner, expect: Expect) -> None:
    """train_val_split returns two lists of Python ints"""
    got = learner.probe("split", n=10, val_fraction=0.3, seed=0)
    for part in ("train", "val"):
        types = got[f"{part}_types"]
        what = f"{part}_indices"
        expect.true(types["container"] == "list", f"{what} is a {types['container']}, expected a list: convert with .tolist() or list(...)")
        expect.true(types["elements"] == ["int"], f"{what} holds {', '.join(types['elements'])} values, expected Python ints: "
                    "a tensor's .tolist() gives ints")


@pytest.mark.points(1)
def test_split_is_seeded(learner, expect: Expect) -> None:
    """the same seed gives the same split, different seeds give different random splits"""
    n, val_fraction = 100, 0.2
    first = learner.probe("split", n=n, val_fraction=val_fraction, seed=0)
    again = learner.probe("split", n=n, val_fraction=val_fraction, seed=0)
    other = learner.probe("split", n=n, val_fraction=val_fraction, seed=1)
    expect.true(first["train"] == again["train"] and first["val"] == again["val"],
                "two calls of train_val_split(100, 0.2, seed=0) gave different splits: draw from a generator seeded with seed")
    expect.true(set(first["val"]) != set(other["val"]), "seeds 0 and 1 gave the same validation indices: the split must "
                "depend on seed, e.g. torch.randperm(n, generator=torch.Generator().manual_seed(seed))")
    for edge in (set(range(20)), set(range(80, 100))):
        expect.true(set(first["val"]) != edge, f"the validation indices are {min(edge)}..{max(edge)}, a block of range(n): "
                    "split at random (permute range(n) first)")


@pytest.mark.points(2)
def test_split_leaves_global_state_alone(learner, expect: Expect) -> None:
    """train_val_split neither uses nor changes the global random state"""
    first = learner.probe("split", n=50, val_fraction=0.3, seed=4, global_seed=1)
    second = learner.probe("split", n=50, val_fraction=0.3, seed=4, global_seed=2)
    fixes = {
        "torch": "use a torch.Generator().manual_seed(seed) of your own instead of torch.manual_seed",
        "random": "use random.Random(seed) instead of random.seed / random.shuffle",
        "numpy": "use np.random.default_rng(seed) instead of np.random.seed / np.random.permutation",
    }
    for state in first["changed"] + [s for s in second["changed"] if s not in first["changed"]]:
        raise Mismatch(f"train_val_split changed the global random state of {state}: {fixes[state]}")
    expect.true(first["train"] == second["train"] and first["val"] == second["val"],
                "with the global random states (torch, random, NumPy) seeded differently before each call, "
                "train_val_split(50, 0.3, seed=4) gave different splits: it draws from the global random state. "
                "Draw from your own generator, e.g. torch.Generator().manual_seed(seed)")


@pytest.mark.points(1)
def test_split_rejects_bad_fraction(learner, expect: Expect) -> None:
    """val_fraction outside [0, 1) raises ValueError"""
    from grader.suites.exercise6.probes import SPLIT_FRACTIONS

    got = learner.probe("split_validation")
    for fraction in SPLIT_FRACTIONS["invalid"]:
        expect.equal(got[str(fraction)], "ValueError", f"what train_val_split(10, {fraction}, 0) raised",
                     "check 0 <= val_fraction < 1 first and raise ValueError otherwise (1.0 is out: nothing would be left to train on)")
    for fraction in SPLIT_FRACTIONS["valid"]:
        expect.equal(got[str(fraction)], "no error", f"what train_val_split(10, {fraction}, 0) raised", "it is a valid fraction")


# ---------------------------------------------------------------------------------------- make_split_loaders

LOADER_SPLIT = dict(n=23, batch_size=4, val_fraction=0.3, seed=1, global_seeds=[1, 2])


def _flat(batches: list[list[int]]) -> list[int]:
    return [index for batch in batches for index in batch]


def _expect_reproducible_split(got: dict[str, Any]) -> None:
    if not got["split_reproducible"]:
        raise Mismatch("train_val_split(23, 0.3, 1) gave different splits on two calls (with the global random states seeded "
                       "differently), so the loaders cannot be checked against it: make train_val_split reproducible first "
                       "(draw from torch.Generator().manual_seed(seed))")


@pytest.mark.points(2)
def test_split_loaders_train(learner, expect: Expect) -> None:
    """the training loader samples the training indices with a SubsetRandomSampler seeded from seed"""
    got = learner.probe("split_loaders", **LOADER_SPLIT)
    _expect_reproducible_split(got)
    train_split = got["train_split"]
    first, second = got["builds"]
    expect.true(first["is_subset_random"], f"the training loader's sampler is a {first['sampler_type']}: pass "
                "sampler=SubsetRandomSampler(train_indices, generator=...) to its DataLoader")
    indices = first["sampler_indices"]
    expect.true(indices is not None and sorted(indices) == sorted(train_split), (
        f"the SubsetRandomSampler's indices are {_short(sorted(indices or []))}, but train_val_split(23, 0.3, 1) gives the "
        f"training indices {_short(sorted(train_split))}: sample the training part of train_val_split(len(dataset), val_fraction, seed)"
    ))
    expect.equal(len(first["train_batches"][0]), 4, "the size of the training loader's first batch", "pass batch_size on")
    expect.true(first["train_batches"] == second["train_batches"], (
        "two training loaders built with the same seed (the global random states seeded differently before each) visited "
        "the training indices in different orders: give the SubsetRandomSampler generator=torch.Generator().manual_seed(seed)"
    ))


@pytest.mark.points(2)
def test_split_loaders_validation(learner, expect: Expect) -> None:
    """the validation loader visits the validation indices in ascending order"""
    got = learner.probe("split_loaders", **LOADER_SPLIT)
    _expect_reproducible_split(got)
    val_split = got["val_split"]
    visited = _flat(got["builds"][0]["val_batches"])
    if sorted(visited) != sorted(val_split):
        raise Mismatch(f"the validation loader visited {_short(sorted(visited))}, but the validation indices of "
                       f"train_val_split(23, 0.3, 1) are {_short(sorted(val_split))}: use the validation part of the split")
    expect.equal(visited, sorted(val_split), "the order in which the validation loader visits its indices",
                 "visit them in ascending order, without shuffling: e.g. sampler=sorted(val_indices)")
    expect.equal(len(got["builds"][0]["val_batches"][0]), 4, "the size of the validation loader's first batch", "pass batch_size on")


# ----------------------------------------------------------------------------------------- BucketBatchSampler

BUCKET_LENGTHS = torch.randint(1, 8, (23,), generator=torch.Generator().manual_seed(3)).tolist()


def _sorted_order(lengths: list[int]) -> list[int]:
    return sorted(range(len(lengths)), key=lambda index: lengths[index])


def _buckets(lengths: list[int], batch_size: int, drop_last: bool) -> list[list[int]]:
    order = _sorted_order(lengths)
    batches = [order[start : start + batch_size] for start in range(0, len(order), batch_size)]
    if drop_last and batches and len(batches[-1]) < batch_size:
        batches.pop()
    return batches


def _bucket_label(batch_size: int, options: dict[str, Any]) -> str:
    extra = "".join(f", {key}={value}" for key, value in options.items())
    return f"BucketBatchSampler({len(BUCKET_LENGTHS)} lengths, batch_size={batch_size}{extra})"


def _bucket_hint(got: list[list[int]], want: list[list[int]], lengths: list[int]) -> str:
    flat, want_flat = _flat(got), _flat(want)
    got_lengths = [lengths[index] for index in flat]
    if sorted(flat) == sorted(want_flat) and got_lengths == sorted(got_lengths):
        if [len(batch) for batch in got] != [len(batch) for batch in want]:
            return "cut the sorted indices into consecutive batches of batch_size (only the last may be shorter)"
        return ("indices of equal length must keep their index order: sort stably, e.g. "
                "sorted(range(len(lengths)), key=lambda i: lengths[i])")
    if got_lengths == sorted(got_lengths, reverse=True):
        return "order the indices shortest first"
    if sorted(map(sorted, got)) == sorted(map(sorted, want)):
        return "with shuffle=False yield the batches in the sorted order (shortest first), without shuffling"
    return "sort the indices by length (stable, shortest first), then cut them into consecutive batches of batch_size"


BUCKET_CASES = [(4, {}), (5, {"drop_last": True}), (1, {}), (6, {"drop_last": False}), (30, {})]


@pytest.mark.points(2)
def test_bucket_batches(learner, expect: Expect) -> None:
    """without shuffle: indices sorted by length (stable, shortest first), cut into consecutive batches"""
    for batch_size, options in BUCKET_CASES:
        options = {**options, "shuffle": False}
        got = learner.probe("bucket", lengths=BUCKET_LENGTHS, batch_size=batch_size, options=options)
        batches = got["epochs"][0]
        want = _buckets(BUCKET_LENGTHS, batch_size, options.get("drop_last", False))
        if batches != want:
            hint = _bucket_hint(batches, want, BUCKET_LENGTHS)
            raise Mismatch(f"{_bucket_label(batch_size, options)} for lengths {_short(BUCKET_LENGTHS, 23)} yielded "
                           f"{_short(batches, 6)}, expected {_short(want, 6)}. {_sentence(hint)}")


@pytest.mark.points(1)
def test_bucket_len(learner, expect: Expect) -> None:
    """len() is the number of batches, with and without drop_last"""
    cases = [(4, False), (4, True), (5, False), (5, True), (23, True), (30, False), (30, True), (1, True)]
    for batch_size, drop_last in cases:
        options = {"drop_last": drop_last, "shuffle": False}
        got = learner.probe("bucket", lengths=BUCKET_LENGTHS, batch_size=batch_size, options=options)
        wanted = len(_buckets(BUCKET_LENGTHS, batch_size, drop_last))
        if got["len"] is None:
            raise Mismatch("BucketBatchSampler has no __len__: define it to return the number of batches")
        hint = ("with drop_last a short last batch is not counted (n // batch_size)" if drop_last
                else "without drop_last a short last batch counts too (ceil(n / batch_size))")
        expect.equal(got["len"], wanted, f"len({_bucket_label(batch_size, options)})", hint)
        expect.equal(len(got["epochs"][0]), wanted, f"the number of batches {_bucket_label(batch_size, options)} yielded", hint)


@pytest.mark.points(1)
def test_bucket_every_index_once(learner, expect: Expect) -> None:
    """with shuffle, every index appears once per epoch, bar the dropped short batch"""
    for batch_size, drop_last, generator_seed in ((4, False, 5), (5, True, 5), (4, False, None), (6, True, None)):
        options = {"drop_last": drop_last, "shuffle": True}
        got = learner.probe("bucket", lengths=BUCKET_LENGTHS, batch_size=batch_size, options=options,
                            generator_seed=generator_seed, epochs=2)
        label = _bucket_label(batch_size, options) + ("" if generator_seed is not None else " without a generator")
        want = _buckets(BUCKET_LENGTHS, batch_size, drop_last)
        for epoch, batches in enumerate(got["epochs"]):
            seen = Counter(_flat(batches))
            twice = sorted(index for index, count in seen.items() if count > 1)
            expect.true(not twice, f"{label}: in epoch {epoch + 1}, indices {_short(twice)} appear more than once")
            missing = sorted(set(_flat(want)) - set(seen))
            extra = sorted(set(seen) - set(_flat(want)))
            dropped = sorted(set(range(len(BUCKET_LENGTHS))) - set(_flat(want)))
            if missing or extra:
                hint = (f"drop only the short last batch of the sorted order (here the longest items {dropped}), before shuffling"
                        if drop_last and dropped else "every index must appear exactly once per epoch")
                raise Mismatch(f"{label}: in epoch {epoch + 1}, " + (f"indices {_short(missing)} are missing" if missing else "")
                               + (" and " if missing and extra else "") + (f"indices {_short(extra)} were not expected" if extra else "")
                               + f". {_sentence(hint)}")


@pytest.mark.points(2)
def test_bucket_shuffle(learner, expect: Expect) -> None:
    """with shuffle the same batches come in a random order drawn from the generator"""
    options = {"shuffle": True}
    label = _bucket_label(4, options)
    want = _buckets(BUCKET_LENGTHS, 4, drop_last=False)
    first = learner.probe("bucket", lengths=BUCKET_LENGTHS, batch_size=4, options=options, generator_seed=5, global_seed=1)
    again = learner.probe("bucket", lengths=BUCKET_LENGTHS, batch_size=4, options=options, generator_seed=5, global_seed=2)
    other = learner.probe("bucket", lengths=BUCKET_LENGTHS, batch_size=4, options=options, generator_seed=6, global_seed=1)
    batches = first["epochs"][0]
    as_sets = sorted(sorted(batch) for batch in batches)
    if as_sets != sorted(sorted(batch) for batch in want):
        raise Mismatch(f"{label} yielded the batches {_short([sorted(b) for b in batches], 6)}; shuffling must only change "
                       f"their order, the batches are still {_short(want, 6)}: shuffle the list of batches, not the indices")
    expect.true(batches != want, f"{label} yielded the batches in the sorted order: with shuffle=True, yield them in the "
                "order of a random permutation, e.g. torch.randperm(len(batches), generator=generator)")
    expect.true(batches == again["epochs"][0], f"{label} with generators seeded alike gave different batch orders once torch's "
                "global seed was changed: draw the permutation from `generator` (torch.randperm(..., generator=generator))")
    expect.true(batches != other["epochs"][0], f"{label} gave the same batch order for generators seeded with 5 and 6: "
                "draw the permutation from `generator`")


@pytest.mark.points(1)
def test_bucket_is_a_batch_sampler(learner, expect: Expect) -> None:
    """BucketBatchSampler is a Sampler that a DataLoader accepts as batch_sampler"""
    options = {"shuffle": False}
    got = learner.probe("bucket", lengths=BUCKET_LENGTHS, batch_size=4, options=options, in_loader=True)
    expect.true(got["is_sampler"], "BucketBatchSampler must subclass torch.utils.data.Sampler")
    want = _buckets(BUCKET_LENGTHS, 4, drop_last=False)
    expect.equal(got["loader_batches"], want, "the batches of DataLoader(dataset, batch_sampler=BucketBatchSampler(lengths, 4, "
                 "shuffle=False))", "__iter__ must yield one list of indices per batch")
    expect.equal(got["loader_len"], len(want), "len(DataLoader(dataset, batch_sampler=...))", "__len__ returns the number of batches")


# --------------------------------------------------------------------------------------------- shard_indices

SHUFFLES = [(0, 0), (0, 3), (42, 0), (42, 5)]
REGULAR = [(n, r) for n in (6, 7, 8, 9, 10, 13, 16, 17, 24) for r in (1, 2, 3, 4, 5, 8) if n >= r]
SMALL = [(1, 2), (1, 4), (2, 3), (2, 5), (3, 7), (3, 8), (4, 7), (5, 8)]


def distributed_indices(n: int, num_replicas: int, rank: int, shuffle: bool, seed: int, epoch: int) -> list[int]:
    """What the real DistributedSampler gives ``rank`` (computed here, in the grader's process)."""
    sampler = DistributedSampler(range(n), num_replicas=num_replicas, rank=rank, shuffle=shuffle, seed=seed, drop_last=False)
    sampler.set_epoch(epoch)
    return list(sampler)


def _cases(pairs: list[tuple[int, int]], shuffle: bool) -> list[dict[str, Any]]:
    settings = SHUFFLES if shuffle else [(0, 0)]
    return [dict(n=n, num_replicas=r, rank=rank, shuffle=shuffle, seed=seed, epoch=epoch)
            for n, r in pairs for rank in range(r) for seed, epoch in settings]


def _describe_case(case: dict[str, Any]) -> str:
    text = f"shard_indices(n={case['n']}, num_replicas={case['num_replicas']}, rank={case['rank']}"
    if case["shuffle"]:
        text += f", shuffle=True, seed={case['seed']}, epoch={case['epoch']}"
    return text + ")"


def _padded(case: dict[str, Any]) -> list[int]:
    n, replicas = case["n"], case["num_replicas"]
    order = (torch.randperm(n, generator=torch.Generator().manual_seed(case["seed"] + case["epoch"])).tolist()
             if case["shuffle"] else list(range(n)))
    total = math.ceil(n / replicas) * replicas
    return [order[position % n] for position in range(total)]


def _shard_hint(got: list[int], want: list[int], case: dict[str, Any]) -> str:
    n, replicas, rank = case["n"], case["num_replicas"], case["rank"]
    per_rank = math.ceil(n / replicas)
    args = (n, replicas, rank)
    if case["shuffle"] and case["epoch"] and got == distributed_indices(*args, True, case["seed"], 0):
        return "the permutation is seeded with seed + epoch: each epoch gets its own order"
    if case["shuffle"] and case["seed"] and got == distributed_indices(*args, True, 0, case["epoch"]):
        return "the permutation is seeded with seed + epoch: the seed is missing"
    if case["shuffle"] and got == distributed_indices(*args, False, 0, 0):
        return "with shuffle=True, start from torch.randperm(n, generator=torch.Generator().manual_seed(seed + epoch))"
    padded = _padded(case)
    if got == padded[rank * per_rank : (rank + 1) * per_rank] and got != want:
        return ("rank r takes every num_replicas-th index starting at r (padded[rank::num_replicas]), not a contiguous "
                "block of the list")
    if len(got) != per_rank:
        return (f"every rank gets ceil(n / num_replicas) = {per_rank} {'index' if per_rank == 1 else 'indices'}: pad the list to a multiple of num_replicas "
                "by repeating it from its start, then take padded[rank::num_replicas]")
    real = [position for position in range(per_rank) if rank + position * replicas < n]
    if all(got[position] == want[position] for position in real):
        return "pad by repeating the (shuffled) list from its start, as often as needed: padded[i] = indices[i % n]"
    return ("shuffle (or not) first, pad to ceil(n / num_replicas) * num_replicas by repeating the list from its start, then "
            "take padded[rank::num_replicas]")


def _expect_shards(learner, cases: list[dict[str, Any]]) -> None:
    results = learner.probe("shards", cases=cases)
    for case, result in zip(cases, results):
        got = result["indices"]
        want = distributed_indices(**case)
        if got is None:
            raise Mismatch(f"{_describe_case(case)} returned a {result['types']['container']}, expected a list of ints")
        if got != want:
            raise Mismatch(f"{_describe_case(case)} returned {_short(got)}, DistributedSampler gives {_short(want)}. "
                           + _sentence(_shard_hint(got, want, case)))


@pytest.mark.points(2)
def test_shard_without_shuffle(learner) -> None:
    """shard_indices without shuffle equals DistributedSampler, n divisible by num_replicas or not"""
    _expect_shards(learner, _cases(REGULAR, shuffle=False))


@pytest.mark.points(2)
def test_shard_with_shuffle(learner) -> None:
    """shard_indices with shuffle equals DistributedSampler for several seeds and epochs"""
    _expect_shards(learner, _cases(REGULAR, shuffle=True))


@pytest.mark.points(1)
def test_shard_more_replicas_than_samples(learner) -> None:
    """shard_indices pads like DistributedSampler when n < num_replicas"""
    _expect_shards(learner, _cases(SMALL, shuffle=False) + _cases(SMALL, shuffle=True))


@pytest.mark.points(1)
def test_shard_returns_int_list(learner, expect: Expect) -> None:
    """shard_indices returns a list of Python ints"""
    for shuffle in (False, True):
        case = dict(n=10, num_replicas=3, rank=1, shuffle=shuffle, seed=0, epoch=0)
        types = learner.probe("shards", cases=[case])[0]["types"]
        expect.true(types["container"] == "list", f"{_describe_case(case)} returned a {types['container']}, expected a list: "
                    "convert with .tolist()")
        expect.true(types["elements"] == ["int"], f"{_describe_case(case)} holds {', '.join(types['elements'])} values, "
                    "expected Python ints: a tensor's .tolist() gives ints")


@pytest.mark.points(1)
def test_shard_rejects_bad_rank(learner, expect: Expect) -> None:
    """a rank outside [0, num_replicas) raises ValueError"""
    cases = [dict(n=10, num_replicas=4, rank=rank) for rank in (4, 5, -1)]
    for case, outcome in zip(cases, learner.probe("shard_validation", cases=cases)):
        expect.equal(outcome, "ValueError", f"what shard_indices(n=10, num_replicas=4, rank={case['rank']}) raised",
                     "check 0 <= rank < num_replicas first and raise ValueError otherwise")


# ----------------------------------------------------------------------------------------------- seed_worker

TORCH_SEED = 2**40 + 12345


def _random_draws(seed: int, count: int) -> list[float]:
    generator = random.Random(seed)
    return [generator.random() for _ in range(count)]


def _numpy_draws(seed: int, count: int) -> list[float]:
    return [float(value) for value in np.random.RandomState(seed).rand(count)]


@pytest.mark.points(1)
def test_seed_worker_seeds_random_and_numpy(learner, expect: Expect) -> None:
    """seed_worker seeds random and NumPy with torch.initial_seed() % 2**32"""
    hint = "seed both with torch.initial_seed() % 2**32 (NumPy only takes seeds below 2**32)"
    with expect.context("seed_worker(3), called after torch.manual_seed(2**40 + 12345),", hint):
        got = learner.probe("seed_worker_direct", torch_seed=TORCH_SEED, worker_id=3)
    seed = TORCH_SEED % 2**32
    for name, draws in (("random", _random_draws), ("numpy", _numpy_draws)):
        module = "random" if name == "random" else "NumPy"
        if got[name] == draws(999, 3):
            raise Mismatch(f"seed_worker did not seed {module}: call {'random.seed' if name == 'random' else 'np.random.seed'}"
                           "(torch.initial_seed() % 2**32)")
        if got[name] == draws(seed + 3, 3):
            raise Mismatch(f"seed_worker seeded {module} with torch.initial_seed() % 2**32 + worker_id: leave worker_id out, "
                           "torch already gives every worker its own initial seed")
        expect.equal(got[name], draws(seed, 3), f"the first 3 draws from {module} after seed_worker(3)", hint)
    expect.equal(got["returned"], "NoneType", "the type of what seed_worker returns", "it seeds and returns None")


def _per_worker(records: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    workers: dict[int, list[dict[str, Any]]] = {}
    for record in records:
        workers.setdefault(int(record["worker"]), []).append(record)
    return workers


def _expect_worker_seeding(records: list[dict[str, Any]], what: str, hint: str) -> None:
    """Each worker's draws from random and NumPy follow the seed torch.initial_seed() % 2**32 of that worker."""
    for worker, items in sorted(_per_worker(records).items()):
        seed = int(items[0]["seed"])
        for name, draws, module in (("random", _random_draws, "random"), ("numpy", _numpy_draws, "NumPy")):
            got = [float(item[name]) for item in items]
            if got != draws(seed, len(got)):
                raise Mismatch(f"{what}, worker {worker} drew {_short(got, 3)} from {module}, but seeded with "
                               f"torch.initial_seed() % 2**32 = {seed} it draws {_short(draws(seed, len(got)), 3)}: {hint}")


@pytest.mark.points(2)
def test_seed_worker_in_real_workers(learner, expect: Expect) -> None:
    """as worker_init_fn, seed_worker makes workers' draws reproducible and different between workers"""
    hint = "make seed_worker call random.seed and np.random.seed with torch.initial_seed() % 2**32"
    with expect.context("a DataLoader with num_workers=2 and worker_init_fn=seed_worker", hint):
        first, second = learner.probe("seed_worker_in_workers", n=8, generator_seed=3, global_seeds=[1, 2])
    what = "in a DataLoader(num_workers=2, worker_init_fn=seed_worker)"
    _expect_worker_seeding(first, what, hint)
    expect.true(first == second, f"two DataLoaders with generators seeded alike and worker_init_fn=seed_worker drew different "
                f"numbers in their workers: {hint}")
    workers = _per_worker(first)
    expect.true(sorted(workers) == [0, 1], f"the items were loaded by workers {sorted(workers)}, expected workers 0 and 1")
    for name in ("random", "numpy"):
        expect.true(workers[0][0][name] != workers[1][0][name], f"workers 0 and 1 drew the same first number from {name}: "
                    "seed each worker from torch.initial_seed(), which differs between workers")


# ---------------------------------------------------------------------------------------------- build_loader

GLOBAL_SEEDS = [1, 2]


@pytest.mark.points(2)
def test_build_loader_same_batches(learner, expect: Expect) -> None:
    """two loaders built with the same seed give the same shuffled batches, whatever the global random state"""
    got = learner.probe("loader", n=23, batch_size=4, seed=7, options={}, global_seeds=GLOBAL_SEEDS)
    first, second = got["runs"]
    expect.true(first == second, (
        "two loaders built by build_loader(dataset, 4, seed=7) gave different batches (the global random states were seeded "
        f"differently before each): {_short(first, 3)} and {_short(second, 3)}. Shuffle with a generator of your own: "
        "DataLoader(..., generator=torch.Generator().manual_seed(seed))"
    ))
    expect.true(_flat(first) != list(range(23)), "build_loader(dataset, 4, seed=7) did not shuffle: shuffle defaults to True")
    expect.equal(sorted(_flat(first)), list(range(23)), "the indices one epoch visits, sorted", "every index once per epoch")


@pytest.mark.points(2)
def test_build_loader_same_batches_with_workers(learner, expect: Expect) -> None:
    """with num_workers=2, the same seed gives the same batches even when the dataset draws random numbers"""
    with expect.context("build_loader(dataset, 3, seed=7, num_workers=2)"):
        got = learner.probe("loader", n=10, batch_size=3, seed=7, options={"num_workers": 2}, dataset="random",
                            global_seeds=GLOBAL_SEEDS)
    first, second = got["runs"]
    workers = sorted({int(record["worker"]) for batch in first for record in batch})
    expect.true(workers == [0, 1], f"with num_workers=2 the items were loaded by workers {workers}, expected workers 0 and 1: "
                "pass num_workers on to the DataLoader")
    label = "two loaders built by build_loader(dataset, 3, seed=7, num_workers=2) (the global random states seeded differently)"
    order = [[record["index"] for record in batch] for batch in first], [[record["index"] for record in batch] for batch in second]
    expect.true(order[0] == order[1], f"{label} visited the indices in different orders: {_short(order[0], 3)} and "
                f"{_short(order[1], 3)}. Pass generator=torch.Generator().manual_seed(seed) to the DataLoader")
    given_seeds = [[record["worker_seed"] for record in batch] for batch in first], [[record["worker_seed"] for record in batch] for batch in second]
    torch_hint = ("the workers' torch seeds are drawn from the loader's own generator: pass generator= to the DataLoader itself"
                  if given_seeds[0] != given_seeds[1] else
                  "torch gave the workers the same seeds, so your worker_init_fn reseeds torch at random: seed only random "
                  "and NumPy, from torch.initial_seed() % 2**32")
    for name, hint in (
        ("torch", torch_hint),
        ("random", "seed random in every worker: worker_init_fn=seed_worker"),
        ("numpy", "seed NumPy in every worker: worker_init_fn=seed_worker"),
    ):
        draws = [[record[name] for record in batch] for batch in first], [[record[name] for record in batch] for batch in second]
        expect.true(draws[0] == draws[1], f"{label}: the dataset's draws from {name} differ between the loaders. "
                    f"{_sentence(hint)}")


@pytest.mark.points(1)
def test_build_loader_seeds_workers_with_seed_worker(learner, expect: Expect) -> None:
    """build_loader seeds random and NumPy in its workers with seed_worker"""
    with expect.context("build_loader(dataset, 3, seed=7, num_workers=2)"):
        got = learner.probe("loader", n=10, batch_size=3, seed=7, options={"num_workers": 2}, dataset="random",
                            global_seeds=[1])
    records = [record for batch in got["runs"][0] for record in batch]
    _expect_worker_seeding(records, "in build_loader(dataset, 3, seed=7, num_workers=2)",
                           "pass worker_init_fn=seed_worker to the DataLoader")


@pytest.mark.points(1)
def test_build_loader_seed_and_shuffle(learner, expect: Expect) -> None:
    """the order depends on seed; shuffle=False keeps the dataset's order"""
    seven = learner.probe("loader", n=23, batch_size=4, seed=7, options={}, global_seeds=[1])["runs"][0]
    eight = learner.probe("loader", n=23, batch_size=4, seed=8, options={}, global_seeds=[1])["runs"][0]
    expect.true(seven != eight, "build_loader gave the same order for seeds 7 and 8: seed the generator with `seed`")
    plain = learner.probe("loader", n=23, batch_size=4, seed=7, options={"shuffle": False}, global_seeds=[1])["runs"][0]
    expect.equal(_flat(plain), list(range(23)), "the indices visited by build_loader(dataset, 4, seed=7, shuffle=False)",
                 "pass shuffle on to the DataLoader")


@pytest.mark.points(1)
def test_build_loader_options(learner, expect: Expect) -> None:
    """batch_size, drop_last and collate_fn are honoured"""
    kept = learner.probe("loader", n=23, batch_size=5, seed=7, options={"drop_last": False})
    expect.equal([len(batch) for batch in kept["runs"][0]], [5, 5, 5, 5, 3], "the batch sizes of build_loader(23 items, "
                 "batch_size=5, drop_last=False)", "pass batch_size and drop_last on to the DataLoader")
    dropped = learner.probe("loader", n=23, batch_size=5, seed=7, options={"drop_last": True})
    expect.equal([len(batch) for batch in dropped["runs"][0]], [5, 5, 5, 5], "the batch sizes of build_loader(23 items, "
                 "batch_size=5, drop_last=True)", "pass drop_last on to the DataLoader")
    expect.equal(dropped["lengths"][0], 4, "len(build_loader(23 items, batch_size=5, drop_last=True))", "pass drop_last on")
    custom = learner.probe("loader", n=6, batch_size=4, seed=7, options={}, collate="tagged")
    batch = custom["runs"][0][0]
    expect.true(isinstance(batch, dict) and batch.get("tag") == "custom collate",
                "with collate_fn given, build_loader's batches did not come from it: pass collate_fn on to the DataLoader")
    expect.equal(len(batch["items"]), 4, "the number of items the collate_fn received", "pass batch_size on")
