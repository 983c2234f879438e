"""The kit's promise: every reference earns full marks, every untouched stub earns zero, and the
references themselves agree with torch."""

from __future__ import annotations

import importlib.util
from types import ModuleType

import pytest
import torch

import grader
from conftest import ClassRun


def load(path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"kit_{path.parent.name}_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("exercise", grader.EXERCISES, ids=lambda e: e.name)
def test_reference_earns_full_marks(exercise: grader.Exercise, reference_reports) -> None:
    report = reference_reports[exercise.name]
    assert [(t.id, t.message) for t in report.tests if t.status != "passed"] == []
    assert report.score == report.max_score > 0


@pytest.mark.parametrize("exercise", grader.EXERCISES, ids=lambda e: e.name)
def test_stub_earns_zero_and_says_what_to_implement(exercise: grader.Exercise, class_run: ClassRun) -> None:
    report = class_run.report(exercise.stub_path)
    assert report.score == 0
    for test in report.tests:
        assert test.status == "error", (test.id, test.status, test.message)
        assert "is not implemented yet" in test.message, (test.id, test.message)


@pytest.mark.parametrize("exercise", grader.EXERCISES, ids=lambda e: e.name)
def test_stub_imports_cleanly_and_documents_every_public_name(exercise: grader.Exercise) -> None:
    stub, reference = load(exercise.stub_path), load(exercise.reference_path)
    public = [name for name in vars(reference) if not name.startswith("_") and getattr(getattr(reference, name), "__module__", None) == reference.__name__]
    for name in public:
        assert hasattr(stub, name), f"the stub lacks {name}"
        assert getattr(stub, name).__doc__, f"the stub's {name} has no docstring"


def test_reference_manual_sgd_equals_torch_sgd_for_every_option_combination() -> None:
    reference = load(grader.find_exercise(3).reference_path)
    for momentum in (0.0, 0.9):
        for weight_decay in (0.0, 0.1):
            for nesterov in ((False, True) if momentum else (False,)):
                options = dict(lr=0.1, momentum=momentum, weight_decay=weight_decay, nesterov=nesterov)
                ours = torch.nn.Parameter(torch.linspace(-1, 1, 5, dtype=torch.float64))
                theirs = torch.nn.Parameter(ours.detach().clone())
                optimizers = [(ours, reference.ManualSGD([ours], **options)), (theirs, torch.optim.SGD([theirs], **options))]
                for _ in range(6):
                    for param, optimizer in optimizers:
                        optimizer.zero_grad()
                        (param**4 - param).sum().backward()
                        optimizer.step()
                assert torch.equal(ours, theirs), options


def test_reference_backward_equals_autograd() -> None:
    reference = load(grader.find_exercise(3).reference_path)
    generator = torch.Generator().manual_seed(0)
    x = torch.randn(30, 4, generator=generator, dtype=torch.float64)
    targets = (torch.rand(30, generator=generator) > 0.5).double()
    model = reference.LogisticRegression(4).double()
    with torch.no_grad():
        model.weight.normal_(generator=generator)
        model.bias.normal_(generator=generator)
    torch.nn.functional.binary_cross_entropy(model(x), targets).backward()
    expected = [model.weight.grad.clone(), model.bias.grad.clone()]
    model.backward(x, targets, model(x).detach())
    assert torch.allclose(model.weight.grad, expected[0], rtol=1e-12, atol=1e-14)
    assert torch.allclose(model.bias.grad, expected[1], rtol=1e-12, atol=1e-14)


def test_selftest_finds_no_problem() -> None:
    assert grader.selftest(device="cpu") == []
