"""English and Korean: the language of human output, and a translation layer at the output boundary.

Feedback messages are built in English in many places (the suites' f-strings, :mod:`grader.expect`,
:mod:`grader.probing`, the sandbox). Rather than turning each into a catalog key, Korean output
translates each finished message here, with catalogs of patterns: an English pattern with
placeholders (``{what}``) maps to a Korean template. A placeholder written ``{name:t}`` is itself
translated (recursively, so a suite's "what" and "hint" phrases nest in the generic sentences of
``grader.expect``); a plain ``{name}`` is data (numbers, shapes, code, an exception's own text) and
is copied as it is; ``{name?}`` may be empty. ``{name:v}`` is a value: copied when it looks like
data (a number, a repr, code), else translated; ``{name:w}`` is one identifier (``torch.float32``)
``{name:n}`` a number, ``{name:a}`` any text (an exception's message, which may hold several
sentences), ``{name:e}`` an exception's class name and ``{name:c}`` code without backticks, all copied. A message is tried whole, then sentence by sentence.
Whatever finds no pattern stays in English and is reported by :func:`untranslated`, which the
kit's tests run over every message the stubs and the mutant corpus produce.

JSON output stays English-canonical; only human output (the report, hints, CLI texts) is translated.
CLI texts use explicit keys in :data:`TEXTS`.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

LANGS = ("en", "ko")
DEFAULT_LANG = "en"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def resolve_lang(option: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """``option`` when given, else the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set
    (``ko_KR.UTF-8`` -> ``ko``), else English."""
    if option:
        if option not in LANGS:
            raise ValueError(f"unknown language {option!r}; choose one of {', '.join(LANGS)}")
        return option
    environ = os.environ if environ is None else environ
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return "ko" if value.lower().startswith("ko") else DEFAULT_LANG
    return DEFAULT_LANG


# --------------------------------------------------------------------------- patterns

_PLACEHOLDER = re.compile(r"\{(\w+)(\?)?(?::([tvwecna]))?\}")
_KINDS = {
    "w": r"[\w.]+",
    "c": r"[^`]+",
    "n": r"[-+]?(?:[\d.]+(?:e[-+]?\d+)?|inf|nan)",
    "e": r"[A-Z]\w*(?:Error|Exception|Warning|Interrupt|Exit|Iteration)",
    "a": r".+?",
}
# Any other placeholder stops at a sentence boundary, so that data never swallows a following hint.
_WITHIN_SENTENCE = r"(?:(?!\. [A-Z`]).)"
_DATA = re.compile(r"""[-+\d\[({'"`<].*|None|True|False|nan|inf|torch\.\w+|[\w.]+\(.*\)""", re.DOTALL)


@dataclass(frozen=True)
class Rule:
    """One English pattern and its Korean template."""

    english: str
    korean: str
    regex: re.Pattern[str]
    nested: frozenset[str]
    values: frozenset[str]


def rule(english: str, korean: str) -> Rule:
    """Compile ``english`` (literal text with the placeholders described in the module docstring)."""
    parts, nested, values, position = [], set(), set(), 0
    for match in _PLACEHOLDER.finditer(english):
        parts.append(re.escape(english[position:match.start()]))
        name, optional, kind = match.groups()
        any_text = kind in ("t", "v")  # translated text may hold several sentences; data may not
        body = _KINDS.get(kind or "", ("." if any_text else _WITHIN_SENTENCE) + ("*" if optional else "+") + "?")
        parts.append(f"(?P<{name}>{body})")
        if kind in ("t", "v"):
            (nested if kind == "t" else values).add(name)
        position = match.end()
    parts.append(re.escape(english[position:]))
    return Rule(english, korean, re.compile("".join(parts), re.DOTALL), frozenset(nested), frozenset(values))


def rules(catalog: Mapping[str, str]) -> list[Rule]:
    """A catalog ``{english pattern: korean template}`` as rules, in order."""
    return [rule(english, korean) for english, korean in catalog.items()]


class Translator:
    """Translates finished English messages into Korean with pattern catalogs."""

    def __init__(self, catalogs: list[list[Rule]]) -> None:
        self.exact: dict[str, str] = {}
        self.patterns: list[Rule] = []
        for catalog in catalogs:
            for each in catalog:
                if each.regex.groupindex:
                    self.patterns.append(each)
                else:
                    self.exact.setdefault(each.english, each.korean)

    def translate(self, message: str) -> tuple[str, list[str]]:
        """``message`` in Korean, and the fragments that found no pattern (left in English)."""
        lines = [self._text(line) for line in message.split("\n")]
        return "\n".join(text for text, _ in lines), [fragment for _, missing in lines for fragment in missing]

    def _text(self, text: str) -> tuple[str, list[str]]:
        """A line: whole, else split into sentences at ". " before a capital letter."""
        whole = self._fragment(text)
        if not whole[1] or not _SENTENCE.search(text):
            return whole
        sentences = _SENTENCE.split(text)
        out, missing = [], []
        for sentence in sentences:
            korean, lost = self._fragment(sentence)
            if sentence.rstrip().endswith(".") and not korean.rstrip().endswith((".", "!", "?", ":")):
                korean = korean.rstrip() + "."  # the pattern matched without the full stop: put it back
            out.append(korean)
            missing += lost
        return " ".join(out), missing

    def _fragment(self, text: str) -> tuple[str, list[str]]:
        stripped = text.strip()
        if not stripped:
            return text, []
        for candidate in (stripped, _lower_first(stripped), stripped.rstrip(".")):
            if candidate in self.exact:
                return self.exact[candidate], []
        # Of every pattern that matches, keep the one that leaves the fewest fragments untranslated,
        # then the one that copies the fewest sentence ends as they are (a copied placeholder, such
        # as an exception's message, must not carry the English hints after it along), then the one
        # whose placeholders swallow the fewest sentence ends (a placeholder at the end of a pattern
        # must not take in the hint after it), then the least text copied as data: a catch-all must
        # not beat a precise sentence.
        best: tuple[int, int, int, int, str, list[str]] | None = None
        for candidate in dict.fromkeys((stripped, _lower_first(stripped), stripped.rstrip("."))):
            for each in self.patterns:
                match = each.regex.fullmatch(candidate)
                if match is None:
                    continue
                values, missing, copied_ends, swallowed, copied = {}, [], 0, 0, 0
                for name, value in match.groupdict().items():
                    ends = len(_SENTENCE.findall(value)) if value else 0
                    if name in each.values and _DATA.fullmatch(value.strip()) and not ends:
                        copied += len(value)
                    elif name in each.nested or name in each.values:
                        swallowed += ends
                        value, lost = self._text(value) if value else (value, [])
                        missing += lost
                    else:
                        copied_ends += ends
                        copied += len(value)
                    values[name] = value
                key = (len(missing), copied_ends, swallowed, copied)
                if best is None or key < best[:4]:
                    best = (*key, each.korean.format(**values), missing)
        return (best[4], best[5]) if best is not None else (text, [stripped])


_SENTENCE = re.compile(r"(?<=[^.\s]\.) (?=[A-Z`])")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@lru_cache(maxsize=None)
def translator() -> Translator:
    """The generic catalog, then each suite's ``grader.suites.exerciseN.messages_ko`` catalog."""
    from grader._catalog import EXERCISES
    from grader._messages_ko import CATALOG

    catalogs = [rules(CATALOG)]
    for exercise in EXERCISES:
        try:
            module = importlib.import_module(f"grader.suites.{exercise.name}.messages_ko")
        except ModuleNotFoundError:
            continue
        catalogs.append(rules(module.CATALOG))
    return Translator(catalogs)


def translate(message: str, lang: str) -> str:
    """``message`` in ``lang`` (English messages pass through; untranslated parts stay English)."""
    if lang == "en" or not message:
        return message
    return translator().translate(message)[0]


def untranslated(message: str) -> list[str]:
    """The fragments of ``message`` that have no Korean translation (empty: fully translated)."""
    return translator().translate(message)[1]


# --------------------------------------------------------------------------- CLI texts


def text(key: str, lang: str, **values: object) -> str:
    """The CLI text ``key`` in ``lang``, formatted with ``values``."""
    from grader._texts import TEXTS

    entry = TEXTS[key]
    return entry.get(lang, entry["en"]).format(**values)
