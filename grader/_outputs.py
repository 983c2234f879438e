"""The files ``grader grade`` writes for a class, and ``merge`` for shard outputs.

Every writer is a pure function of the learner documents, so a merge of shards is byte-identical
to an unsharded run. Layout of an output folder::

    learners/<learner>.json             the learner document (source of truth, one per learner)
    gradescope/<learner>/results.json   Gradescope autograder results
    gradebook.csv  junit.xml  summary.md
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import secrets
import statistics
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from grader._report import STATUSES, _number

LEARNERS = "learners"
GRADESCOPE = "gradescope"
GRADEBOOK = "gradebook.csv"
JUNIT = "junit.xml"
SUMMARY = "summary.md"

_TOP_FAILED = 10
_MAX_INCIDENT_ROWS = 50
_MAX_NAMES = 10
_MESSAGE_WIDTH = 100
_MAX_ID_BYTES = 250  # the learner file adds ".json"; most file systems stop at 255 bytes
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_WHITESPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"(\d+)$")


class MergeError(Exception):
    """Shard outputs that cannot be merged; the message says why, in one line."""


# -- learner ids and documents ------------------------------------------------------------------


def is_valid_learner_id(name: str) -> bool:
    """Whether ``name`` can be a learner id: one printable folder name, not hidden (unicode is fine)."""
    return (
        isinstance(name, str)
        and name != ""
        and not name.startswith(".")
        and "/" not in name
        and "\\" not in name
        and name.isprintable()
        and len(name.encode("utf-8")) <= _MAX_ID_BYTES
    )


def learner_path(out: Path, learner: str) -> Path:
    """Where a learner's document lives in the output folder ``out``."""
    if not is_valid_learner_id(learner):
        raise ValueError(f"not a valid learner id: {learner!r}")
    return Path(out) / LEARNERS / f"{learner}.json"


def write_learner(out: Path, doc: dict[str, Any]) -> None:
    """Write a learner's document and its Gradescope results, each atomically."""
    learner = doc["learner"]
    _write_atomic(learner_path(out, learner), _json_bytes(doc))
    _write_atomic(Path(out) / GRADESCOPE / learner / "results.json", _json_bytes(gradescope_results(doc)))


def load_learners(out: Path) -> dict[str, dict[str, Any]]:
    """Every well-formed learner document under ``out/learners``, by learner id (sorted).

    A file that is not valid JSON or not a learner document is skipped: it will be regraded.
    """
    folder = Path(out) / LEARNERS
    if not folder.is_dir():
        return {}
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            doc = json.loads(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, ValueError):
            continue
        if _is_learner_doc(doc) and doc["learner"] == path.stem:
            docs[path.stem] = doc
    return docs


def _is_learner_doc(doc: Any) -> bool:
    """Whether ``doc`` has the shape every writer here relies on."""
    return (
        isinstance(doc, dict)
        and isinstance(doc.get("learner"), str)
        and is_valid_learner_id(doc["learner"])
        and isinstance(doc.get("fingerprint"), str)
        and _is_number(doc.get("score"))
        and _is_number(doc.get("max_score"))
        and isinstance(doc.get("exercises"), dict)
        and all(isinstance(name, str) and _is_report_doc(report) for name, report in doc["exercises"].items())
    )


def _is_report_doc(doc: Any) -> bool:
    return (
        isinstance(doc, dict)
        and _is_number(doc.get("score"))
        and _is_number(doc.get("max_score"))
        and isinstance(doc.get("tests"), list)
        and isinstance(doc.get("incidents", []), list)
        and all(isinstance(line, str) for line in doc.get("incidents", []))
        and all(
            isinstance(test, dict)
            and isinstance(test.get("name"), str)
            and test.get("status") in STATUSES
            and _is_number(test.get("score"))
            and _is_number(test.get("max_score"))
            and isinstance(test.get("message", ""), str)
            for test in doc["tests"]
        )
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


# -- exercises ----------------------------------------------------------------------------------


def exercise_order(names: Iterable[str]) -> list[str]:
    """Distinct exercise names by their number (``exercise2`` before ``exercise10``), then by name."""

    def key(name: str) -> tuple[int, int, str]:
        match = _NUMBER.search(name)
        return (0, int(match[1]), name) if match else (1, 0, name)

    return sorted(set(names), key=key)


def _exercise_number(name: str) -> str:
    match = _NUMBER.search(name)
    return match[1] if match else name


# -- Gradescope ---------------------------------------------------------------------------------


def gradescope_results(doc: dict[str, Any]) -> dict[str, Any]:
    """A learner document as a Gradescope autograder ``results.json``.

    One Gradescope test per grader test (skipped ones count 0 of 0), and a top-level output line
    per exercise. Gradescope takes the total from the assignment, so only ``score`` is top-level.
    """
    exercises = doc["exercises"]
    lines = []
    tests = []
    for name in exercise_order(exercises):
        report = exercises[name]
        title = report.get("title", "")
        line = f"{name}{f' · {title}' if title else ''}: {_fmt(report['score'])}/{_fmt(report['max_score'])}"
        if not report.get("submitted", True):
            line += " (not submitted)"
        lines.append(line)
        lines.extend(f"  {incident}" for incident in report.get("incidents", []))
        for index, test in enumerate(report["tests"], start=1):
            skipped = test["status"] == "skipped"
            message = test.get("message", "")
            tests.append(
                {
                    "name": f"{name}: {test['name']}",
                    "number": f"{_exercise_number(name)}.{index}",
                    "score": 0 if skipped else _number(test["score"]),
                    "max_score": 0 if skipped else _number(test["max_score"]),
                    "status": "passed" if test["status"] in ("passed", "skipped") else "failed",
                    "output": f"skipped: {message}" if skipped else message,
                    "output_format": "text",
                    "visibility": "visible",
                }
            )
    lines.append(f"Total: {_fmt(doc['score'])}/{_fmt(doc['max_score'])}")
    return {
        "score": _number(doc["score"]),
        "output": "\n".join(lines),
        "output_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
    }


def gradescope_from_reports(docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Gradescope results for one learner from ``{exercise name: grader check --json document}``."""
    score = _number(sum(doc["score"] for doc in docs.values()))
    max_score = _number(sum(doc["max_score"] for doc in docs.values()))
    return gradescope_results({"learner": "", "score": score, "max_score": max_score, "exercises": docs})


# -- class aggregates ---------------------------------------------------------------------------


def write_aggregates(out: Path, exercises: list[str], docs: Iterable[dict[str, Any]], *, complete: bool = True) -> None:
    """Write ``gradebook.csv``, ``junit.xml`` and ``summary.md`` for ``exercises``, each atomically.

    ``complete=False`` marks the summary as the partial results of an interrupted run.
    """
    by_learner = {doc["learner"]: doc for doc in docs}
    ordered = [by_learner[learner] for learner in sorted(by_learner)]
    out = Path(out)
    _write_atomic(out / GRADEBOOK, gradebook_csv(exercises, ordered).encode("utf-8"))
    _write_atomic(out / JUNIT, junit_xml(exercises, ordered).encode("utf-8"))
    _write_atomic(out / SUMMARY, _utf8(summary_md(exercises, ordered, complete=complete)))


def gradebook_csv(exercises: list[str], docs: list[dict[str, Any]]) -> str:
    """One row per learner (in the given order): points per exercise, total and max_total."""
    full = _full_points(exercises, docs)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["learner", *exercises, "total", "max_total"])
    for doc in docs:
        reports = doc["exercises"]
        scores = [reports[name]["score"] if name in reports else 0 for name in exercises]
        max_total = sum(reports[name]["max_score"] if name in reports else full[name] for name in exercises)
        writer.writerow([doc["learner"], *(_fmt(score) for score in scores), _fmt(sum(scores)), _fmt(max_total)])
    return buffer.getvalue()


def junit_xml(exercises: list[str], docs: list[dict[str, Any]]) -> str:
    """A JUnit report: a testsuite per learner, a testcase per exercise test; no times."""
    root = ET.Element("testsuites", name="pytorch-grader")
    totals = Counter[str]()
    for doc in docs:
        learner = doc["learner"]
        suite = ET.SubElement(root, "testsuite", name=_xml_text(learner))
        counts = Counter[str]()
        for name in exercises:
            report = doc["exercises"].get(name)
            if report is None:
                continue
            for test in report["tests"]:
                case = ET.SubElement(suite, "testcase", classname=_xml_text(f"{learner}.{name}"), name=_xml_text(test["name"]))
                message = _xml_text(test.get("message", ""))
                status = test["status"]
                counts["tests"] += 1
                if status == "failed":
                    counts["failures"] += 1
                    kind = "not submitted" if not report.get("submitted", True) else "failed"
                    ET.SubElement(case, "failure", message=message, type=kind).text = message
                elif status in ("error", "timeout"):
                    counts["errors"] += 1
                    ET.SubElement(case, "error", message=message, type=status).text = message
                elif status == "skipped":
                    counts["skipped"] += 1
                    ET.SubElement(case, "skipped", message=message)
        for key in ("tests", "failures", "errors", "skipped"):
            suite.set(key, str(counts[key]))
        totals.update(counts)
    for key in ("tests", "failures", "errors", "skipped"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def summary_md(exercises: list[str], docs: list[dict[str, Any]], *, complete: bool = True) -> str:
    """The instructor's first read, fit for a GitHub Actions job summary."""
    lines = ["# Grading summary", ""]
    count = len(docs)
    lines.append(f"**{count} learner{'' if count == 1 else 's'} graded** on {', '.join(exercises) or 'no exercises'}.")
    if not complete:
        lines += ["", "> **The run was interrupted: these are partial results.** Rerun the same command to finish."]
    if not docs:
        return "\n".join(lines) + "\n"
    lines += ["", *_scores_section(exercises, docs)]
    lines += ["", *_failed_section(exercises, docs)]
    lines += ["", *_incidents_section(exercises, docs)]
    lines += ["", *_not_submitted_section(exercises, docs)]
    return "\n".join(lines) + "\n"


def _scores_section(exercises: list[str], docs: list[dict[str, Any]]) -> list[str]:
    full = _full_points(exercises, docs)
    lines = [
        "## Scores",
        "",
        "Mean and median are over the learners who submitted the exercise; the total row is over all learners.",
        "",
        "| exercise | title | submitted | mean | median | max points | full marks |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in exercises:
        reports = [doc["exercises"][name] for doc in docs if name in doc["exercises"]]
        title = next((report["title"] for report in reports if report.get("title")), "")
        submitted = [report for report in reports if report.get("submitted", True)]
        scores = [report["score"] for report in submitted]
        full_marks = sum(1 for report in submitted if report["max_score"] > 0 and report["score"] >= report["max_score"])
        lines.append(_row(name, title, len(submitted), *_mean_median(scores), _fmt(full[name]), full_marks))
    totals = [sum(doc["exercises"][name]["score"] for name in exercises if name in doc["exercises"]) for doc in docs]
    max_total = sum(full.values())
    full_marks = sum(1 for total in totals if max_total > 0 and total >= max_total)
    lines.append(_row("**total**", "", len(docs), *_mean_median(totals), _fmt(max_total), full_marks))
    return lines


def _failed_section(exercises: list[str], docs: list[dict[str, Any]]) -> list[str]:
    failures: dict[tuple[str, str], Counter[str]] = {}
    names: dict[tuple[str, str], str] = {}
    for doc in docs:
        for exercise in exercises:
            report = doc["exercises"].get(exercise)
            if report is None or not report.get("submitted", True):
                continue
            seen = set()
            for test in report["tests"]:
                key = (exercise, test.get("id", test["name"]))
                if test["status"] in ("failed", "error", "timeout") and key not in seen:
                    seen.add(key)
                    failures.setdefault(key, Counter())[test.get("message", "")] += 1
                    names.setdefault(key, test["name"])
    rank = {name: index for index, name in enumerate(exercises)}
    top = sorted(failures, key=lambda key: (-failures[key].total(), rank[key[0]], names[key], key[1]))[:_TOP_FAILED]
    lines = ["## Most often failed tests", ""]
    if not top:
        return [*lines, "No test failed in a submitted exercise."]
    lines += ["| exercise | test | learners | most common message |", "| --- | --- | ---: | --- |"]
    for key in top:
        message = min(failures[key].items(), key=lambda item: (-item[1], item[0]))[0]
        lines.append(_row(key[0], names[key], failures[key].total(), _truncate(message)))
    return lines


def _incidents_section(exercises: list[str], docs: list[dict[str, Any]]) -> list[str]:
    rows = []
    for doc in docs:
        for exercise in exercises:
            report = doc["exercises"].get(exercise)
            if report is None:
                continue
            lines = list(report.get("incidents", []))
            lines += [f"timed out: {test['name']}" for test in report["tests"] if test["status"] == "timeout"]
            rows += [(doc["learner"], exercise, line) for line in dict.fromkeys(lines)]
    lines = ["## Learners who hit limits or crashed", ""]
    if not rows:
        return [*lines, "None."]
    lines += ["| learner | exercise | incident |", "| --- | --- | --- |"]
    lines += [_row(learner, exercise, _truncate(line)) for learner, exercise, line in rows[:_MAX_INCIDENT_ROWS]]
    if len(rows) > _MAX_INCIDENT_ROWS:
        lines += ["", f"… and {len(rows) - _MAX_INCIDENT_ROWS} more; see `learners/<learner>.json`."]
    return lines


def _not_submitted_section(exercises: list[str], docs: list[dict[str, Any]]) -> list[str]:
    lines = ["## Not submitted", "", "| exercise | not submitted | learners |", "| --- | ---: | --- |"]
    for exercise in exercises:
        missing = [
            doc["learner"] for doc in docs if exercise in doc["exercises"] and not doc["exercises"][exercise].get("submitted", True)
        ]
        shown = ", ".join(missing[:_MAX_NAMES]) + (f", … and {len(missing) - _MAX_NAMES} more" if len(missing) > _MAX_NAMES else "")
        lines.append(_row(exercise, len(missing), shown))
    return lines


def _full_points(exercises: list[str], docs: list[dict[str, Any]]) -> dict[str, float]:
    """Each exercise's full points: its most common max_score in the class (the larger on ties)."""
    full = {}
    for name in exercises:
        counts = Counter(doc["exercises"][name]["max_score"] for doc in docs if name in doc["exercises"])
        full[name] = max(counts, key=lambda value: (counts[value], value)) if counts else 0
    return full


def _mean_median(scores: list[float]) -> tuple[str, str]:
    if not scores:
        return ("—", "—")
    return (_fmt(round(statistics.fmean(scores), 2)), _fmt(round(statistics.median(scores), 2)))


def _row(*cells: Any) -> str:
    return "| " + " | ".join(_md_cell(cell) for cell in cells) + " |"


def _md_cell(value: Any) -> str:
    """One table cell: a single line, with HTML and pipes escaped (bold markers in our own cells stay)."""
    text = _WHITESPACE.sub(" ", _xml_text(str(value))).strip()
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _truncate(text: str, width: int = _MESSAGE_WIDTH) -> str:
    text = _WHITESPACE.sub(" ", text).strip()
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


# -- merge --------------------------------------------------------------------------------------


def merge(sources: Sequence[Path], out: Path) -> list[str]:
    """Merge shard output folders into ``out`` (which may be one of them); returns the learner ids.

    The result is byte-identical to an unsharded run over the same learner documents.
    """
    out = Path(out)
    docs: dict[str, dict[str, Any]] = {}
    origin: dict[str, Path] = {}
    resolved = set()
    for source in map(Path, sources):
        if not (source / LEARNERS).is_dir():
            raise MergeError(f"{source} has no {LEARNERS}/ folder: it is not an output folder of `grader grade`")
        resolved.add(source.resolve())
        for learner, doc in load_learners(source).items():
            if learner in docs and docs[learner] != doc:
                raise MergeError(
                    f"learner {learner!r} is in both {origin[learner]} and {source} with different results; "
                    "remove one of the two files and merge again"
                )
            docs.setdefault(learner, doc)
            origin.setdefault(learner, source)
    if out.resolve() not in resolved:
        extra = sorted(set(load_learners(out)) - set(docs))
        if extra:
            raise MergeError(f"{out} already holds learners that are in none of the sources ({', '.join(extra[:5])}); merge into an empty folder")
    exercises = exercise_order(name for doc in docs.values() for name in doc["exercises"])
    learners = sorted(docs)
    for learner in learners:
        write_learner(out, docs[learner])
    write_aggregates(out, exercises, (docs[learner] for learner in learners))
    return learners


# -- writing ------------------------------------------------------------------------------------


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once: temp file in the same folder, fsync, rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = path.parent / f".tmp-{secrets.token_hex(8)}.part"
        try:
            fd = os.open(temp, flags, 0o666)  # the umask applies, as for any new file
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _json_bytes(doc: Any) -> bytes:
    return _utf8(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


def _utf8(text: str) -> bytes:
    """UTF-8; a lone surrogate (from undecodable learner output) becomes its ``\\udcXX`` escape, still valid JSON."""
    return text.encode("utf-8", "backslashreplace")


def _xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (control characters, lone surrogates)."""
    return _XML_ILLEGAL.sub("", text)


def _fmt(value: float) -> str:
    """Points as text: ``12`` rather than ``12.0``, fractions to four places."""
    return str(_number(value))
