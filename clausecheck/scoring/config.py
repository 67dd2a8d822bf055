"""Scoring weights and finding thresholds: a pydantic model loaded from TOML.

The shipped ``default.toml`` holds every weight with comments a legal team can
read; :func:`load_config` merges a user file over it and validates the result,
reporting every bad key or value at once (pydantic is used only at this edge).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from clausecheck.errors import UsageError


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleConfig(_Section):
    """Units at which each score reaches 63 (``1 - 1/e``)."""

    prescription: float = Field(gt=0)
    adaptability: float = Field(gt=0)
    innovation_room: float = Field(gt=0)
    confidence: float = Field(default=0.5, ge=0, le=1)
    """How far a decided effect's probability ``p`` weights its units: ``1 - confidence × (1 - p)``."""


class ConstraintConfig(_Section):
    """Weights of the headline score; normalised to sum 1."""

    prescription: float = Field(ge=0)
    adaptability: float = Field(ge=0)
    innovation_room: float = Field(ge=0)

    @model_validator(mode="after")
    def _not_all_zero(self) -> ConstraintConfig:
        if self.prescription + self.adaptability + self.innovation_room <= 0:
            raise ValueError("at least one constraint weight must be > 0")
        return self

    def normalised(self) -> tuple[float, float, float]:
        """The three weights divided by their sum."""
        total = self.prescription + self.adaptability + self.innovation_room
        return self.prescription / total, self.adaptability / total, self.innovation_room / total


class StrengthWeights(_Section):
    """Multiplier per provision strength."""

    strict: float = Field(ge=0)
    normal: float = Field(ge=0)
    soft: float = Field(ge=0)


class TriggerWeights(_Section):
    """Units per kind of review trigger."""

    numeric: float = Field(ge=0)
    periodic: float = Field(ge=0)
    event: float = Field(ge=0)
    none: float = Field(ge=0)


class PrescriptionConfig(_Section):
    """Units of a clause labelled ``rigid``."""

    base: float = Field(ge=0)
    extra_means_provision: float = Field(ge=0)
    max_provisions: int = Field(ge=1)
    strength: StrengthWeights
    freeze: dict[str, float]
    clause_type: dict[str, float]


class AdaptabilityConfig(_Section):
    """Units of a clause labelled ``review``."""

    base: float = Field(ge=0)
    trigger: TriggerWeights
    procedure: float = Field(ge=0)
    consequence: float = Field(ge=0)
    soft: float = Field(ge=0)
    unilateral: float = Field(ge=0)
    clause_type: dict[str, float]


class InnovationConfig(_Section):
    """Units of a clause labelled ``innovation``."""

    base: float = Field(ge=0)
    rewarded: float = Field(ge=0)
    result_based: float = Field(ge=0)
    variants_allowed: float = Field(ge=0)
    ip_shared: float = Field(ge=0)
    clause_type: dict[str, float]


class FindingsConfig(_Section):
    """Thresholds of the document findings."""

    long_term_months: float = Field(gt=0)
    firm_price_months: float = Field(ge=0)
    over_specification_share: float = Field(ge=0, le=1)
    over_specification_high: float = Field(ge=0, le=1)
    over_specification_min_requirements: int = Field(ge=1)
    paradox_share: float = Field(ge=0, le=1)
    paradox_high: float = Field(ge=0, le=1)
    paradox_min_requirements: int = Field(ge=1)
    specification_kinds: list[str]
    max_cited: int = Field(ge=1)


class ScoringConfig(_Section):
    """Every weight and threshold of the scorer (see docs/scoring.md)."""

    scale: ScaleConfig
    constraint: ConstraintConfig
    prescription: PrescriptionConfig
    adaptability: AdaptabilityConfig
    innovation_room: InnovationConfig
    findings: FindingsConfig

    @model_validator(mode="after")
    def _non_negative_maps(self) -> ScoringConfig:
        maps = {
            "prescription.freeze": self.prescription.freeze,
            "prescription.clause_type": self.prescription.clause_type,
            "adaptability.clause_type": self.adaptability.clause_type,
            "innovation_room.clause_type": self.innovation_room.clause_type,
        }
        bad = [f"{name}.{key}" for name, weights in maps.items() for key, value in weights.items() if value < 0]
        if bad:
            raise ValueError("weights must be >= 0: " + ", ".join(bad))
        return self


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise UsageError("E121", path, f"cannot read scoring config: {error.strerror or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise UsageError("E121", path, f"invalid TOML in scoring config: {error}") from error


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    text = resources.files("clausecheck.scoring").joinpath("default.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        message = "unknown key" if item["type"] == "extra_forbidden" else item["msg"]
        problems.append(f"{where}: {message}")
    return "invalid scoring config: " + "; ".join(problems)


def config_from_dict(data: dict[str, Any], path: str | Path | None = None) -> ScoringConfig:
    """Merge ``data`` over the defaults and validate; every problem is reported in one :class:`UsageError`."""
    try:
        return ScoringConfig.model_validate(_merge(_defaults(), data))
    except ValidationError as error:
        raise UsageError("E121", path, _describe(error)) from error


def load_config(path: str | Path | None = None) -> ScoringConfig:
    """The shipped weights, or a user TOML file merged over them."""
    if path is None:
        return default_config()
    return config_from_dict(_read_toml(Path(path)), path)


@lru_cache(maxsize=1)
def default_config() -> ScoringConfig:
    """The shipped weights (``clausecheck/scoring/default.toml``)."""
    return ScoringConfig.model_validate(_defaults())
