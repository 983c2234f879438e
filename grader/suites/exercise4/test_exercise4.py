"""Hidden suite for exercise 4: a map-style Dataset with lazy transforms."""

from __future__ import annotations

from typing import Any

import pytest
import torch

from grader.expect import Expect, Mismatch
from grader.suites.exercise4.probes import (
    FEATURES,
    HEADER,
    MISSING,
    ROWS,
    TREE,
    csv_table,
    expected_features,
    file_content,
    sorted_samples,
)

CSV_CALL = f"CSVDataset(path, feature_columns={FEATURES}, label_column='label')"
NPY_SIZE = len(sorted_samples())
PICKLE_HINTS = {
    "CSVDataset": ("DataLoader workers may receive the dataset pickled: keep only plain data on self (the path, the rows' "
                   "text, the column positions), no open files, csv readers, generators or lambdas; open the file where "
                   "you read it, in a with block"),
    "NpyFolderDataset": ("DataLoader workers may receive the dataset pickled: keep only plain data on self (the root, "
                         "classes, samples), no open files, generators or lambdas"),
}


def _what_is(kind: dict[str, Any]) -> str:
    """A value described by the probes' ``kind_of``, in words."""
    name = kind["type"]
    if name == "Tensor":
        return f"a {kind['dtype']} tensor of shape {tuple(kind['shape'])}"
    if name == "ndarray":
        return f"a NumPy array ({kind['dtype']}, shape {tuple(kind['shape'])})"
    if name in ("int", "float", "bool"):
        return f"a Python {name} ({kind['value']!r})"
    return f"a {name} ({kind['repr']})"


def _pair(item: dict[str, Any], what: str, parts: str) -> tuple[dict[str, Any], dict[str, Any]]:
    if not item["pair"]:
        length = f" of length {item['length']}" if item.get("length") is not None else ""
        raise Mismatch(f"{what} returned a {item['type']}{length}; expected a pair {parts}: `return {parts.strip('()')}`")
    return item["first"], item["second"]


def _same(first: Any, second: Any) -> bool:
    """Equal plain data, tensors compared by shape, dtype and value."""
    if isinstance(first, torch.Tensor) or isinstance(second, torch.Tensor):
        return (isinstance(first, torch.Tensor) and isinstance(second, torch.Tensor) and first.shape == second.shape
                and first.dtype == second.dtype and bool(torch.equal(first, second)))
    if isinstance(first, dict) and isinstance(second, dict):
        return first.keys() == second.keys() and all(_same(first[key], second[key]) for key in first)
    if isinstance(first, list) and isinstance(second, list):
        return len(first) == len(second) and all(_same(a, b) for a, b in zip(first, second))
    return type(first) is type(second) and first == second


def _expect_tensor(kind: dict[str, Any], want: dict[str, Any], what: str, build: str) -> None:
    """``kind`` must be a tensor of ``want``'s dtype and shape."""
    if kind["type"] != "Tensor":
        raise Mismatch(f"{what} is {_what_is(kind)}, expected {_what_is(want)}: {build}")
    if kind["dtype"] != want["dtype"]:
        raise Mismatch(f"{what} has dtype {kind['dtype']}, expected {want['dtype']}: {build}")
    if kind["shape"] != want["shape"]:
        raise Mismatch(f"{what} has shape {tuple(kind['shape'])}, expected {tuple(want['shape'])}: {build}")


def _transformed(given: dict[str, Any], scale: float, shift: float) -> dict[str, Any]:
    """What the probes' counting transform returned for the tensor it was ``given``."""
    value = given["value"] * scale + shift
    return {"type": "Tensor", "dtype": str(value.dtype).removeprefix("torch."), "shape": list(value.shape), "value": value}


def _expect_times(count: int, what: str, hint: str) -> None:
    if count != 1:
        times = "never" if count == 0 else f"{count} times"
        raise Mismatch(f"{what} called it {times}, expected exactly once. {hint}")


# ------------------------------------------------------------------------------------ CSVDataset

FEATURES_BUILD = "build it with torch.tensor([float(row[c]) for c in feature_columns], dtype=torch.float32)"
LABEL_BUILD = "build it with torch.tensor(int(row[label_column]), dtype=torch.int64), a 0-d tensor"


def _csv_items(learner, reference, expect: Expect, trailing_newline: bool = True) -> tuple[dict[str, Any], dict[str, Any]]:
    kwargs = dict(rows=ROWS, trailing_newline=trailing_newline)
    with expect.context(f"{CSV_CALL} and reading its items"):
        got = learner.probe("csv_items", **kwargs)
    return got, reference.probe("csv_items", **kwargs)


@pytest.mark.points(1)
def test_datasets_are_datasets(learner, expect: Expect) -> None:
    """CSVDataset and NpyFolderDataset subclass torch.utils.data.Dataset"""
    for probe, name, call in (("csv_items", "CSVDataset", dict(rows=ROWS, trailing_newline=True)),
                              ("npy_structure", "NpyFolderDataset", dict(as_path=False))):
        with expect.context(f"building a {name}"):
            got = learner.probe(probe, **call)
        expect.true(got["is_dataset"], f"`{name}` must subclass `torch.utils.data.Dataset` (class {name}(Dataset): ...)")


@pytest.mark.points(1)
@pytest.mark.parametrize("trailing_newline", [True, False], ids=["trailing-newline", "no-trailing-newline"])
def test_csv_len(learner, reference, expect: Expect, trailing_newline: bool) -> None:
    """len(CSVDataset) is the number of data rows, with or without a newline at the end of the file"""
    got, _ = _csv_items(learner, reference, expect, trailing_newline)
    ending = "ends with a newline" if trailing_newline else "has no newline after its last row"
    if got["len"] == ROWS + 1 and trailing_newline:
        without, _ = _csv_items(learner, reference, expect, trailing_newline=False)
        hint = ("the header is not a data row" if without["len"] == ROWS + 1
                else "a newline at the end of the file does not start another row: skip empty lines")
    elif got["len"] == ROWS + 1:
        hint = "the header is not a data row"
    elif got["len"] == ROWS - 1 and not trailing_newline:
        hint = "the last line is a row even without a newline at its end: count rows, not newline characters"
    else:
        hint = "count the rows after the header (csv.reader, or the non-empty lines of the text)"
    expect.equal(got["len"], ROWS, f"len() of a CSV file with a header and {ROWS} rows that {ending}", hint)
    if not trailing_newline:
        last = ROWS - 1
        with_newline, _ = _csv_items(learner, reference, expect, trailing_newline=True)
        _pair(got["items"][last], f"dataset[{last}]", "(features, label)")
        expect.true(_same(got["items"][last], with_newline["items"][last]),
                    f"dataset[{last}], the last row of a file without a newline at its end, differs from the same row in "
                    "a file that ends with one: read the last line like any other row (do not cut its last character)")


@pytest.mark.points(2)
def test_csv_features(learner, reference, expect: Expect) -> None:
    """features are a float32 tensor of the feature_columns' values, in the order of feature_columns"""
    got, want = _csv_items(learner, reference, expect)
    values = []
    for index, (item, expected) in enumerate(zip(got["items"], want["items"])):
        features, _ = _pair(item, f"dataset[{index}]", "(features, label)")
        _expect_tensor(features, expected["first"], f"the features tensor of dataset[{index}]", FEATURES_BUILD)
        values.append(features["value"])
    got_values = torch.stack(values)
    want_values = torch.stack([item["first"]["value"] for item in want["items"]])
    table = csv_table(ROWS, seed=1)
    in_header_order = [name for name in HEADER if name in FEATURES]
    if torch.equal(got_values, torch.tensor(expected_features(table, in_header_order), dtype=torch.float32)):
        hint = (f"you took the columns in the header's order {in_header_order}: put the values in the order of "
                f"feature_columns {FEATURES}")
    else:
        hint = "pick each column by its name in the header, in the order of feature_columns"
    expect.close(got_values, want_values, f"the features of the {ROWS} rows (one row per line) with feature_columns={FEATURES}",
                 hint)


@pytest.mark.points(2)
def test_csv_label(learner, reference, expect: Expect) -> None:
    """label is an int64 scalar tensor of int(row[label_column])"""
    got, want = _csv_items(learner, reference, expect)
    for index, (item, expected) in enumerate(zip(got["items"], want["items"])):
        _, label = _pair(item, f"dataset[{index}]", "(features, label)")
        hint = LABEL_BUILD
        if label["type"] == "Tensor" and label["shape"] == [1]:
            hint = "torch.tensor([value]) has shape (1,); torch.tensor(value) is the 0-d scalar tensor asked for"
        _expect_tensor(label, expected["second"], f"the label tensor of dataset[{index}]", hint)
    got_labels = torch.stack([item["second"]["value"] for item in got["items"]])
    want_labels = torch.stack([item["second"]["value"] for item in want["items"]])
    expect.equal(got_labels, want_labels, f"the labels of the {ROWS} rows (label_column='label', the header's third column)",
                 "read the label column by its name, not by its position")


@pytest.mark.points(2)
def test_csv_transforms(learner, reference, expect: Expect) -> None:
    """transform and target_transform run once per access, on the features and the label tensors"""
    indices = [0, 3, 0, -1]
    with expect.context(f"{CSV_CALL[:-1]}, transform=..., target_transform=...) and reading items",
                        "apply transform(features) and target_transform(label) in __getitem__"):
        got = learner.probe("csv_access", indices=indices)
    want = reference.probe("csv_access", indices=indices)
    for access, expected in zip(got["accesses"], want["accesses"]):
        where = f"dataset[{access['index']}]"
        _expect_times(access["transform"], f"{where} with a transform",
                      "Apply transform to the features in __getitem__, once, when it is given")
        _expect_times(access["target_transform"], f"{where} with a target_transform",
                      "Apply target_transform to the label in __getitem__, once, when it is given")
        _expect_tensor(access["transform_input"], expected["transform_input"], f"what {where} passed to transform",
                       "build the float32 features tensor first, then return transform(features)")
        _expect_tensor(access["target_input"], expected["target_input"], f"what {where} passed to target_transform",
                       "build the int64 label tensor first, then return target_transform(label)")
        features, label = _pair(access["item"], where, "(features, label)")
        # The probe's transforms compute x * 2 + 1 and y + 100 on what they were given.
        expect.true(_same(features, _transformed(access["transform_input"], 2, 1)),
                    f"the features {where} returned are not transform(features): return what transform returned")
        expect.true(_same(label, _transformed(access["target_input"], 1, 100)),
                    f"the label {where} returned is not target_transform(label): return what target_transform returned")


@pytest.mark.points(2)
def test_csv_init_is_lazy(learner, expect: Expect) -> None:
    """CSVDataset.__init__ builds no tensor and calls no transform"""
    with expect.context(f"{CSV_CALL[:-1]}, transform=..., target_transform=...)"):
        got = learner.probe("csv_access", indices=[])
    init = got["init"]
    for name in ("transform", "target_transform"):
        expect.equal(init[name], 0, f"the number of {name} calls during CSVDataset.__init__",
                     f"transforms run at access time: store {name} in __init__ and call it in __getitem__")
    made = ", ".join(f"torch.{name}" for name in dict.fromkeys(init["factories"]))
    expect.true(not init["factories"], f"CSVDataset.__init__ built tensors ({made}): keep the rows as text or plain Python "
                                       "values in __init__ and build each item's tensors in __getitem__")
    kept = ", ".join(init["kept"])
    expect.true(not init["kept"], f"after __init__, {kept} holds tensors: keep the rows as text or plain Python values and "
                                  "build each item's tensors in __getitem__")


def _expect_list_indexing(expect: Expect, got: dict[str, Any], name: str, size: int, parts: str, container: str) -> None:
    for case in got["negatives"]:
        index = case["index"]
        _pair(case["item"], f"{name}[{index}]", parts)
        expect.true(_same(case["item"], case["same_as"]),
                    f"{name}[{index}] differs from {name}[{size + index}] for a dataset of {size} items: negative indices "
                    f"count from the end, as for a list (indexing {container} does this for you)")


def _expect_index_errors(expect: Expect, got: dict[str, Any], name: str, size: int) -> None:
    for index, result in got["out_of_range"].items():
        if result["raised"] is None:
            hint = (f"{name}[{index}] returned an item, but the dataset has {size} items: raise IndexError "
                    "(indexing a list does; do not wrap around with %)")
            raise Mismatch(hint)
        expect.equal(result["raised"], "IndexError", f"what {name}[{index}] raised for a dataset of {size} items",
                     "an index out of range must raise IndexError, which also ends a plain `for item in dataset` loop")
    if got["iteration"]["raised"] is not None:
        raise Mismatch(f"`for item in {name}` raised {got['iteration']['raised']}: {got['iteration']['message']}. "
                       "Iteration calls dataset[0], dataset[1], ... until IndexError")
    expect.equal(got["iterated"], size, f"the number of items `for item in {name}` gave (stopped after {size + 3})",
                 f"iteration stops at the first IndexError: {name}[{size}] must raise it")


@pytest.mark.points(1)
def test_csv_negative_indices(learner, expect: Expect) -> None:
    """CSVDataset accepts negative indices, as a list does"""
    with expect.context(f"CSVDataset with {ROWS} rows, read at indices -1, -2 and -{ROWS}",
                        "negative indices count from the end, as for a list"):
        got = learner.probe("csv_indexing")
    _expect_list_indexing(expect, got, "dataset", ROWS, "(features, label)", "a list of rows")


@pytest.mark.points(2)
def test_csv_out_of_range(learner, expect: Expect) -> None:
    """CSVDataset raises IndexError for an index out of range, so `for x in dataset` stops"""
    with expect.context(f"CSVDataset with {ROWS} rows, read at indices -1, -2, -{ROWS}, {ROWS}, {ROWS + 3} and -{ROWS + 1}",
                        "an index out of range must raise IndexError"):
        got = learner.probe("csv_indexing")
    _expect_index_errors(expect, got, "dataset", ROWS)


@pytest.mark.points(1)
@pytest.mark.parametrize("role", ["feature", "label"])
def test_csv_missing_column(learner, expect: Expect, role: str) -> None:
    """a column missing from the header raises KeyError or ValueError naming it"""
    got = learner.probe("csv_missing_column", role=role)
    what = (f"CSVDataset with feature_columns containing {MISSING!r}" if role == "feature"
            else f"CSVDataset with label_column={MISSING!r}")
    what += ", which the header lacks,"
    if got["raised"] is None:
        raise Mismatch(f"{what} raised nothing (neither in __init__ nor at dataset[0]): check every name against the "
                       f"header in __init__ and raise KeyError(f'no column {{name!r}}')")
    expect.true(got["raised"] in ("KeyError", "ValueError"),
                f"{what} raised {got['raised']} ({got['message']}), expected KeyError or ValueError: check every name "
                "against the header in __init__")
    expect.true(MISSING in got["message"],
                f"{what} raised {got['raised']}({got['message']}), whose message does not name the column "
                f"{MISSING!r}: put the missing name in the message")


def _expect_same_batches(expect: Expect, got: dict[str, Any], want: dict[str, Any], what: str, names: tuple[str, str]) -> None:
    """The worker processes' batches must be the learner's own items (read in the main process and
    collated alike); where those items are right, they are also the reference's batches. (Wrong
    items cost points in the tests of the items, not here again.)"""
    loaded, direct = got["batches"], got["direct"]
    expect.equal(len(loaded), len(want["batches"]), f"the number of batches from {what}", "__len__ must count every item")
    own_items_right = _same(direct, want["direct"])
    for number, (batch, mine, expected) in enumerate(zip(loaded, direct, want["batches"])):
        if not isinstance(batch, list) or len(batch) != 2:
            raise Mismatch(f"batch {number} of {what} is not a pair ({names[0]}, {names[1]}): __getitem__ must return a pair")
        for name, part, own, wanted in zip(names, batch, mine, expected):
            expect.close(part, own, f"the {name} of batch {number} from {what}, compared with the same items read in the "
                         "main process", "an item must not depend on the process that reads it: keep no state that changes "
                         "between accesses (an open file's position, a counter) on self")
            if own_items_right:
                expect.close(part, wanted, f"the {name} of batch {number} from {what}")


@pytest.mark.points(2)
def test_csv_dataloader(learner, reference, expect: Expect) -> None:
    """CSVDataset works in a DataLoader with num_workers=2"""
    what = "DataLoader(CSVDataset(...), batch_size=3, num_workers=2)"
    with expect.context(f"iterating {what}", PICKLE_HINTS["CSVDataset"]):
        got = learner.probe("csv_loader", batch_size=3)
    _expect_same_batches(expect, got, reference.probe("csv_loader", batch_size=3), what,
                         ("features", "labels"))


def _expect_pickles(expect: Expect, got: dict[str, Any], name: str) -> None:
    for case, label in (("plain", f"{name}(...)"), ("transformed", f"{name}(..., transform=...)")):
        result = got[case]
        if result["dumps"] is not None:
            hint = PICKLE_HINTS[name]
            raise Mismatch(f"pickle.dumps({label}) failed with {result['dumps']}. {hint[0].upper()}{hint[1:]}")
        expect.true(result["same_items"], f"a pickled and unpickled {label} gives other items than the original: keep "
                                          "everything __getitem__ needs on self")


@pytest.mark.points(1)
def test_csv_pickles(learner, expect: Expect) -> None:
    """CSVDataset can be pickled (no open files or lambdas kept on self)"""
    with expect.context(f"{CSV_CALL}, pickled and unpickled", PICKLE_HINTS["CSVDataset"]):
        got = learner.probe("csv_pickle")
    _expect_pickles(expect, got, "CSVDataset")


# ------------------------------------------------------------------------------ NpyFolderDataset

NPY_CALL = "NpyFolderDataset(root)"
CLASSES = sorted(TREE)


def _npy_structure(learner, expect: Expect, **kwargs: Any) -> dict[str, Any]:
    with expect.context(f"{NPY_CALL} on a folder with the classes {list(TREE)}",
                        "list the class folders and their .npy files in __init__"):
        return learner.probe("npy_structure", **kwargs)


def _classes_hint(classes: list[Any]) -> str:
    if sorted(classes, key=str) == CLASSES:
        return "sort the folder names: os.listdir and Path.iterdir return them in no particular order"
    return "one class per folder under root, named like the folder (entry.name)"


@pytest.mark.points(2)
def test_npy_classes(learner, expect: Expect) -> None:
    """classes are the sorted class folder names; class_to_idx maps each to its index"""
    got = _npy_structure(learner, expect, as_path=False)
    expect.equal(got["classes"], CLASSES, "`classes`", _classes_hint(got["classes"]))
    expect.equal(got["class_to_idx"], {name: index for index, name in enumerate(CLASSES)}, "`class_to_idx`",
                 "map each name in classes to its position: {name: i for i, name in enumerate(self.classes)}")


def _expect_samples(expect: Expect, got: dict[str, Any], root: str, order: bool = True) -> None:
    """``samples`` must hold every .npy file of every class folder and nothing else; with ``order``,
    also in the contract's order, with the right class indices, and ``len`` must count them."""
    want = [list(sample) for sample in sorted_samples()]
    samples = got["samples"]
    if any(not isinstance(sample, list) for sample in samples):
        bad = next(sample for sample in samples if not isinstance(sample, list))
        raise Mismatch(f"`samples` holds {bad}, expected (path, class_index) pairs")
    what = f"`samples` as (path relative to root, class index), root given as {root}"
    got_paths, want_paths = [sample[0] for sample in samples], [sample[0] for sample in want]
    extra = [path for path in got_paths if path not in want_paths]
    missing = [path for path in want_paths if path not in got_paths]
    if extra:
        raise Mismatch(f"{what} has entries that are not .npy files of a class folder: {extra[:4]}. One (path, class_index) "
                       "per .npy file of each class folder (glob('*.npy'))")
    if missing:
        raise Mismatch(f"{what} lacks {len(missing)} of the {len(want)} .npy files, e.g. {missing[:3]}. One (path, "
                       "class_index) per .npy file of each class folder, the path under root (root / class / name)")
    if not order:
        return
    if got_paths != want_paths:
        hint = ("sort the samples by class index, then by file name: sorted class folders (classes), and sorted() on each "
                "class folder's listing")
    else:
        hint = "pair each path with the index of its class folder in classes"
    expect.equal(samples, want, what, hint)
    expect.equal(got["len"], len(want), "len(dataset)", "return the number of samples")


@pytest.mark.points(2)
def test_npy_samples(learner, expect: Expect) -> None:
    """samples are (path, class_index) pairs sorted by class index, then file name; len counts them"""
    for as_path, root in ((False, "a str"), (True, "a pathlib.Path")):
        _expect_samples(expect, _npy_structure(learner, expect, as_path=as_path), root)


@pytest.mark.points(1)
def test_npy_ignores_stray_files(learner, expect: Expect) -> None:
    """files beside the class folders and non-.npy files are neither classes nor samples"""
    with expect.context(f"{NPY_CALL} on a folder that also holds notes.txt, labels.npy, ant/readme.txt and mole/x_3.npy.bak",
                        "only folders are classes, and only their .npy files are samples"):
        got = learner.probe("npy_structure", as_path=True, stray=True)
    files = [name for name in got["classes"] if name not in CLASSES]
    expect.true(not files, f"`classes` holds {files}, plain files beside the class folders: only folders are classes "
                           "(skip entries that are not entry.is_dir())")
    expect.equal(sorted(got["classes"], key=str), CLASSES, "the sorted `classes` when root also holds the files notes.txt "
                 "and labels.npy", _classes_hint(got["classes"]))
    _expect_samples(expect, got, "a pathlib.Path, with stray files that are not .npy samples", order=False)


@pytest.mark.points(2)
def test_npy_getitem(learner, reference, expect: Expect) -> None:
    """dataset[i] is (float32 tensor of the array, class index as a Python int)"""
    with expect.context(f"{NPY_CALL}[i]", "load the array of samples[i] with np.load in __getitem__"):
        got = learner.probe("npy_items")
    want = reference.probe("npy_items")
    for index, (item, expected) in enumerate(zip(got["items"], want["items"])):
        # Compared with the file the learner's own samples[index] names, so that an ordering
        # mistake costs points in the samples test only.
        sample = got["samples"][index] if index < len(got["samples"]) else None
        own = isinstance(sample, list) and file_content(sample[0]) is not None
        where = f"dataset[{index}] ({sample[0] if own else sorted_samples()[index][0]})"
        tensor, label = _pair(item, where, "(tensor, class_index)")
        _expect_tensor(tensor, expected["first"], f"the tensor of {where}",
                       "convert the array with torch.as_tensor(array, dtype=torch.float32) (np.load keeps the file's "
                       "dtype: float64, int32, ...)")
        expect.close(tensor["value"], file_content(sample[0]) if own else expected["first"]["value"],
                     f"the tensor of {where}", "load the file of samples[idx] and keep its values")
        if label["type"] != "int":
            raise Mismatch(f"the class index of {where} is {_what_is(label)}, expected a Python int: return it as stored in "
                           "samples (an int), not as a tensor or NumPy number")
        expect.equal(label["value"], sample[1] if own else expected["second"]["value"], f"the class index of {where}",
                     "return the class index stored with the path in samples[idx]")


def _npy_access(learner, reference, expect: Expect, indices: list[int]) -> tuple[dict[str, Any], dict[str, Any]]:
    with expect.context("NpyFolderDataset(root, transform=...) and reading items", "load and transform in __getitem__"):
        got = learner.probe("npy_access", indices=indices)
    return got, reference.probe("npy_access", indices=indices)


ACCESSES = [1, 6, 1, -1]


@pytest.mark.points(1)
def test_npy_transform(learner, reference, expect: Expect) -> None:
    """NpyFolderDataset applies transform to the float32 tensor, once per access"""
    got, want = _npy_access(learner, reference, expect, ACCESSES)
    expect.equal(got["init"]["transform"], 0, "the number of transform calls during NpyFolderDataset.__init__",
                 "transforms run at access time, in __getitem__")
    for access, expected in zip(got["accesses"], want["accesses"]):
        where = f"dataset[{access['index']}]"
        _expect_times(access["transform"], f"{where} with a transform", "Apply transform to the tensor in __getitem__, once")
        _expect_tensor(access["transform_input"], expected["transform_input"], f"what {where} passed to transform",
                       "convert the array to a float32 tensor first, then return transform(tensor)")
        tensor, _ = _pair(access["item"], where, "(tensor, class_index)")
        # The probe's transform computes x * 2 - 1 on what it was given.
        expect.true(_same(tensor, _transformed(access["transform_input"], 2, -1)),
                    f"the tensor {where} returned is not transform(tensor): return what transform returned")


@pytest.mark.points(2)
def test_npy_init_is_lazy(learner, reference, expect: Expect) -> None:
    """NpyFolderDataset.__init__ opens no .npy file; items are read from the files at access time"""
    got, _ = _npy_access(learner, reference, expect, list(range(NPY_SIZE)))
    opened = got["init"]["opened"]
    expect.true(not opened, f"NpyFolderDataset.__init__ opened {len(opened)} .npy file(s) ({', '.join(opened[:3])}"
                            f"{', ...' if len(opened) > 3 else ''}): list the files in __init__ and load each in __getitem__")
    for access in got["accesses"]:
        where, sample = f"dataset[{access['index']}]", access["sample"]
        tensor, _ = _pair(access["item"], where, "(tensor, class_index)")
        if not isinstance(sample, str) or file_content(sample) is None or tensor["type"] != "Tensor":
            continue  # the samples and getitem tests report these
        value = tensor["value"].double()

        def matches(version: int, value: torch.Tensor = value, sample: str = sample) -> bool:
            content = file_content(sample, version).double()
            return value.shape == content.shape and any(bool(torch.equal(value, candidate)) for candidate in (content, content * 2 - 1))

        if matches(0):
            raise Mismatch(f"the files changed after the dataset was built, but {where} returned the old array of {sample}: "
                           "keep only paths in __init__ and load the file with np.load in __getitem__")
        expect.true(matches(1), f"the files changed after the dataset was built, and {where} does not match the new "
                                f"content of {sample}: load it in __getitem__")


@pytest.mark.points(1)
def test_npy_loads_on_access(learner, reference, expect: Expect) -> None:
    """each access loads its own file, and only that one"""
    got, _ = _npy_access(learner, reference, expect, ACCESSES)
    seen: set[int] = set()
    for access in got["accesses"]:
        where, sample, opened = f"dataset[{access['index']}]", access["sample"], access["opened"]
        position = access["index"] % NPY_SIZE
        if not opened and position in seen:
            raise Mismatch(f"{where}, read a second time, opened no file: load the array on every access (np.load in "
                           "__getitem__) instead of keeping it in memory")
        expect.equal(opened, [sample], f"the .npy files {where} opened",
                     "load only the file of samples[idx], with np.load, in __getitem__")
        seen.add(position)


@pytest.mark.points(1)
def test_npy_missing_root(learner, expect: Expect) -> None:
    """a missing root raises FileNotFoundError"""
    got = learner.probe("npy_missing_root")
    what = "NpyFolderDataset on a root that does not exist"
    if got["raised"] is None:
        raise Mismatch(f"{what} raised nothing: check that root is a folder and raise FileNotFoundError (glob on a missing "
                       "folder just finds nothing)")
    expect.equal(got["raised"], "FileNotFoundError", f"what {what} raised",
                 "raise FileNotFoundError(f'no such folder: {root}') when root does not exist")


@pytest.mark.points(1)
def test_npy_indexing(learner, expect: Expect) -> None:
    """NpyFolderDataset indexes like a list: negative indices, IndexError at the end"""
    with expect.context(f"NpyFolderDataset with {NPY_SIZE} samples, read at indices -1, -2, -{NPY_SIZE}, {NPY_SIZE}, "
                        f"{NPY_SIZE + 3} and -{NPY_SIZE + 1}", "index self.samples like a list"):
        got = learner.probe("npy_indexing")
    _expect_list_indexing(expect, got, "dataset", NPY_SIZE, "(tensor, class_index)", "self.samples")
    _expect_index_errors(expect, got, "dataset", NPY_SIZE)


@pytest.mark.points(2)
def test_npy_dataloader(learner, reference, expect: Expect) -> None:
    """NpyFolderDataset works in a DataLoader with num_workers=2"""
    what = "DataLoader(NpyFolderDataset(root), batch_size=3, num_workers=2)"
    with expect.context(f"iterating {what}", PICKLE_HINTS["NpyFolderDataset"]):
        got = learner.probe("npy_loader", batch_size=3)
    _expect_same_batches(expect, got, reference.probe("npy_loader", batch_size=3), what,
                         ("tensors", "class indices"))


@pytest.mark.points(1)
def test_npy_pickles(learner, expect: Expect) -> None:
    """NpyFolderDataset can be pickled (no open files or lambdas kept on self)"""
    with expect.context(f"{NPY_CALL}, pickled and unpickled", PICKLE_HINTS["NpyFolderDataset"]):
        got = learner.probe("npy_pickle")
    _expect_pickles(expect, got, "NpyFolderDataset")


# ---------------------------------------------------------------------------- Compose, Normalize


@pytest.mark.points(2)
def test_compose_order(learner, reference, expect: Expect) -> None:
    """Compose applies its callables in the given order"""
    with expect.context("Compose([add_one, double, square])(x)", "call each transform on the previous one's result"):
        got = learner.probe("compose")
    want = reference.probe("compose")
    expect.equal(got["order"], want["order"], "the order Compose([add_one, double, square]) called its transforms",
                 "call them first to last, each on the result of the one before")
    for key, what in (("first", "Compose([add_one, double, square])(x)"),
                      ("second", "Compose([add_one, double, square])(x), called a second time"),
                      ("single", "Compose([double])(x)"), ("number", "Compose([square, add_one])(3.0)")):
        value = got[key]
        hint = "keep the transforms in a list so that the pipeline can run again" if key == "second" else (
            "call each transform on the previous one's result (x = t(x)) and return the last result")
        if value["type"] not in ("Tensor", "float", "int"):
            raise Mismatch(f"{what} returned {_what_is(value)}: {hint}")
        expect.close(value["value"], want[key]["value"], what, hint)


@pytest.mark.points(1)
@pytest.mark.parametrize("kind", ["tensors", "floats"])
def test_normalize(learner, reference, expect: Expect, kind: str) -> None:
    """Normalize returns (x - mean) / std, with tensors or floats as mean and std"""
    call = ("Normalize(mean=tensor([2, -1, 0.5]), std=tensor([3, 0.5, 2]))" if kind == "tensors"
            else "Normalize(mean=1.5, std=4.0)")
    with expect.context(f"{call}(x)", "return (x - self.mean) / self.std"):
        got = learner.probe("normalize", kind=kind)
    want = reference.probe("normalize", kind=kind)
    what, hint = f"{call}(x) for x of shape (5, 3)", "compute (x - mean) / std: subtract first, then divide (mind the parentheses)"
    _expect_tensor(got["out"], want["out"], what, "return (x - self.mean) / self.std")
    expect.close(got["out"]["value"], want["out"]["value"], what, hint)
    expect.true(got["input_unchanged"], f"{call}(x) changed x in place: compute (x - self.mean) / self.std into a new tensor")
