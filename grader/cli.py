"""The ``grader`` command: a thin layer over :mod:`grader`'s API."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click

from grader._catalog import EXERCISES, Exercise, find_exercise
from grader._check import DEVICES, GradingError, check
from grader._sandbox import Limits

EXIT_PASSED, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?\s*$", re.IGNORECASE)


class ExerciseType(click.ParamType):
    name = "exercise"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> Exercise:
        if isinstance(value, Exercise):
            return value
        try:
            return find_exercise(str(value))
        except LookupError as error:
            self.fail(str(error), param, ctx)


class ByteSize(click.ParamType):
    """``4G``, ``512M``, ``1.5GiB`` or a plain number of bytes."""

    name = "size"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE.match(str(value))
        if not match:
            self.fail(f"{value!r} is not a size such as 4G or 512M", param, ctx)
        number, unit = float(match.group(1)), match.group(2).lower()
        return int(number * 1024 ** " kmgt".index(unit or " "))


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(EXIT_USAGE)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pytorch-grader", prog_name="grader")
def main() -> None:
    """Auto-graded PyTorch exercises: check your work with instant, precise feedback."""


@main.command("list")
def list_command() -> None:
    """List the exercises."""
    for exercise in EXERCISES:
        click.echo(f"{exercise.name}  {exercise.title}")


@main.command("check")
@click.argument("exercise", type=ExerciseType())
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True, help="Where the suite runs.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document instead of the report.")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and what your code printed.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=Limits.timeout, show_default=True,
              help="Seconds allowed for each check (and for importing your file).")
@click.option("--memory", type=ByteSize(), default="4G", show_default=True, help="Memory allowed to your code.")
def check_command(exercise: Exercise, path: Path | None, device: str, as_json: bool, verbose: bool,
                  timeout: float, memory: int) -> None:
    """Check your solution to EXERCISE (exercise3, ex3 or 3).

    PATH defaults to exercises/exerciseN.py under the current directory.
    Exit status: 0 when every test passes, 1 when any fails, 2 on a usage or set-up error.
    """
    from grader._format import format_report

    try:
        report = check(exercise, path, device=device, limits=Limits(timeout=timeout, memory=memory))
    except GradingError as error:
        _fail(str(error))
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, verbose=verbose, encoding=sys.stdout.encoding))
    sys.exit(EXIT_PASSED if report.passed else EXIT_FAILED)


@main.command("selftest")
@click.argument("exercise", required=False, type=ExerciseType())
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True)
def selftest_command(exercise: Exercise | None, device: str) -> None:
    """For course authors: every reference must earn full marks and every stub zero."""
    from grader._selftest import selftest

    def show(kind: str, report: object) -> None:
        click.echo(f"{report.exercise} {kind:<9} {report.score:g}/{report.max_score:g}")  # type: ignore[attr-defined]

    try:
        problems = selftest([exercise] if exercise else EXERCISES, device=device, on_report=show)
    except GradingError as error:
        _fail(str(error))
    for problem in problems:
        click.secho(f"PROBLEM {problem}", fg="red", err=True)
    if problems:
        sys.exit(EXIT_FAILED)
    click.secho("selftest passed: every reference earns full marks and every stub zero", fg="green")


def run() -> None:
    """The console script: ``main``, then exit without tearing the interpreter down.

    Finalising an interpreter that holds torch takes about half a second, a fifth of a whole
    ``grader check``; everything worth keeping is flushed first, and the worker is gone already.
    """
    try:
        main()
        code = 0
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        if not isinstance(exit_.code, (int, type(None))):
            click.echo(exit_.code, err=True)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)
