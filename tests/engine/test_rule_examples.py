"""Every example of every rule of the built-in pack, one test each (generated from the rule files)."""

from __future__ import annotations

import pytest

from clausecheck.engine import Example, load_rules
from clausecheck.evaluation import default_cuad_dir

RULES = load_rules()
EXAMPLES = list(RULES.examples())


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example(example: Example) -> None:
    fired = [item for item in RULES.match(example.text, example.lang) if item.rule == example.rule.spec.code]
    if example.kind == "match":
        assert fired, f"{example.where}: {example.rule.spec.code} should fire on {example.text!r}"
        assert all(item.weight != 0 for item in fired)
    else:
        assert not fired, f"{example.where}: {example.rule.spec.code} should not fire on {example.text!r}: {fired}"


def test_every_rule_has_examples_in_each_language() -> None:
    for rule in RULES.loaded:
        for lang in rule.spec.languages:
            langs = [ex.lang for ex in EXAMPLES if ex.rule is rule]
            assert langs.count(lang) >= 3, rule.spec.code


WINDOW = 10
"""Words in a row that an example may not share with a CUAD contract."""


def test_examples_are_our_own_wording() -> None:
    """No rule example copies ten words in a row of a CUAD development contract (their text stays out of the repo)."""
    folder = default_cuad_dir()
    if not folder.is_dir():
        pytest.skip(f"CUAD text not found at {folder}")
    contracts = " ".join(" ".join(path.read_text(encoding="utf-8", errors="ignore").lower().split())
                         for path in sorted(folder.glob("*.txt")))
    copied = []
    for example in EXAMPLES:
        words = example.text.lower().split()
        if any(" ".join(words[i : i + WINDOW]) in contracts for i in range(len(words) - WINDOW + 1)):
            copied.append(f"{example.where}: {example.text}")
    assert not copied, "\n".join(copied)
