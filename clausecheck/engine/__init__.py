"""The rule engine: rule packs as data, compiled once per process into spaCy matchers.

>>> from clausecheck.engine import load_rules
>>> rules = load_rules()                                  # doctest: +SKIP
>>> rules.match("Les prix sont révisables selon l'indice Syntec.", "fr")   # doctest: +SKIP
[Evidence(source='rule', label='review', ..., rule='REV-PRICE-INDEX', ...)]

Rule packs are folders of YAML files (one rule per file, see ``rules/README.md``).
The built-in pack is the repository's top-level ``rules/`` folder; user folders
are layered on top of it, a user rule replacing a built-in rule of the same code.
"""

from __future__ import annotations

import fnmatch
import site
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from clausecheck.engine.loader import LoadedRule, RulePackError, RuleProblem, load_folders
from clausecheck.engine.matcher import LanguageMatcher
from clausecheck.engine.schema import RuleSpec
from clausecheck.evidence import Evidence
from clausecheck.nlp import Mode, get_nlp

__all__ = ["Example", "RulePackError", "RuleProblem", "RuleSet", "RuleSpec", "default_rules_dir", "load_rules"]

LANGUAGES = ("fr", "en")


def default_rules_dir() -> Path:
    """The built-in rule pack.

    Looked for next to the package (source checkout or editable install), then
    where ``setup.cfg`` ``data_files`` installs it: ``<prefix>/share/clausecheck/rules``
    (``sys.prefix``, then the user base for ``pip install --user``).
    """
    candidates = [Path(__file__).resolve().parents[2] / "rules",
                  Path(sys.prefix) / "share" / "clausecheck" / "rules",
                  Path(site.getuserbase()) / "share" / "clausecheck" / "rules"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


@dataclass(frozen=True)
class Example:
    """One example of one rule, run in one language (what the generated tests and ``validate`` check)."""

    rule: LoadedRule
    kind: str
    """``match`` or ``no_match``."""
    index: int
    text: str
    lang: str

    @property
    def where(self) -> str:
        """``path:line`` of the example in its rule file."""
        return f"{self.rule.path}:{self.rule.line_of(('examples', self.kind, self.index))}"

    @property
    def id(self) -> str:
        """Stable test id: ``CODE-match-0-fr``."""
        return f"{self.rule.spec.code}-{self.kind}-{self.index}-{self.lang}"


class RuleSet:
    """A loaded, validated set of rules; compiles per (language, mode) on first use."""

    def __init__(self, rules: Sequence[LoadedRule]):
        self.loaded = tuple(sorted(rules, key=lambda rule: rule.spec.code))
        self._compiled: dict[tuple[str, str], LanguageMatcher] = {}

    @property
    def rules(self) -> tuple[RuleSpec, ...]:
        """Every rule, by code."""
        return tuple(rule.spec for rule in self.loaded)

    def __len__(self) -> int:
        return len(self.loaded)

    def __iter__(self) -> Iterator[RuleSpec]:
        return iter(self.rules)

    def get(self, code: str) -> LoadedRule | None:
        """The rule with ``code`` (and its file), or None."""
        return next((rule for rule in self.loaded if rule.spec.code == code), None)

    def for_language(self, lang: str) -> tuple[RuleSpec, ...]:
        """The rules that run on ``lang``."""
        return tuple(spec for spec in self.rules if lang in spec.languages)

    def compiled(self, lang: str, mode: Mode = "fast") -> LanguageMatcher:
        """The matchers of ``lang`` for the ``mode`` pipeline (built once)."""
        key = (lang, mode)
        if key not in self._compiled:
            self._compiled[key] = LanguageMatcher(get_nlp(lang, mode), lang, self.for_language(lang))
        return self._compiled[key]

    def match(self, text: str, lang: str, offset: int = 0, mode: Mode = "fast") -> list[Evidence]:
        """Evidence of every rule on ``text`` (one clause); offsets are ``offset`` + position in ``text``."""
        if lang not in LANGUAGES:
            return []
        return self.compiled(lang, mode).match(text, offset)

    def match_doc(self, doc: Doc, lang: str, offset: int = 0, mode: Mode = "fast") -> list[Evidence]:
        """Same as :meth:`match` on a text already processed by ``get_nlp(lang, mode)``."""
        return self.compiled(lang, mode).match_doc(doc, offset)

    def examples(self) -> Iterator[Example]:
        """Every example of every rule, in each language it applies to."""
        for rule in self.loaded:
            spec = rule.spec
            for kind in ("match", "no_match"):
                for index, example in enumerate(getattr(spec.examples, kind)):
                    for lang in [example.lang] if example.lang else spec.languages:
                        yield Example(rule, kind, index, example.text, lang)

    def check(self, example: Example, mode: Mode = "fast") -> bool:
        """Whether ``example`` behaves as declared: its rule fires on ``match``, stays silent on ``no_match``."""
        fired = any(item.rule == example.rule.spec.code for item in self.match(example.text, example.lang, mode=mode))
        return fired == (example.kind == "match")

    def check_examples(self, mode: Mode = "fast") -> list[RuleProblem]:
        """A problem (RC050) for every example that does not behave as declared."""
        problems = []
        for example in self.examples():
            if not self.check(example, mode):
                path, line = example.where.rsplit(":", 1)
                verb = "does not fire" if example.kind == "match" else "fires"
                problems.append(RuleProblem(path, int(line), f"examples.{example.kind}.{example.index}", "RC050",
                                            f"rule {verb} on {example.lang} example: {example.text!r}"))
        return problems


def _disabled(spec: RuleSpec, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(spec.code, pattern) or fnmatch.fnmatchcase(spec.name, pattern)
               for pattern in patterns)


@lru_cache(maxsize=16)
def _load(folders: tuple[Path, ...], disabled: frozenset[str]) -> RuleSet:
    return RuleSet([rule for rule in load_folders(folders) if not _disabled(rule.spec, disabled)])


def load_rules(dirs: Iterable[str | Path] | None = None, disabled: Iterable[str] = (),
               builtin: bool = True) -> RuleSet:
    """Load the built-in rule pack, then each folder of ``dirs`` on top of it (same code: the later one wins).

    ``disabled`` holds codes or names to leave out; shell-style wildcards work
    (``RIG-*``, ``review.price.*``). The result is cached per process for the
    same arguments, so matchers compile once. Raises :class:`RulePackError`
    with every problem of every file.
    """
    folders = [default_rules_dir()] if builtin else []
    folders += [Path(folder).resolve() for folder in dirs or ()]
    return _load(tuple(folders), frozenset(disabled))
