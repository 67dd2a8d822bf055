import json
from pathlib import Path

from click.testing import CliRunner

from clausecheck import __version__
from clausecheck.cli import cli

CONTRACT = """MASTER SERVICES AGREEMENT
1. Definitions
1.1 "Services" means the services described in Schedule 1.
2. Term
This Agreement starts on the Effective Date.
"""


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_analyze_json_to_stdout(tmp_path: Path) -> None:
    path = _write(tmp_path, "msa.txt", CONTRACT)
    result = CliRunner().invoke(cli, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["schema_version"] == "1"
    assert report["document"]["format"] == "txt"
    assert [(c["number"], c["heading"]) for c in report["clauses"]] == [("1", "Definitions"), ("1.1", None), ("2", "Term")]
    text = path.read_text()
    for clause in report["clauses"]:
        assert clause["text"] in text.replace("\n\n", "\n")


def test_terminal_output_lists_clauses(tmp_path: Path) -> None:
    path = _write(tmp_path, "msa.txt", CONTRACT)
    result = CliRunner().invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 0
    assert "Definitions" in result.output
    assert "3 clauses" in result.output


def test_bad_file_in_batch_does_not_stop_the_others(tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", CONTRACT)
    bad = _write(tmp_path, "bad.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    out = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["analyze", str(bad), str(good), "--format", "json", "-o", str(out)])
    assert result.exit_code == 2
    assert f"E105 {bad}: unsupported file type" in result.stderr
    assert "Traceback" not in result.output
    assert json.loads(out.read_text())["document"]["path"] == str(good)


def test_folder_is_expanded(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", CONTRACT)
    _write(tmp_path, "b.md", "# 1. Scope\nThe supplier shall deliver.\n")
    _write(tmp_path, "ignored.png", b"\x89PNG")
    result = CliRunner().invoke(cli, ["analyze", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert [Path(r["document"]["path"]).name for r in json.loads(result.stdout)] == ["a.txt", "b.md"]


def test_missing_and_empty_files(tmp_path: Path) -> None:
    empty = _write(tmp_path, "empty.docx", b"")
    result = CliRunner().invoke(cli, ["analyze", str(empty), str(tmp_path / "missing.pdf")])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("error E104 ") and "empty.docx" in lines[0]
    assert lines[1].startswith("error E100 ") and "missing.pdf" in lines[1]


def test_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "big.txt", CONTRACT * 40000)
    result = CliRunner().invoke(cli, ["analyze", str(path), "--max-size", "1"])
    assert result.exit_code == 2
    assert "E106" in result.stderr


def test_text_without_clauses_is_reported_not_silent(tmp_path: Path) -> None:
    path = _write(tmp_path, "memo.txt", "This memo has no numbered clause at all.\nIt is plain prose about a meeting.\n")
    result = CliRunner().invoke(cli, ["analyze", str(path), "--format", "json"])
    assert result.exit_code == 0
    warnings = json.loads(result.stdout)["document"]["warnings"]
    assert [w["code"] for w in warnings] == ["no_clauses"]
