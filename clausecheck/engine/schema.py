"""The shape of one rule file, validated with pydantic at the edge where rule files come in.

The models here are used only by the loader; the rest of the engine works on
the validated :class:`RuleSpec` and never sees raw YAML.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from clausecheck.evidence import CLAUSE_TYPES

CODE_RE = re.compile(r"^(RIG|REV|INN|TYP|ATT)(-[A-Z0-9]+)+$")
NAME_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
PREFIX_EFFECT = {"RIG": "rigid", "REV": "review", "INN": "innovation"}
AttributeValue = str | bool | int | float
Lang = Literal["fr", "en"]
LANGS = ("fr", "en")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class EvidenceSpec(_Strict):
    """What a match is evidence for: an effect, a clause type, attributes, or several of these."""

    effect: Literal["rigid", "review", "innovation"] | None = None
    type: str | None = None
    direction: Literal["for", "against"] = "for"
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str | None) -> str | None:
        if value is not None and value not in CLAUSE_TYPES:
            raise PydanticCustomError("unknown_label", "unknown clause type '{value}' (see CLAUSE_TYPES)", {"value": value})
        return value

    @model_validator(mode="after")
    def _says_something(self) -> EvidenceSpec:
        if self.effect is None and self.type is None and not self.attributes:
            raise PydanticCustomError("missing", "evidence needs an effect, a type or attributes")
        return self


class ContextWords(_Strict):
    """Words (or short phrases) that, found near a match, change its weight by ``by``."""

    words: list[str] = Field(min_length=1)
    by: float = Field(gt=0, le=1)


class ContextSpec(_Strict):
    """Context that raises, lowers or cancels a match, looked for in a window around it."""

    window: int | Literal["sentence"] = 6
    raise_: list[ContextWords] = Field(default_factory=list, alias="raise")
    lower: list[ContextWords] = Field(default_factory=list)
    cancel_if: list[str] | dict[Lang, list[str]] = Field(default_factory=list)
    """Words that drop a match: one list for every language, or one list per language (a word of one
    language may be an ordinary word of the other: "information", "court")."""

    def cancel_words(self, lang: str) -> list[str]:
        """The ``cancel_if`` words that apply to ``lang``."""
        if isinstance(self.cancel_if, dict):
            return next((words for key, words in self.cancel_if.items() if key == lang), [])
        return self.cancel_if

    @field_validator("window")
    @classmethod
    def _positive(cls, value: int | str) -> int | str:
        if isinstance(value, int) and value < 0:
            raise PydanticCustomError("bad_value", "window must be >= 0 or 'sentence'")
        return value


class Example(_Strict):
    """One example sentence, optionally tied to one language of a bilingual rule."""

    text: str = Field(min_length=1)
    lang: Lang | None = None


def _example(item: Any) -> Any:
    if isinstance(item, str):
        return {"text": item}
    if isinstance(item, dict) and len(item) == 1 and next(iter(item)) in LANGS:
        lang, text = next(iter(item.items()))
        return {"text": text, "lang": lang}
    return item


def _examples(value: Any) -> Any:
    return [_example(item) for item in value] if isinstance(value, list) else value


def _per_language(value: Any, languages: Any) -> Any:
    """A list applies to every language of the rule; a mapping gives one list per language."""
    if isinstance(value, list) and isinstance(languages, list):
        return {lang: value for lang in languages if isinstance(lang, str)}
    return value


class ExamplesSpec(_Strict):
    """Sentences that must (``match``) and must not (``no_match``) produce the rule's evidence."""

    match: list[Example] = Field(min_length=1)
    no_match: list[Example] = Field(min_length=1)

    @field_validator("match", "no_match", mode="before")
    @classmethod
    def _wrap(cls, value: Any) -> Any:
        return _examples(value)


class RuleSpec(_Strict):
    """One rule file, validated."""

    code: str
    name: str
    languages: list[Lang] = Field(min_length=1)
    evidence: list[EvidenceSpec] = Field(min_length=1)
    weight: float = Field(ge=0, le=1)
    severity: Literal["info", "warning", "high"]
    message: str = Field(min_length=1)
    message_fr: str | None = Field(default=None, min_length=1)
    """The message in French, for reports written in French (``message`` otherwise)."""
    basis: str | None = None
    url: str | None = None
    where: Literal["any", "heading"] = "any"
    patterns: dict[Lang, list[list[dict[str, Any]]]] = Field(default_factory=dict)
    phrases: dict[Lang, list[str]] = Field(default_factory=dict)
    regex: dict[Lang, list[str]] = Field(default_factory=dict)
    context: ContextSpec = Field(default_factory=ContextSpec)
    examples: ExamplesSpec

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` when the rule has one, else the English ``message``."""
        return self.message_fr if lang == "fr" and self.message_fr else self.message

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not CODE_RE.match(value):
            raise PydanticCustomError(
                "bad_code", "code '{value}' is not UPPER-KEBAB with a RIG-, REV-, INN-, TYP- or ATT- prefix",
                {"value": value})
        return value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not NAME_RE.match(value):
            raise PydanticCustomError("bad_code", "name '{value}' is not dotted lower case (effect.topic.detail)",
                                      {"value": value})
        return value

    @field_validator("evidence", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, dict) else value

    @model_validator(mode="before")
    @classmethod
    def _spread(cls, data: Any) -> Any:
        if isinstance(data, dict):
            data = dict(data)
            for key in ("patterns", "phrases", "regex"):
                if key in data:
                    data[key] = _per_language(data[key], data.get("languages"))
        return data

    @field_validator("phrases")
    @classmethod
    def _phrases(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        if any(not phrase.strip() for phrases in value.values() for phrase in phrases):
            raise PydanticCustomError("bad_value", "empty phrase")
        return value

    @model_validator(mode="after")
    def _coherent(self) -> RuleSpec:
        cancel = self.context.cancel_if
        for key, per_language in (("patterns", self.patterns), ("phrases", self.phrases), ("regex", self.regex),
                                  ("context.cancel_if", cancel if isinstance(cancel, dict) else {})):
            stray = set(per_language) - set(self.languages)
            if stray:
                raise PydanticCustomError("unknown_label", "{key} for {langs} not in the rule's languages",
                                          {"key": key, "langs": ", ".join(sorted(stray))})
        for lang in self.languages:
            if not (self.patterns.get(lang) or self.phrases.get(lang) or self.regex.get(lang)):
                raise PydanticCustomError("no_matcher", "no patterns, phrases or regex for language {lang}",
                                          {"lang": lang})
            for kind, least in (("match", 2), ("no_match", 1)):
                count = sum(1 for ex in getattr(self.examples, kind) if ex.lang in (None, lang))
                if count < least:
                    raise PydanticCustomError("missing", "needs at least {least} {kind} example(s) in {lang}",
                                              {"least": least, "kind": kind, "lang": lang})
        prefix = self.code.split("-", 1)[0]
        first = self.evidence[0]
        if prefix in PREFIX_EFFECT and first.effect != PREFIX_EFFECT[prefix]:
            raise PydanticCustomError("bad_code", "code prefix {prefix}- needs a first evidence entry with effect {e}",
                                      {"prefix": prefix, "e": PREFIX_EFFECT[prefix]})
        if prefix == "TYP" and (first.type is None or first.effect is not None):
            raise PydanticCustomError("bad_code", "code prefix TYP- needs a first evidence entry with a type only")
        if prefix == "ATT" and not any(entry.attributes for entry in self.evidence):
            raise PydanticCustomError("bad_code", "code prefix ATT- needs an evidence entry with attributes")
        return self
