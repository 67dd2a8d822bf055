"""Project configuration: ``.clausecheck.toml`` or ``[tool.clausecheck]`` in a ``pyproject.toml``.

Found by walking up from the analysed document's folder (the nearest file
wins), or given with ``--config``. Example::

    language = "fr"                 # report language (default: the document's)
    rules = ["house-rules/"]        # extra rule folders, relative to this file
    disable = ["RIG-BRAND-EQUIVALENT", "INN-TECH-*"]
    nlp = "fast"                    # or "accurate"
    fail_on = ["constraint>70", "finding:hardship_excluded", "severity>=high"]

    [scoring]                       # any key of clausecheck/scoring/default.toml
    scale = { prescription = 10.0 }

    [[waivers]]                     # accepted items stay visible, marked waived, and stop counting
    clause = "8.2"                  # by clause number (or id "c17") ...
    label = "rigid"                 # ... optionally only one effect
    reason = "Prix fermes négociés contre une remise de 4 %"
    author = "Direction juridique"

    [[waivers]]
    rule = "RIG-PRICE-FIRM"         # every clause where this rule fired, for the rule's effect
    reason = "..."
    author = "..."

    [[waivers]]
    finding = "variants_forbidden"
    reason = "..."
    author = "..."
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from clausecheck.errors import UsageError

CONFIG_NAMES = (".clausecheck.toml", "pyproject.toml")


class WaiverSpec(BaseModel):
    """A waiver as written in the configuration (resolved to clause ids per document)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    reason: str = Field(min_length=1)
    author: str = Field(min_length=1)
    clause: str | None = None
    rule: str | None = None
    finding: str | None = None
    label: Literal["rigid", "review", "innovation"] | None = None

    @model_validator(mode="after")
    def _one_target(self) -> WaiverSpec:
        if sum(x is not None for x in (self.clause, self.rule, self.finding)) != 1:
            raise ValueError("a waiver names exactly one of clause, rule or finding")
        if self.finding is not None and self.label is not None:
            raise ValueError("label goes with clause or rule, not with finding")
        return self


class ProjectConfig(BaseModel):
    """The validated configuration file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    language: Literal["fr", "en"] | None = None
    rules: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    nlp: Literal["fast", "accurate"] = "fast"
    fail_on: tuple[str, ...] = ()
    scoring: dict[str, Any] = Field(default_factory=dict)
    waivers: tuple[WaiverSpec, ...] = ()


@dataclass(frozen=True)
class LoadedConfig:
    """A configuration and the file it came from (None: defaults)."""

    config: ProjectConfig
    path: Path | None = None

    def rule_dirs(self) -> tuple[str, ...]:
        """Rule folders, resolved against the configuration file's folder."""
        base = self.path.parent if self.path else Path.cwd()
        return tuple(str((base / folder).resolve()) for folder in self.config.rules)


def _read(path: Path) -> dict[str, Any] | None:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise UsageError("E121", path, error.strerror or str(error)) from None
    except tomllib.TOMLDecodeError as error:
        raise UsageError("E121", path, f"invalid TOML: {error}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("clausecheck")
    return data


def find_config(start: Path) -> Path | None:
    """The nearest ``.clausecheck.toml`` (or ``pyproject.toml`` with ``[tool.clausecheck]``) at or above ``start``."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder.resolve(), *folder.resolve().parents]:
        for name in CONFIG_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _read(path) is not None):
                return path
    return None


def load_project_config(path: Path | None) -> LoadedConfig:
    """Validate the configuration at ``path`` (None: defaults); every problem in one E121 error."""
    if path is None:
        return LoadedConfig(ProjectConfig())
    data = _read(path)
    try:
        return LoadedConfig(ProjectConfig.model_validate(data or {}), path)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in item['loc']) or '(top level)'}: "
            f"{'unknown key' if item['type'] == 'extra_forbidden' else item['msg']}"
            for item in error.errors()
        )
        raise UsageError("E121", path, problems) from None
