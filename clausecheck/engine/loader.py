"""Find, load and validate rule folders; report every problem of every file at once.

YAML is composed into nodes first so that each key keeps its line; a problem
is reported as ``path:line: key: RCxxx message``. Problem codes:

====== ==========================================================
RC001  invalid YAML
RC002  rule file is empty or not a mapping
RC003  duplicate key in a mapping
RC010  unknown key
RC011  missing key
RC012  bad type or value
RC013  unknown effect, clause type or language
RC014  bad code or name (format, or prefix not matching the evidence)
RC015  no matcher (needs patterns, phrases or regex)
RC020  duplicate rule code in one rule pack
RC021  duplicate rule name in one rule pack
RC030  invalid regular expression
RC031  invalid spaCy token pattern
RC040  rules folder not found or holds no rule file
RC050  an example does not behave as declared (``validate`` only)
====== ==========================================================
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from spacy.matcher import Matcher
from spacy.vocab import Vocab

from clausecheck.engine.schema import RuleSpec
from clausecheck.errors import ClauseCheckError

RULE_SUFFIXES = (".yaml", ".yml")
Loc = tuple[str | int, ...]
_PYDANTIC_CODES = {"extra_forbidden": "RC010", "missing": "RC011", "unknown_label": "RC013",
                   "bad_code": "RC014", "no_matcher": "RC015"}


@dataclass(frozen=True)
class RuleProblem:
    """One problem of one rule file, located by line."""

    path: str
    """Rule file (or folder) with the problem."""
    line: int
    """1-based line of the offending key (0 when the whole file is concerned)."""
    key: str
    """Dotted key path (``context.lower.0.by``), or ``-`` for the whole file."""
    code: str
    """Problem code (``RC010``...)."""
    message: str
    """What is wrong."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.code} {self.message}"


class RulePackError(ClauseCheckError):
    """One or more rule files are invalid; ``problems`` lists them all."""

    def __init__(self, problems: Sequence[RuleProblem]):
        self.problems = list(problems)
        files = len({problem.path for problem in self.problems})
        super().__init__("E130", cause=f"{len(self.problems)} problem(s) in {files} file(s)")

    def line(self) -> str:
        """One line: the code and how many problems (``str()`` lists them all)."""
        return f"{self.code} invalid rule pack: {self.cause}"

    def __str__(self) -> str:
        return "\n".join([self.line(), *map(str, self.problems)])


@dataclass(frozen=True)
class LoadedRule:
    """A validated rule and where it came from."""

    spec: RuleSpec
    """The rule."""
    path: str
    """Its file."""
    lines: dict[Loc, int]
    """Line of every key path in the file (used to locate examples)."""

    def line_of(self, loc: Loc) -> int:
        """Line of ``loc`` or of its closest enclosing key."""
        return _line_of(self.lines, loc)


def _line_of(lines: dict[Loc, int], loc: Loc) -> int:
    for size in range(len(loc), -1, -1):
        if loc[:size] in lines:
            return lines[loc[:size]]
    return 0


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], dupes: list[tuple[Loc, int]]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in seen:
                dupes.append(((*loc, key), key_node.start_mark.line + 1))
            seen.add(key)
            lines[(*loc, key)] = key_node.start_mark.line + 1
            _walk(value_node, (*loc, key), lines, dupes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, dupes)


def _key(loc: Loc) -> str:
    return ".".join(str(part) for part in loc) or "-"


def _pydantic_code(error: Any) -> str:
    if error["type"] == "literal_error" and any(part in ("effect", "languages", "lang") for part in error["loc"]):
        return "RC013"
    return _PYDANTIC_CODES.get(error["type"], "RC012")


def _check_matchers(spec: RuleSpec, path: str, lines: dict[Loc, int], vocab: Vocab) -> list[RuleProblem]:
    problems = []
    for lang, patterns in spec.patterns.items():
        for index, pattern in enumerate(patterns):
            try:
                Matcher(vocab, validate=True).add(spec.code, [pattern])
            except Exception as error:  # spaCy raises several types for bad patterns
                detail = "; ".join(line.strip("- ") for line in str(error).splitlines()[1:] if line.startswith("- "))
                loc = _yaml_loc(lines, "patterns", lang, index)
                problems.append(RuleProblem(path, _line_of(lines, loc), _key(loc), "RC031",
                                            f"invalid token pattern: {detail or error}"))
    for lang, expressions in spec.regex.items():
        for index, expression in enumerate(expressions):
            try:
                re.compile(expression)
            except re.error as error:
                loc = _yaml_loc(lines, "regex", lang, index)
                problems.append(RuleProblem(path, _line_of(lines, loc), _key(loc), "RC030",
                                            f"invalid regular expression: {error}"))
    unique = {(problem.line, problem.key): problem for problem in problems}  # a plain list serves every language
    return list(unique.values())


def _yaml_loc(lines: dict[Loc, int], key: str, lang: str, index: int) -> Loc:
    """Where item ``index`` of ``key`` is in the file: under a language key, or in a plain list."""
    return (key, lang, index) if (key, lang) in lines else (key, index)


def load_file(path: Path, vocab: Vocab | None = None) -> tuple[LoadedRule | None, list[RuleProblem]]:
    """Load and validate one rule file: the rule (None if invalid) and its problems."""
    name = str(path)
    try:
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        return None, [RuleProblem(name, line, "-", "RC001", f"invalid YAML: {error.problem or error}")]
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return None, [RuleProblem(name, 0, "-", "RC001", f"cannot read rule file: {error}")]
    if node is None or not isinstance(data, dict):
        return None, [RuleProblem(name, 1, "-", "RC002", "rule file must be a mapping of keys (code, name, ...)")]
    lines: dict[Loc, int] = {}
    dupes: list[tuple[Loc, int]] = []
    _walk(node, (), lines, dupes)
    problems = [RuleProblem(name, line, _key(loc), "RC003", "duplicate key") for loc, line in dupes]
    try:
        spec = RuleSpec.model_validate(data)
    except ValidationError as error:
        for item in error.errors():
            loc = tuple(part for part in item["loc"] if part != "function-after")
            problems.append(RuleProblem(name, _line_of(lines, loc), _key(loc), _pydantic_code(item), item["msg"]))
        return None, problems
    problems += _check_matchers(spec, name, lines, vocab or Vocab())
    if problems:
        return None, problems
    return LoadedRule(spec, name, lines), []


def rule_files(folder: Path) -> list[Path]:
    """Rule files under ``folder``, recursively, in a stable order (README and dot files skipped)."""
    return sorted(p for p in folder.rglob("*") if p.suffix in RULE_SUFFIXES and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def load_folder(folder: Path, vocab: Vocab | None = None) -> tuple[list[LoadedRule], list[RuleProblem]]:
    """Every rule of one rule pack folder, and every problem found (duplicates included)."""
    if not folder.is_dir():
        return [], [RuleProblem(str(folder), 0, "-", "RC040", "rules folder not found")]
    files = rule_files(folder)
    if not files:
        return [], [RuleProblem(str(folder), 0, "-", "RC040", "no rule file (*.yaml) in folder")]
    vocab = vocab or Vocab()
    rules: list[LoadedRule] = []
    problems: list[RuleProblem] = []
    for path in files:
        rule, found = load_file(path, vocab)
        problems += found
        if rule is not None:
            rules.append(rule)
    problems += _duplicates(rules)
    return rules, problems


def _duplicates(rules: Iterable[LoadedRule]) -> list[RuleProblem]:
    problems = []
    first_code: dict[str, LoadedRule] = {}
    first_name: dict[str, LoadedRule] = {}
    for rule in rules:
        for field, first, code in (("code", first_code, "RC020"), ("name", first_name, "RC021")):
            value = getattr(rule.spec, field)
            if value in first:
                other = first[value]
                problems.append(RuleProblem(rule.path, rule.line_of((field,)), field, code,
                                            f"duplicate {field} {value!r} (first in {other.path}:"
                                            f"{other.line_of((field,))})"))
            else:
                first[value] = rule
    return problems


def load_folders(folders: Sequence[Path]) -> list[LoadedRule]:
    """Load rule packs in order; a later pack's rule replaces an earlier one with the same code.

    Raises :class:`RulePackError` with the problems of all files of all folders.
    """
    vocab = Vocab()
    by_code: dict[str, LoadedRule] = {}
    problems: list[RuleProblem] = []
    for folder in folders:
        rules, found = load_folder(folder, vocab)
        problems += found
        for rule in rules:
            by_code[rule.spec.code] = rule
    if problems:
        raise RulePackError(problems)
    return list(by_code.values())
