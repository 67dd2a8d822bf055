"""Broken rule files: every problem of every file reported at once, with path:line, key and code."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from clausecheck.engine import RulePackError, load_rules
from clausecheck.engine.loader import load_folders
from clausecheck.rules_cli import rules


def _problems(folder: Path) -> list:
    with pytest.raises(RulePackError) as caught:
        load_folders([folder])
    return caught.value.problems


def _one(problems: list, name: str) -> object:
    found = [p for p in problems if Path(p.path).name == name]
    assert len(found) == 1, found
    return found[0]


def test_valid_rule_loads(write_rule, valid_rule) -> None:
    path = write_rule("ok.yaml", valid_rule)
    [rule] = load_folders([path.parent])
    assert rule.spec.code == "REV-TEST-REVIEW"
    assert rule.spec.phrases == {"fr": ["clause de revoyure"], "en": ["review clause"]}


def test_all_problems_of_all_files_at_once(write_rule, valid_rule) -> None:
    write_rule("bad_key.yaml", valid_rule.replace("severity: info", "severity: info\nseverty: high"))
    write_rule("missing_key.yaml", valid_rule.replace('message: "Test rule."\n', "").replace("TEST-REVIEW", "T2")
               .replace("test.review", "test.t2"))
    write_rule("bad_type.yaml", valid_rule.replace("weight: 0.5", "weight: heavy").replace("TEST-REVIEW", "T3")
               .replace("test.review", "test.t3"))
    write_rule("bad_label.yaml", valid_rule.replace("effect: review, type: renegotiation",
                                                    "effect: review, type: renegociation")
               .replace("TEST-REVIEW", "T4").replace("test.review", "test.t4"))
    write_rule("bad_effect.yaml", valid_rule.replace("effect: review,", "effect: reviews,")
               .replace("TEST-REVIEW", "T5").replace("test.review", "test.t5"))
    write_rule("dup_code.yaml", valid_rule.replace("test.review", "test.dup"))
    write_rule("bad_regex.yaml", valid_rule.replace('phrases:\n  fr: ["clause de revoyure"]\n  en: ["review clause"]',
                                                    "regex:\n  - '\\bP\\s*=\\s*(P0'")
               .replace("TEST-REVIEW", "T6").replace("test.review", "test.t6"))
    write_rule("bad_pattern.yaml", valid_rule.replace('phrases:\n  fr: ["clause de revoyure"]\n  en: ["review clause"]',
                                                      "patterns:\n  - [{LOWR: revoyure}]")
               .replace("TEST-REVIEW", "T7").replace("test.review", "test.t7"))
    write_rule("bad_yaml.yaml", "code: REV-X\nname: [unclosed\nweight: 1\n")
    write_rule("bad_code.yaml", valid_rule.replace("REV-TEST-REVIEW", "rev_lower").replace("test.review", "test.t8"))
    write_rule("prefix.yaml", valid_rule.replace("REV-TEST-REVIEW", "INN-T9").replace("test.review", "test.t9"))
    write_rule("few_examples.yaml", valid_rule.replace('    - en: "The review clause applies yearly."\n', "")
               .replace("TEST-REVIEW", "T10").replace("test.review", "test.t10"))
    folder = write_rule("ok.yaml", valid_rule).parent

    problems = _problems(folder)
    lines = [str(p) for p in problems]
    assert all(line.startswith(str(folder)) for line in lines)

    bad_key = _one(problems, "bad_key.yaml")
    assert (bad_key.line, bad_key.key, bad_key.code) == (8, "severty", "RC010")
    missing = _one(problems, "missing_key.yaml")
    assert (missing.key, missing.code) == ("message", "RC011")
    bad_type = _one(problems, "bad_type.yaml")
    assert (bad_type.line, bad_type.key, bad_type.code) == (6, "weight", "RC012")
    label = _one(problems, "bad_label.yaml")
    assert (label.line, label.code) == (5, "RC013") and "renegociation" in label.message
    effect = _one(problems, "bad_effect.yaml")
    assert (effect.line, effect.code) == (5, "RC013")
    dup = [p for p in problems if p.code == "RC020"]
    assert len(dup) == 1 and dup[0].line == 1 and "REV-TEST-REVIEW" in dup[0].message and ".yaml:1)" in dup[0].message
    regex = _one(problems, "bad_regex.yaml")
    assert (regex.line, regex.key, regex.code) == (10, "regex.0", "RC030")
    pattern = _one(problems, "bad_pattern.yaml")
    assert (pattern.line, pattern.key, pattern.code) == (10, "patterns.0", "RC031") and "LOWR" in pattern.message
    yaml_problem = _one(problems, "bad_yaml.yaml")
    assert yaml_problem.code == "RC001" and yaml_problem.line == 3
    code = _one(problems, "bad_code.yaml")
    assert (code.line, code.key, code.code) == (1, "code", "RC014")
    prefix = _one(problems, "prefix.yaml")
    assert prefix.code == "RC014"
    few = _one(problems, "few_examples.yaml")
    assert few.code == "RC011" and "en" in few.message
    assert not [p for p in problems if Path(p.path).name == "ok.yaml" and p.code != "RC020"]


def test_not_a_mapping_duplicate_key_and_missing_folder(write_rule, valid_rule, tmp_path: Path) -> None:
    write_rule("list.yaml", "- a\n- b\n")
    write_rule("twice.yaml", valid_rule + "weight: 0.7\n")
    problems = _problems(tmp_path / "pack")
    assert {(Path(p.path).name, p.code) for p in problems} == {("list.yaml", "RC002"), ("twice.yaml", "RC003")}
    assert [p.line for p in problems if p.code == "RC003"] == [21]
    missing = _problems(tmp_path / "nowhere")
    assert missing[0].code == "RC040"


def test_error_message_lists_every_problem(write_rule, valid_rule) -> None:
    write_rule("a.yaml", valid_rule.replace("weight: 0.5", "weight: 2"))
    folder = write_rule("b.yaml", "code: [\n").parent
    with pytest.raises(RulePackError) as caught:
        load_rules([folder], builtin=False)
    text = str(caught.value)
    assert text.splitlines()[0] == "E130 invalid rule pack: 2 problem(s) in 2 file(s)"
    assert f"{folder / 'a.yaml'}:6: weight: RC012" in text
    assert f"{folder / 'b.yaml'}:" in text and "RC001" in text


def test_cli_validate(write_rule, valid_rule) -> None:
    good = write_rule("ok.yaml", valid_rule).parent
    runner = CliRunner()
    result = runner.invoke(rules, ["validate", str(good)])
    assert result.exit_code == 0, result.output
    assert "1 rule(s) valid" in result.stdout
    bad = write_rule("bad.yaml", valid_rule.replace("weight: 0.5", "weight: x"), folder="bad").parent
    result = runner.invoke(rules, ["validate", str(bad)])
    assert result.exit_code == 2
    assert f"{bad / 'bad.yaml'}:6: weight: RC012" in result.stderr


def test_cli_validate_reports_failing_examples(write_rule, valid_rule) -> None:
    folder = write_rule("ok.yaml", valid_rule.replace('- fr: "Rien."', '- fr: "Une clause de revoyure."')).parent
    result = CliRunner().invoke(rules, ["validate", str(folder)])
    assert result.exit_code == 2
    assert f"{folder / 'ok.yaml'}:19: examples.no_match.0: RC050" in result.stderr


def test_cli_list_and_show() -> None:
    runner = CliRunner()
    result = runner.invoke(rules, ["list", "--lang", "fr"])
    assert result.exit_code == 0
    assert "REV-PRICE-INDEX" in result.stdout
    result = runner.invoke(rules, ["--disable", "REV-*", "list"])
    assert "REV-PRICE-INDEX" not in result.stdout and "RIG-PRICE-FIRM" in result.stdout
    result = runner.invoke(rules, ["show", "rig-variants-forbidden"])
    assert result.exit_code == 0
    assert "CCP R2151-8" in result.stdout and "Les variantes ne sont pas autorisées." in result.stdout
    assert runner.invoke(rules, ["show", "NOPE-X"]).exit_code == 2
