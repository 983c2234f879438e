"""Hostile: a docstring and nothing else.

score: 0
message: does not define
"""

from __future__ import annotations


