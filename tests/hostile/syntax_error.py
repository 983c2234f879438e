"""Hostile: a file that is not valid Python.

score: 0
message: SyntaxError
"""

from __future__ import annotations

class MyLinear(nn.Module:
    pass
