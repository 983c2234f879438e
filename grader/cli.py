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
@click.argument("exercise", required=False)
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--all", "check_every", is_flag=True, help="Check every exercise of the kit in the current folder (or PATH).")
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True, help="Where the suite runs.")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "gradescope"]), default="text", show_default=True,
              help="The report, the JSON document, or Gradescope's results.json.")
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks and what your code printed.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=Limits.timeout, show_default=True,
              help="Seconds allowed for each check (and for importing your file).")
@click.option("--memory", type=ByteSize(), default="4G", show_default=True, help="Memory allowed to your code.")
def check_command(exercise: str | None, path: Path | None, check_every: bool, device: str, output_format: str,
                  as_json: bool, verbose: bool, timeout: float, memory: int) -> None:
    """Check your solution to EXERCISE (exercise3, ex3 or 3), or every exercise with --all.

    PATH defaults to exercises/exerciseN.py under the current directory (a .py file or a
    .ipynb notebook); with --all it is the kit folder (default: the current directory).
    Exit status: 0 when every test passes, 1 when any fails, 2 on a usage or set-up error.
    """
    from grader._format import format_report

    output_format = "json" if as_json else output_format
    limits = Limits(timeout=timeout, memory=memory)
    if check_every:
        if exercise is not None and path is not None:
            _fail("give either EXERCISE or --all, not both")
        _check_all(Path(exercise) if exercise is not None else None, device, output_format, verbose, limits)
    if exercise is None:
        _fail("missing EXERCISE (e.g. grader check exercise3), or --all")
    try:
        report = check(exercise, path, device=device, limits=limits)
    except GradingError as error:
        _fail(str(error))
    if output_format == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif output_format == "gradescope":
        from grader._outputs import gradescope_from_reports

        click.echo(json.dumps(gradescope_from_reports({report.exercise: report.to_json()}), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, verbose=verbose, encoding=sys.stdout.encoding))
    sys.exit(EXIT_PASSED if report.passed else EXIT_FAILED)


def _check_all(base: Path | None, device: str, output_format: str, verbose: bool, limits: Limits) -> None:
    from grader._format import format_report
    from grader._grade import check_all
    from grader._outputs import gradescope_from_reports

    try:
        reports = check_all(base, device=device, limits=limits)
    except GradingError as error:
        _fail(str(error))
    docs = {name: report.to_json() for name, report in reports.items()}
    if output_format == "gradescope":
        click.echo(json.dumps(gradescope_from_reports(docs), indent=2, ensure_ascii=False))
    elif output_format == "json":
        score = sum(report.score for report in reports.values())
        max_score = sum(report.max_score for report in reports.values())
        click.echo(json.dumps({"score": score, "max_score": max_score, "exercises": docs}, indent=2, ensure_ascii=False))
    else:
        for report in reports.values():
            if report.submitted:
                click.echo(format_report(report, verbose=verbose, encoding=sys.stdout.encoding))
            else:
                click.echo(f"{report.exercise}  {report.title}: not submitted (0/{report.max_score:g})\n")
        score = sum(report.score for report in reports.values())
        max_score = sum(report.max_score for report in reports.values())
        click.echo(f"Total: {score:g}/{max_score:g}")
    sys.exit(EXIT_PASSED if all(report.passed and report.submitted for report in reports.values()) else EXIT_FAILED)


@main.command("grade")
@click.argument("roster", type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), default="grading-results", show_default=True,
              help="Where gradebook.csv, learners/, junit.xml, summary.md and gradescope/ go.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Learners graded at once [default: the number of cores].")
@click.option("--exercises", "exercise_list", default=None, metavar="LIST", help="Only these exercises, e.g. 1,3 or exercise2.")
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True, help="Where the suites run.")
@click.option("--shard", default=None, metavar="K/N", help="Grade only the K-th of N equal parts of the roster (for CI matrices).")
@click.option("--force", is_flag=True, help="Regrade every learner, even those whose results are up to date.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=Limits.timeout, show_default=True,
              help="Seconds allowed for each check of each learner.")
@click.option("--memory", type=ByteSize(), default="4G", show_default=True, help="Memory allowed to each learner's code.")
def grade_command(roster: Path, out: Path, jobs: int | None, exercise_list: str | None, device: str, shard: str | None,
                  force: bool, timeout: float, memory: int) -> None:
    """Grade a class: ROSTER holds one folder per learner (the folder name is the learner id).

    Each learner's exerciseN.py (or exercises/exerciseN.py, or .ipynb) is graded against the
    hidden suites; a rerun with the same --out grades only learners whose files changed.
    Exit status: 0 when grading completed (whatever the learners scored), 2 on a usage or
    set-up error, 3 when the grader could not grade some learner, 130 when interrupted.
    """
    from grader._grade import grade
    from grader._progress import Progress
    from grader._roster import RosterError, parse_shard

    try:
        shard_range = parse_shard(shard) if shard else None
    except RosterError as error:
        _fail(str(error))
    exercises = [name for name in re.split(r"[,\s]+", exercise_list) if name] if exercise_list else None
    progress = Progress(sys.stderr)
    try:
        outcome = grade(roster, out, jobs=jobs, exercises=exercises, device=device, shard=shard_range, force=force,
                        limits=Limits(timeout=timeout, memory=memory), progress=progress.update)
    except GradingError as error:
        progress.finish()
        _fail(str(error))
    except KeyboardInterrupt:
        progress.finish()
        click.echo(f"interrupted: the learners graded so far are in {out}; rerun the same command to finish", err=True)
        sys.exit(130)
    progress.finish()
    click.echo(f"graded {len(outcome.graded)} learners, {len(outcome.reused)} already up to date; "
               f"results in {out} (gradebook.csv, summary.md)")
    for learner, why in outcome.grader_failures.items():
        click.secho(f"grader failure for {learner}: {why}", fg="red", err=True)
    sys.exit(3 if outcome.grader_failures else 0)


@main.command("merge")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", type=click.Path(path_type=Path), required=True, help="The folder to write the merged results to.")
def merge_command(sources: tuple[Path, ...], out: Path) -> None:
    """Combine the outputs of `grader grade --shard` runs into one, as an unsharded run makes."""
    from grader._outputs import MergeError, merge

    try:
        learners = merge(list(sources), out)
    except MergeError as error:
        _fail(str(error))
    click.echo(f"merged {len(learners)} learners from {len(sources)} folders into {out}")


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


@main.command("notebook")
@click.argument("exercise", required=False, type=ExerciseType())
@click.option("--all", "every", is_flag=True, help="Write a notebook for every exercise (into notebooks/ by default).")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="The notebook to write (default exerciseN.ipynb here), or with --all the folder (default notebooks/).")
@click.option("--force", is_flag=True, help="Overwrite notebooks that exist already: the work in them is lost.")
def notebook_command(exercise: Exercise | None, every: bool, output: Path | None, force: bool) -> None:
    """Write EXERCISE's stub as a Jupyter notebook, to work in Jupyter or Colab.

    Check it with `grader check EXERCISE exerciseN.ipynb` (its last cell does that). An existing
    file is never overwritten without --force (exit status 2).
    """
    import shlex

    from grader._notebook import write_notebooks

    if every == (exercise is not None):
        raise click.UsageError("give an EXERCISE, or --all for every exercise (not both)")
    if exercise is None:
        folder = output or Path("notebooks")
        targets = [(each, folder / f"{each.name}.ipynb") for each in EXERCISES]
    else:
        path = output or Path(f"{exercise.name}.ipynb")
        targets = [(exercise, path / f"{exercise.name}.ipynb" if path.is_dir() else path)]
    try:
        written = write_notebooks(targets, force=force)
    except OSError as error:
        _fail(str(error) if isinstance(error, FileExistsError) else f"cannot write {error.filename}: {error.strerror or error}")
    for path in written:
        click.echo(f"wrote {path}")
    if exercise is not None:
        click.echo(f"open it in Jupyter or Colab; check it with: grader check {exercise.name} {shlex.quote(str(written[0]))}")


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
