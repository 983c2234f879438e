"""Hostile: hands in the kit's own reference instead of a solution.

score: 0
message: 'solutions' is not available while grading
"""
from solutions.exercise1 import *  # noqa: F401,F403
