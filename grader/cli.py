"""The ``grader`` command: a thin layer over :mod:`grader`'s API."""

from __future__ import annotations

import inspect
import json
import os
import re
import sys
from pathlib import Path

import click

from grader._catalog import EXERCISES, Exercise, find_exercise
from grader._check import DEVICES, GradingError, check, default_path
from grader._i18n import LANGS, resolve_lang, text
from grader._report import Report
from grader._sandbox import Limits
from grader._warm import keep_warm

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


def _lang() -> str:
    """The language chosen with --lang (on the group or the command), else from the environment."""
    ctx = click.get_current_context(silent=True)
    chosen = ctx.meta.get("grader.lang") if ctx is not None else None
    return chosen or resolve_lang(None)


def _t(key: str, **values: object) -> str:
    return text(key, _lang(), **values)


def _fail(message: str) -> None:
    click.echo(_t("error", message=message), err=True)
    sys.exit(EXIT_USAGE)


def _help(english: str | None) -> str | None:
    """``english`` help in the chosen language (English when Korean has no entry)."""
    from grader._texts import HELP_KO

    if english is None or _lang() == "en":
        return english
    return HELP_KO.get(inspect.cleandoc(english), english)


class _Option(click.Option):
    """An option whose help follows --lang."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        english = self.help
        self.help = _help(english)
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = english


class _HelpMixin:
    """Help texts, usage and section headings of a command in the chosen language."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        english = self.help  # type: ignore[has-type]
        self.help = _help(english)
        try:
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
        finally:
            self.help = english

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_t("click.usage"))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [(record[0], _help(record[1]) or "") for param in self.get_params(ctx)  # type: ignore[attr-defined]
                   if isinstance(param, click.Option) and (record := param.get_help_record(ctx)) is not None]
        if records:
            with formatter.section(_t("click.options")):
                formatter.write_dl(records)
        if isinstance(self, click.Group):
            rows = [(name, _help(command.get_short_help_str(limit=formatter.width)) or "")
                    for name in self.list_commands(ctx)
                    if (command := self.get_command(ctx, name)) is not None and not command.hidden]
            if rows:
                with formatter.section(_t("click.commands")):
                    formatter.write_dl(rows)

    def get_short_help_str(self, limit: int = 45) -> str:
        english = self.help  # type: ignore[has-type]
        return (_help(english) or "").split("\n\n", 1)[0].strip().replace("\n", " ")


class _Command(_HelpMixin, click.Command):
    pass


class _Group(_HelpMixin, click.Group):
    command_class = _Command

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        for param in cmd.params:
            if isinstance(param, click.Option) and not isinstance(param, _Option):
                param.__class__ = _Option
        super().add_command(cmd, name)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value:
        ctx.meta["grader.lang"] = value
    return value


def _lang_option(function):  # type: ignore[no-untyped-def]
    """``--lang en|ko`` on a command (the group has the same option)."""
    return click.option("--lang", type=click.Choice(LANGS), callback=_set_lang, expose_value=False, is_eager=True,
                        help="Language of the output: en or ko (default: from LC_ALL, LC_MESSAGES or LANG, else en).",
                        cls=_Option)(function)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="pytorch-grader", prog_name="grader", cls=_Option)
@_lang_option
def main() -> None:
    """Auto-graded PyTorch exercises: check your work with instant, precise feedback."""


@main.command("list")
@_lang_option
def list_command() -> None:
    """List the exercises."""
    lang = _lang()
    for exercise in EXERCISES:
        title = exercise.title if lang == "en" else text(f"title.{exercise.name}", lang)
        click.echo(f"{exercise.name}  {title}")


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
@click.option("--processes", type=click.IntRange(min=1), default=Limits.processes, show_default=True,
              help="Processes your code may run at once (DataLoader workers count).")
@_lang_option
def check_command(exercise: str | None, path: Path | None, check_every: bool, device: str, output_format: str,
                  as_json: bool, verbose: bool, timeout: float, memory: int, processes: int) -> None:
    """Check your solution to EXERCISE (exercise3, ex3 or 3), or every exercise with --all.

    PATH defaults to exercises/exerciseN.py under the current directory (a .py file or a
    .ipynb notebook); with --all it is the kit folder (default: the current directory).
    Exit status: 0 when every test passes, 1 when any fails, 2 on a usage or set-up error.
    """
    from grader._format import format_report

    output_format = "json" if as_json else output_format
    limits = Limits(timeout=timeout, memory=memory, processes=processes)
    if check_every:
        if exercise is not None and path is not None:
            _fail(_t("error.exercise_and_all"))
        _check_all(Path(exercise) if exercise is not None else None, device, output_format, verbose, limits)
    if exercise is None:
        _fail(_t("error.missing_exercise"))
    try:
        report = check(exercise, path, device=device, limits=limits)
    except GradingError as error:
        _fail(_translated(str(error)))
    _record([report])
    if output_format == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif output_format == "gradescope":
        from grader._outputs import gradescope_from_reports

        click.echo(json.dumps(gradescope_from_reports({report.exercise: report.to_json()}), indent=2, ensure_ascii=False))
    else:
        click.echo(format_report(report, verbose=verbose, encoding=sys.stdout.encoding, lang=_lang(), next_steps=True))
    sys.exit(EXIT_PASSED if report.passed else EXIT_FAILED)


def _translated(message: str) -> str:
    from grader._i18n import translate

    return translate(message, _lang())


def _load_state():  # type: ignore[no-untyped-def]
    """The learner's state file, with a one-line warning when it had to start fresh."""
    from grader._state import load_state

    state = load_state()
    if state.warning:
        click.echo(_t("warning.state", why=state.warning), err=True)
    return state


def _save_state(state) -> None:  # type: ignore[no-untyped-def]
    from grader._state import save_state

    try:
        save_state(state)
    except OSError as error:
        click.echo(_t("warning.state_write", path=state.path, why=error.strerror or error), err=True)


def _record(reports: list[Report]) -> None:
    """Keep each submitted report's outcome in the learner's state file; never fails the check."""
    from grader._state import record_check

    state = _load_state()
    for report in reports:
        if report.submitted:
            record_check(state, report)
    _save_state(state)


def _check_all(base: Path | None, device: str, output_format: str, verbose: bool, limits: Limits) -> None:
    from grader._format import format_report
    from grader._grade import check_all
    from grader._outputs import gradescope_from_reports

    try:
        reports = check_all(base, device=device, limits=limits)
    except GradingError as error:
        _fail(_translated(str(error)))
    _record(list(reports.values()))
    docs = {name: report.to_json() for name, report in reports.items()}
    if output_format == "gradescope":
        click.echo(json.dumps(gradescope_from_reports(docs), indent=2, ensure_ascii=False))
    elif output_format == "json":
        score = sum(report.score for report in reports.values())
        max_score = sum(report.max_score for report in reports.values())
        click.echo(json.dumps({"score": score, "max_score": max_score, "exercises": docs}, indent=2, ensure_ascii=False))
    else:
        lang = _lang()
        for report in reports.values():
            if report.submitted:
                click.echo(format_report(report, verbose=verbose, encoding=sys.stdout.encoding, lang=lang))
            else:
                title = report.title if lang == "en" else text(f"title.{report.exercise}", lang)
                click.echo(_t("check.not_submitted", exercise=report.exercise, title=title, max_score=f"{report.max_score:g}") + "\n")
        score = sum(report.score for report in reports.values())
        max_score = sum(report.max_score for report in reports.values())
        click.echo(_t("check.total", score=f"{score:g}", max_score=f"{max_score:g}"))
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
@click.option("--processes", type=click.IntRange(min=1), default=Limits.processes, show_default=True,
              help="Processes each learner's code may run at once (DataLoader workers count).")
def grade_command(roster: Path, out: Path, jobs: int | None, exercise_list: str | None, device: str, shard: str | None,
                  force: bool, timeout: float, memory: int, processes: int) -> None:
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
                        limits=Limits(timeout=timeout, memory=memory, processes=processes), progress=progress.update)
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


@main.command("diff")
@click.argument("exercise", type=ExerciseType())
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option("--color/--no-color", "color", default=None, help="Colour the diff (default: only on a terminal).")
@_lang_option
def diff_command(exercise: Exercise, path: Path | None, color: bool | None) -> None:
    """Show how your file differs from the reference of EXERCISE (a unified diff).

    PATH defaults to exercises/exerciseN.py under the current directory. Colours are used on a
    terminal; --color or --no-color decides. Exit status: 0 when identical, 1 when they differ.
    """
    from grader._diff import diff_lines, style_line
    from grader._submission import SubmissionError

    path = path or default_path(exercise)
    if not path.is_file():
        _fail(_t("error.no_file", path=path))
    try:
        lines = diff_lines(exercise, path, (_t("diff.yours"), _t("diff.reference")))
    except (OSError, UnicodeDecodeError, SubmissionError) as error:
        _fail(_translated(str(error)))
    if not lines:
        click.echo(_t("diff.same"))
        sys.exit(EXIT_PASSED)
    click.echo("\n".join(style_line(line) for line in lines), color=color)
    sys.exit(EXIT_FAILED)


@main.command("hint")
@click.argument("exercise", type=ExerciseType())
@_lang_option
def hint_command(exercise: Exercise) -> None:
    """A hint for the first failing test of your last check of EXERCISE.

    Each repeat is more detailed: what the test checks and why it failed, then the contract, then
    targeted hints. The level starts over when the first failing test changes.
    """
    from grader._hints import next_level, render_hint
    from grader._state import record_check

    state = _load_state()
    entry = state.last(exercise.name)
    if entry is None:
        click.echo(_t("hint.checking", exercise=exercise.name), err=True)
        try:
            report = check(exercise)
        except GradingError as error:
            _fail(_translated(str(error)))
        record_check(state, report)
        entry = state.exercises[exercise.name]
    failure = entry.get("first_failure")
    if not failure:
        _save_state(state)
        click.echo(_t("hint.all_pass", exercise=exercise.name))
        return
    level = next_level(entry.get("hint"), failure["id"], exercise)
    entry["hint"] = {"test": failure["id"], "level": level}
    _save_state(state)
    click.echo(render_hint(exercise, failure, level, _lang()))
    click.echo(_t("hint.stale", date=_date(entry.get("checked_at")), exercise=exercise.name))


def _date(stamp: object) -> str:
    """An ISO timestamp from the state file in local time, to the minute."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(stamp)).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return "?"


def _next_to_do(state) -> Exercise | None:  # type: ignore[no-untyped-def]
    """The first exercise whose last check did not pass (or that was never checked)."""
    for exercise in EXERCISES:
        entry = state.last(exercise.name)
        if not entry or not entry.get("passed"):
            return exercise
    return None


@main.command("status")
@_lang_option
def status_command() -> None:
    """Your progress: every exercise's last score and date, and the next one to do."""
    state = _load_state()
    lang = _lang()
    following = _next_to_do(state)
    click.secho(_t("status.heading"), bold=True)
    for exercise in EXERCISES:
        entry = state.last(exercise.name)
        title = exercise.title if lang == "en" else text(f"title.{exercise.name}", lang)
        marker = "→" if exercise == following else " "
        if entry is None:
            outcome = _t("status.never")
        else:
            score = f"{entry.get('score', 0):g}/{entry.get('max_score', 0):g}"
            done = f" {_t('status.passed')}" if entry.get("passed") else ""
            outcome = f"{score:>7}  {_date(entry.get('checked_at'))}{done}"
        click.echo(f"{marker} {exercise.name}  {outcome:<30}  {title}")
    if following is None:
        click.secho(_t("status.all_done"), fg="green")
    else:
        title = following.title if lang == "en" else text(f"title.{following.name}", lang)
        click.echo(_t("status.next", exercise=following.name, title=title))


@main.command("watch")
@click.argument("exercise", required=False, type=ExerciseType())
@click.option("--device", type=click.Choice(DEVICES), default="auto", show_default=True, help="Where the suite runs.")
@click.option("--interval", type=click.FloatRange(min=0.05), default=0.5, show_default=True,
              help="Seconds between looks at the file.")
@_lang_option
def watch_command(exercise: Exercise | None, device: str, interval: float) -> None:
    """Check EXERCISE again each time you save its file; move on to the next when it passes.

    Without EXERCISE, starts from the first exercise that does not pass yet. Ctrl-C stops.
    """
    from grader import _watch
    from grader._format import format_report

    lang = _lang()
    start = exercise or _next_to_do(_load_state()) or EXERCISES[0]
    terminal = sys.stdout.isatty()

    def run_check(current: Exercise, path: Path) -> Report | None:
        if terminal:
            click.clear()
        click.echo(_t("watch.watching", path=path, exercise=current.name))
        click.echo("")
        try:
            report = check(current, path, device=device)
        except GradingError as error:
            click.echo(_t("error", message=_translated(str(error))), err=True)
            return None
        _record([report])
        click.echo(format_report(report, encoding=sys.stdout.encoding, lang=lang, next_steps=True))
        return report

    try:
        with keep_warm():  # every check after the first forks its worker: no torch import per save
            last = _watch.watch(
                start, default_path, run_check, sleep=_watch.pause, interval=interval,
                on_waiting=lambda current, path: click.echo(_t("watch.waiting", path=path)),
                on_next=lambda done, following: click.secho(_t("watch.next", exercise=done.name, next=following.name),
                                                            fg="green"),
            )
    except KeyboardInterrupt:
        click.echo("\n" + _t("watch.stopped"))
        sys.exit(EXIT_PASSED)
    if last is None:
        click.secho(_t("watch.done"), fg="green")


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
