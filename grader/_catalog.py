"""The exercises the kit knows, and where their stub, reference and hidden suite live."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def kit_root() -> Path:
    """The folder holding ``exercises/`` and ``solutions/``.

    A wheel carries them in ``grader/_kit``; a source checkout (editable install) keeps them
    beside the ``grader`` package.
    """
    bundled = _PACKAGE_DIR / "_kit"
    if (bundled / "solutions").is_dir():
        return bundled
    return _PACKAGE_DIR.parent


@dataclass(frozen=True)
class Exercise:
    """One exercise of the course: its number, title and files."""

    number: int
    title: str

    @property
    def name(self) -> str:
        return f"exercise{self.number}"

    @property
    def filename(self) -> str:
        return f"{self.name}.py"

    @property
    def stub_path(self) -> Path:
        return kit_root() / "exercises" / self.filename

    @property
    def reference_path(self) -> Path:
        return kit_root() / "solutions" / self.filename

    @property
    def suite_dir(self) -> Path:
        return _PACKAGE_DIR / "suites" / self.name

    @property
    def probes_module(self) -> str:
        return f"grader.suites.{self.name}.probes"


EXERCISES: tuple[Exercise, ...] = (
    Exercise(1, "A custom nn.Module with nn.Parameter"),
    Exercise(2, "The autograd training loop and prediction"),
    Exercise(3, "Backward from scratch with an overridden optimizer"),
    Exercise(4, "A map-style Dataset with lazy transforms"),
    Exercise(5, "A custom collate_fn for variable-length sequences"),
    Exercise(6, "Samplers and reproducible DataLoaders"),
    Exercise(7, "Backward from scratch, the autograd way: custom torch.autograd.Function"),
    Exercise(8, "Inside nn.Module: apply, hooks, freezing and checkpoints"),
)

_NAME = re.compile(r"^(?:exercise|ex)?0*(\d+)(?:\.py)?$", re.IGNORECASE)


class UnknownExercise(LookupError):
    """An exercise name that matches none of the kit's exercises."""


def find_exercise(name: str | int) -> Exercise:
    """Resolve ``exercise3``, ``ex3``, ``3`` (or the int 3) to an :class:`Exercise`."""
    match = _NAME.match(str(name).strip())
    if match:
        number = int(match.group(1))
        for exercise in EXERCISES:
            if exercise.number == number:
                return exercise
    known = ", ".join(e.name for e in EXERCISES)
    raise UnknownExercise(f"unknown exercise {str(name)!r}; the kit has {known}")
