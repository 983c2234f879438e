"""An auto-grader for PyTorch basics exercises.

``check`` grades one learner file against an exercise's hidden suite: learner code runs in a
worker process, the suite's assertions in this one. The CLI (``grader``) is a thin layer over
this API; instructors and tests may call it directly.
"""

from grader._catalog import EXERCISES, Exercise, UnknownExercise, find_exercise, kit_root
from grader._check import DEVICES, GradingError, check, default_path
from grader._report import Report, TestResult
from grader._sandbox import Limits
from grader._selftest import SelftestProblem, selftest

__all__ = [
    "DEVICES",
    "EXERCISES",
    "Exercise",
    "GradingError",
    "Limits",
    "Report",
    "SelftestProblem",
    "TestResult",
    "UnknownExercise",
    "check",
    "default_path",
    "find_exercise",
    "kit_root",
    "selftest",
]

__version__ = "0.1.0"
