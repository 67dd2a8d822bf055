"""Annotated Word output: comments on labelled clauses and findings, with the document text untouched."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document as open_docx
from lxml import etree
from sample_reports import analyzed

from clausecheck import analyze
from clausecheck.errors import InputError
from clausecheck.pipeline import Report
from clausecheck.readers import ReadOptions, read_document
from clausecheck.readers.docx import DocxReader
from clausecheck.reporters.docx_annotate import annotate, annotate_docx, comment_anchors, plan_comments

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOCX = sorted(SAMPLES.glob("*.docx"))
GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_SAMPLE = "fr_cctp"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LABELS = ("rigid", "review", "innovation")

_REPORTS: dict[Path, Report] = {}


def _report(path: Path) -> Report:
    if path not in _REPORTS:
        _REPORTS[path] = analyzed(path)
    return _REPORTS[path]


@pytest.fixture(scope="module")
def annotated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path, Report, int]]:
    out = tmp_path_factory.mktemp("annotated")
    done = {}
    for source in DOCX:
        report = _report(source)
        target = out / f"{source.stem}.reviewed.docx"
        done[source.stem] = (source, target, report, annotate_docx(source, report, target))
    return done


def _blocks(path: Path) -> list[str]:
    return [block.text for block in DocxReader().read(path.read_bytes(), str(path), ReadOptions()).blocks]


def _paragraph_texts(path: Path) -> list[str]:
    document = open_docx(str(path))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return texts


def _char_formats(path: Path) -> list[tuple[str, bytes]]:
    """Every character of every w:t of the body with the serialised properties of its run."""
    root = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    chars = []
    for t in root.iter(f"{W}t"):
        rpr = t.getparent().find(f"{W}rPr")
        key = etree.tostring(rpr) if rpr is not None else b""
        chars += [(c, key) for c in t.text or ""]
    return chars


def test_samples_present() -> None:
    assert {"fr_logistique", "en_msa", "fr_ccap"} <= {p.stem for p in DOCX}


@pytest.mark.parametrize("stem", [p.stem for p in DOCX])
def test_comments_added(annotated: dict[str, tuple[Path, Path, Report, int]], stem: str) -> None:
    _source, target, report, count = annotated[stem]
    labelled = sum(1 for _clause, judgement in report.judged() if judgement.labels)
    assert count == labelled + len(report.findings)
    comments = list(open_docx(str(target)).comments)
    assert len(comments) == count > 0
    codes = {finding.code for finding in report.findings}
    for comment in comments:
        assert comment.author == "clausecheck"
        assert any(label in comment.text for label in LABELS) or any(code in comment.text for code in codes)
    anchors = comment_anchors(target)
    assert len(anchors) == count
    assert all(anchor for anchor, _text in anchors), "every comment covers some text"


@pytest.mark.parametrize("stem", [p.stem for p in DOCX])
def test_text_and_formatting_unchanged(annotated: dict[str, tuple[Path, Path, Report, int]], stem: str) -> None:
    source, target, _unused, _count = annotated[stem]
    assert _blocks(target) == _blocks(source)
    assert _paragraph_texts(target) == _paragraph_texts(source)
    assert _char_formats(target) == _char_formats(source)
    before, after = zipfile.ZipFile(source), zipfile.ZipFile(target)
    for name in before.namelist():
        if name not in ("word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels"):
            assert before.read(name) == after.read(name), name


@pytest.mark.parametrize("stem", [p.stem for p in DOCX])
def test_reopens_with_clausecheck(annotated: dict[str, tuple[Path, Path, Report, int]], stem: str) -> None:
    _source, target, report, _count = annotated[stem]
    again = read_document(target)
    assert again.text == report.document.text
    assert again.metadata["comments"] == len(list(open_docx(str(target)).comments))
    if stem == GOLDEN_SAMPLE:  # the whole pipeline once: same clauses, labels and findings
        full = analyze(target)
        assert [c["labels"] for c in full.to_dict()["clauses"]] == [c["labels"] for c in report.to_dict()["clauses"]]
        assert [f.code for f in full.findings] == [f.code for f in report.findings]


def test_language_follows_report(annotated: dict[str, tuple[Path, Path, Report, int]]) -> None:
    fr = [text for _anchor, text in comment_anchors(annotated["fr_logistique"][1])]
    en = [text for _anchor, text in comment_anchors(annotated["en_msa"][1])]
    assert all("Probabilités" in text for text in fr if text.startswith("clausecheck · ") and "constat" not in text)
    assert any("Prix fermes et non révisables" in text or "titulaire" in text or "prestataire" in text for text in fr)
    assert not any("the contract" in text or "the supplier" in text.lower() for text in fr)
    assert all("Probabilities" in text for text in en if "finding" not in text.splitlines()[0])


def test_evidence_anchors_are_exact(annotated: dict[str, tuple[Path, Path, Report, int]], tmp_path: Path) -> None:
    source, _target, report, _count = annotated["fr_logistique"]
    result = annotate(source, report, tmp_path / "out.docx")
    assert result.fallback == result.unmatched_blocks == 0
    evidence = [c for c in result.planned if c.on_evidence]
    assert result.exact == len(evidence) > 0
    anchors = comment_anchors(tmp_path / "out.docx")
    for planned, (anchor, _text) in zip(result.planned, anchors, strict=True):
        if planned.on_evidence:
            assert anchor == report.document.text[planned.start:planned.end].split("\n")[0]


def test_rejects_other_formats(tmp_path: Path) -> None:
    pdf = SAMPLES / "fr_logistique.pdf"
    with pytest.raises(InputError) as error:
        annotate_docx(pdf, _report(SAMPLES / "fr_logistique.docx"), tmp_path / "out.docx")
    assert error.value.code == "E105"


def test_split_runs_keep_formatting(tmp_path: Path) -> None:
    document = open_docx()
    document.add_paragraph("Article 1 - Moyens")
    paragraph = document.add_paragraph()
    run = paragraph.add_run("Le titulaire utilisera exclusivement le logiciel WMS Alpha pour la gestion du stock. ")
    run.bold, run.italic = True, True
    paragraph.add_run("Les prix sont fermes et non révisables pendant toute la durée du contrat.").underline = True
    document.add_paragraph("Article 2 - Revoyure")
    document.add_paragraph("Les parties se rencontrent chaque année pour réexaminer les prix selon l'indice Syntec.")
    source = tmp_path / "small.docx"
    document.save(str(source))
    report = analyze(source)
    target = tmp_path / "small.reviewed.docx"
    result = annotate(source, report, target)
    assert result.comments >= 1
    assert _char_formats(target) == _char_formats(source)
    assert _blocks(target) == _blocks(source)
    if result.exact:
        runs = [r for r in etree.fromstring(zipfile.ZipFile(target).read("word/document.xml")).iter(f"{W}r")
                if r.find(f"{W}t") is not None]
        assert len(runs) > 4, "a run was split to anchor on the evidence words"


def test_golden_comments(annotated: dict[str, tuple[Path, Path, Report, int]]) -> None:
    _source, target, report, _count = annotated[GOLDEN_SAMPLE]
    actual = [{"anchor": anchor, "comment": text} for anchor, text in comment_anchors(target)]
    assert [c.text for c in plan_comments(report)] == [item["comment"] for item in actual]
    golden = GOLDEN / f"{GOLDEN_SAMPLE}.comments.json"
    if os.environ.get("CLAUSECHECK_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    assert actual == json.loads(golden.read_text(encoding="utf-8"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_converts_to_pdf(annotated: dict[str, tuple[Path, Path, Report, int]], tmp_path: Path) -> None:
    _source, target, _unused, _count = annotated["fr_logistique"]
    profile = tmp_path / "lo-profile"
    completed = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(target)],
        capture_output=True, text=True, timeout=120, check=False)
    pdf = tmp_path / f"{target.stem}.pdf"
    assert completed.returncode == 0, completed.stderr
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
