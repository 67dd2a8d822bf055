"""Compile the rules of one language into spaCy matchers and regexes, and run them on a clause.

A match is kept when it lies within one sentence (and, for ``where: heading``
rules, within the clause's heading line). Context words are then looked for in
a window of tokens around the match, the match itself included: ``cancel_if``
drops the match, ``raise`` / ``lower`` move its weight; a weight lowered to 0
drops it too. Each evidence entry of the rule then yields one :class:`Evidence`,
with a negative weight for ``direction: against``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc

from clausecheck.engine.schema import RuleSpec
from clausecheck.evidence import Evidence

T = TypeVar("T")
HEADING_TOKENS = 16
"""Without a newline, a ``where: heading`` match must end within the first tokens of the clause."""


def _norm(word: str) -> str:
    return word.lower().replace("\u2019", "'")


@dataclass(frozen=True)
class _Words:
    """Context words, each as a tuple of lower-case tokens, with their weight change."""

    seqs: tuple[tuple[str, ...], ...]
    by: float


def _compile_words(nlp: Language, words: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(_norm(token.text) for token in nlp.make_doc(word)) for word in words if word.strip())


@dataclass(frozen=True)
class CompiledRule:
    """One rule ready to run in one language."""

    spec: RuleSpec
    regexes: tuple[re.Pattern[str], ...]
    raise_: tuple[_Words, ...]
    lower: tuple[_Words, ...]
    cancel: tuple[tuple[str, ...], ...]


def _for(per_language: Mapping[Any, list[T]], lang: str) -> list[T]:
    """The items of ``lang`` in a per-language mapping of the rule spec."""
    return per_language.get(lang) or []


def _found(seqs: tuple[tuple[str, ...], ...], window: list[str]) -> bool:
    for seq in seqs:
        size = len(seq)
        for index in range(len(window) - size + 1):
            if tuple(window[index:index + size]) == seq:
                return True
    return False


class LanguageMatcher:
    """The compiled rules of one language for one spaCy pipeline."""

    def __init__(self, nlp: Language, lang: str, rules: Sequence[RuleSpec]):
        self.nlp = nlp
        self.lang = lang
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.rules: dict[str, CompiledRule] = {}
        for spec in rules:
            patterns, phrases = _for(spec.patterns, lang), _for(spec.phrases, lang)
            if patterns:
                self.matcher.add(spec.code, patterns)
            if phrases:
                self.phrases.add(spec.code, [nlp.make_doc(phrase) for phrase in phrases])
            ctx = spec.context
            self.rules[spec.code] = CompiledRule(
                spec=spec,
                regexes=tuple(re.compile(expr, re.IGNORECASE) for expr in _for(spec.regex, lang)),
                raise_=tuple(_Words(_compile_words(nlp, w.words), w.by) for w in ctx.raise_),
                lower=tuple(_Words(_compile_words(nlp, w.words), w.by) for w in ctx.lower),
                cancel=_compile_words(nlp, ctx.cancel_words(lang)),
            )
        self._regex_rules = [rule for rule in self.rules.values() if rule.regexes]

    def match(self, text: str, offset: int = 0) -> list[Evidence]:
        """Evidence of every rule on ``text``; offsets are shifted by ``offset``."""
        return self.match_doc(self.nlp(text), offset)

    def match_doc(self, doc: Doc, offset: int = 0) -> list[Evidence]:
        """Evidence of every rule on an already processed ``doc``."""
        spans: dict[str, list[tuple[int, int]]] = {}
        strings = self.nlp.vocab.strings
        hits = [*self.matcher(doc)] if len(self.matcher) else []
        hits += self.phrases(doc) if len(self.phrases) else []
        for match_id, start, end in hits:
            spans.setdefault(strings[match_id], []).append((start, end))
        text = doc.text  # spaCy rebuilds it on every access
        for rule in self._regex_rules:
            for regex in rule.regexes:
                for found in regex.finditer(text):
                    if found.end() > found.start():
                        span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                        if span is not None:
                            spans.setdefault(rule.spec.code, []).append((span.start, span.end))
        if not spans:
            return []
        sent_of = _sentence_bounds(doc, text)
        heading_end = _heading_end(doc)
        evidence: list[Evidence] = []
        for code, found_spans in spans.items():
            rule = self.rules[code]
            for start, end in _longest_first(found_spans):
                sent_start, sent_end = sent_of[start]
                if end > sent_end:
                    continue
                if rule.spec.where == "heading" and end > heading_end:
                    continue
                weight = _weigh(rule, doc, start, end, sent_start, sent_end)
                if weight <= 0:
                    continue
                evidence += _evidence(rule.spec, doc, start, end, weight, offset)
        evidence.sort(key=lambda item: (item.start or 0, item.rule or ""))
        return evidence


def _longest_first(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Non-overlapping spans, preferring the longest (then the earliest)."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= k_start or start >= k_end for k_start, k_end in kept):
            kept.append((start, end))
    return sorted(kept)


_LIST_ITEM = re.compile(r"\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-z]|\d{1,2})\.\s|[-\u2013\u2022*\u25aa])")
"""The start of a list item: ``(a)``, ``b)``, ``(iv)``, ``2)``, ``a. ``, a dash or a bullet."""
_LEAD_IN = re.compile(r":\s*(?:\n|$)")
"""A colon that ends a line: the lead-in of a list."""


def _sentence_bounds(doc: Doc, text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentence of each token, read from the SENT_START array (faster than ``doc.sents``).

    A lead-in that ends with a colon and the list items after it count as one
    sentence: "Buyer may terminate if: (a) Supplier breaches ..." is one
    provision for the rules, so a pattern may join the lead-in to an item.
    """
    starts = [i for i, flag in enumerate(doc.to_array(SENT_START).tolist()) if flag == 1 or i == 0]
    ranges = list(zip(starts, [*starts[1:], len(doc)], strict=True))
    merged: list[tuple[int, int]] = []
    in_list = False
    for begin, end in ranges:
        sentence = text[doc[begin].idx:doc[end - 1].idx + len(doc[end - 1])]  # slicing ``text`` builds no span
        if merged and in_list and _LIST_ITEM.match(sentence):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((begin, end))
            in_list = _LEAD_IN.search(sentence) is not None
    bounds: list[tuple[int, int]] = []
    for begin, end in merged:
        bounds += [(begin, end)] * (end - begin)
    return bounds


def _heading_end(doc: Doc) -> int:
    """Token index where the heading line ends (first token containing a newline)."""
    for token in doc[:HEADING_TOKENS * 2]:
        if "\n" in token.text or "\n" in token.whitespace_:
            return token.i + (0 if "\n" in token.text else 1)
    return min(len(doc), HEADING_TOKENS)


def _weigh(rule: CompiledRule, doc: Doc, start: int, end: int, sent_start: int, sent_end: int) -> float:
    """The rule's weight after context words; 0 when cancelled."""
    spec = rule.spec
    weight = spec.weight
    if not (rule.cancel or rule.raise_ or rule.lower):
        return weight
    window = spec.context.window
    if window == "sentence":
        lo, hi = sent_start, sent_end
    else:
        lo, hi = max(sent_start, start - int(window)), min(sent_end, end + int(window))
    words = [_norm(token.text) for token in doc[lo:hi]]
    if rule.cancel and _found(rule.cancel, words):
        return 0.0
    for group in rule.raise_:
        if _found(group.seqs, words):
            weight += group.by
    for group in rule.lower:
        if _found(group.seqs, words):
            weight -= group.by
    return round(min(1.0, max(0.0, weight)), 4)


def _evidence(spec: RuleSpec, doc: Doc, start: int, end: int, weight: float, offset: int) -> list[Evidence]:
    span = doc[start:end]
    items = []
    for entry in spec.evidence:
        items.append(Evidence(
            source="rule", label=entry.effect, clause_type=entry.type,
            weight=-weight if entry.direction == "against" else weight, rule=spec.code,
            start=offset + span.start_char, end=offset + span.end_char, text=span.text,
            attributes=dict(entry.attributes),
        ))
    return items
