"""An auto-grader for PyTorch basics exercises.

``check`` grades one learner file against an exercise's hidden suite: learner code runs in a
worker process, the suite's assertions in this one. ``grade`` grades a whole class in parallel
into a gradebook; ``merge`` combines the outputs of sharded runs. Within ``keep_warm()`` repeated calls
share a fork server, so torch is imported once. The CLI (``grader``) is a thin layer over this API;
instructors and tests may call it directly.
"""

from grader._catalog import (
    EXERCISES,
    Exercise,
    UnknownExercise,
    find_exercise,
    kit_root,
)
from grader._check import DEVICES, GradingError, check, default_path
from grader._grade import GradeOutcome, LearnerDone, check_all, grade
from grader._outputs import MergeError, merge
from grader._report import Report, TestResult
from grader._sandbox import Limits
from grader._selftest import SelftestProblem, selftest
from grader._warm import keep_warm

__all__ = [
    "DEVICES",
    "EXERCISES",
    "Exercise",
    "GradeOutcome",
    "GradingError",
    "LearnerDone",
    "Limits",
    "MergeError",
    "Report",
    "SelftestProblem",
    "TestResult",
    "UnknownExercise",
    "check",
    "check_all",
    "default_path",
    "find_exercise",
    "grade",
    "keep_warm",
    "kit_root",
    "merge",
    "selftest",
]

__version__ = "0.1.0"
