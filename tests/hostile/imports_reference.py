"""Hostile: hands in the kit's own reference instead of a solution."""
from solutions.exercise1 import *  # noqa: F401,F403
