"""The HTML reporter: a self-contained, well-formed, deterministic page built from the JSON contract."""

from __future__ import annotations

import io
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from sample_reports import analyzed, golden_report

from clausecheck.pipeline import Report
from clausecheck.reporters.html import highlight, render, write

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_SAMPLE = "fr_cctp"
EFFECTS = ("rigid", "review", "innovation")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_SELF_CLOSING = {"path", "rect", "line", "circle", "polyline", "polygon", "ellipse"}


def _attr(key: str) -> str:
    return key.rstrip("_").replace("_", "-")


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element] = []
        self.text: list[str] = []

    def all_text(self) -> str:
        return "".join(self.text) + "".join(child.all_text() for child in self.children)

    def iter(self) -> Any:
        yield self
        for child in self.children:
            yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str | None) -> list[Element]:
        found = []
        for el in self.iter():
            if tag is not None and el.tag != tag:
                continue
            if all((_attr(key) in el.attrs) and (value is None or el.attrs[_attr(key)] == value)
                   for key, value in attrs.items()):
                found.append(el)
        return found


class TreeBuilder(HTMLParser):
    """Builds a tree and fails on any mis-nested or unclosed element (html.parser does not)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {}, None)
        self.stack = [self.root]
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        if len(names) != len(set(names)):
            self.errors.append(f"duplicate attribute in <{tag}>")
        el = Element(tag, dict(attrs), self.stack[-1])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in SVG_SELF_CLOSING:
            self.errors.append(f"self-closing <{tag}/>")
        self.stack[-1].children.append(Element(tag, dict(attrs), self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1].tag}>")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].text.append(data)


def parse(page: str) -> Element:
    builder = TreeBuilder()
    builder.feed(page)
    builder.close()
    assert builder.errors == []
    assert [el.tag for el in builder.stack] == ["#root"], "unclosed elements"
    return builder.root


@pytest.fixture(scope="module")
def fr_report() -> Report:
    return analyzed(SAMPLES / "fr_cctp.pdf")


@pytest.fixture(scope="module")
def en_report() -> Report:
    return analyzed(SAMPLES / "en_supply.pdf")


@pytest.fixture(scope="module")
def fr_page(fr_report: Report) -> str:
    stream = io.StringIO()
    write([fr_report.to_dict()], stream)
    return stream.getvalue()


def _offline(page: str, tree: Element) -> None:
    for el in tree.iter():
        assert "src" not in el.attrs, f"<{el.tag} src=...>: the page must embed everything"
        href = el.attrs.get("href")
        if href is not None:
            assert href.startswith("#"), f"non-local link {href!r}"
        assert el.tag not in ("link", "iframe", "img", "object", "embed")
    styles_and_scripts = "".join(el.all_text() for el in tree.iter() if el.tag in ("style", "script"))
    assert "@import" not in styles_and_scripts
    assert not re.search(r"url\(", styles_and_scripts)
    assert not re.search(r"https?://", styles_and_scripts)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page)


def test_page_is_well_formed_and_offline(fr_page: str) -> None:
    assert fr_page.startswith("<!DOCTYPE html>\n")
    tree = parse(fr_page)
    html_el = tree.find_all("html")[0]
    assert html_el.attrs["lang"] == "fr"
    assert tree.find_all("meta", charset="utf-8")
    assert len(tree.find_all("style")) == 1 and len(tree.find_all("script")) == 1
    ids = [el.attrs["id"] for el in tree.iter() if "id" in el.attrs]
    assert len(ids) == len(set(ids)), "duplicate ids"
    targets = {el.attrs["href"][1:] for el in tree.iter() if (el.attrs.get("href") or "").startswith("#")}
    assert targets <= set(ids), f"dangling links: {targets - set(ids)}"
    _offline(fr_page, tree)


def test_header_gauges_and_drivers(fr_report: Report, fr_page: str) -> None:
    data = fr_report.to_dict()
    tree = parse(fr_page)
    head = tree.find_all("header", class_="doc-head")[0].all_text()
    assert "samples/fr_cctp.pdf" in head and "CCTP" in head and str(len(data["clauses"])) in head
    gauges = {el.attrs["data-score"]: el for el in tree.find_all("article", data_score=None)}
    assert set(gauges) == {"prescription", "adaptability", "innovation_room", "constraint"}
    for name, el in gauges.items():
        assert float(el.attrs["data-value"] or "nan") == pytest.approx(data["scores"][name])
        assert el.find_all("svg") and el.find_all("path", class_=None)
        assert el.find_all("p", class_=None)
    constraint = gauges["constraint"]
    top = max(data["clauses"], key=lambda c: abs(c["contribution"]["constraint"]))
    assert constraint.find_all("a", href=f"#d1-{top['id']}"), "the main driving clause is linked"
    reading = next(p for p in constraint.find_all("p") if "reading" in (p.attrs.get("class") or "")).all_text()
    value = data["scores"]["constraint"]
    expected = "très contraignant" if value >= 70 else "moyennement contraignant" if value >= 40 else "peu contraignant"
    assert reading == expected


def test_effects_chart_has_one_mark_per_labelled_clause(fr_report: Report, fr_page: str) -> None:
    data = fr_report.to_dict()
    chart = parse(fr_page).find_all(data_chart="effects")
    assert len(chart) == 1
    for effect in EFFECTS:
        labelled = [c["id"] for c in data["clauses"] if effect in c.get("labels", [])]
        marks = chart[0].find_all("rect", data_mark=effect)
        assert [m.attrs["data-clause"] for m in marks] == labelled
        for mark in marks:
            assert mark.parent is not None and mark.parent.attrs["href"] == f"#d1-{mark.attrs['data-clause']}"
            assert mark.find_all("title")
    assert any(c.get("labels") for c in data["clauses"])


def test_evidence_is_highlighted_in_clause_text(fr_report: Report, fr_page: str) -> None:
    data = fr_report.to_dict()
    tree = parse(fr_page)
    checked = 0
    for clause in data["clauses"]:
        for item in clause.get("evidence", []):
            if item.get("source") != "rule" or item.get("label") not in EFFECTS:
                continue
            article = tree.find_all("article", id=f"d1-{clause['id']}")[0]
            marks = [m for m in article.find_all("mark") if item["rule"] in (m.attrs.get("data-rule") or "").split()]
            assert marks, f"{clause['id']}: no <mark> for {item['rule']}"
            shown = "".join(m.all_text() for m in marks)
            span = clause["text"][item["start"] - clause["start"]: item["end"] - clause["start"]]
            assert span in shown
            assert item["rule"] in (marks[0].attrs.get("title") or "")
            checked += 1
    assert checked >= 3


def test_clause_list_and_filters(fr_report: Report, fr_page: str) -> None:
    data = fr_report.to_dict()
    tree = parse(fr_page)
    items = tree.find_all("article", data_clause_item=None)
    assert [el.attrs["id"] for el in items] == [f"d1-{c['id']}" for c in data["clauses"]]
    for el, clause in zip(items, data["clauses"], strict=True):
        assert el.attrs["data-labels"] == (" ".join(clause["labels"]) or "neutral")
        assert el.attrs["data-type"] == clause["type"]
    form = tree.find_all("form", data_filter_form=None)[0]
    assert form.attrs["data-target"] == "d1-clauses"
    assert "hidden" in form.attrs, "without JavaScript the page shows every clause and no dead controls"
    values = [el.attrs["value"] for el in form.find_all("input", data_filter_label=None)]
    assert values == ["rigid", "review", "innovation", "neutral"]
    options = {el.attrs["value"] for el in form.find_all("option")}
    assert options == {""} | {c["type"] for c in data["clauses"]}
    provisions = [c for c in data["clauses"] if c.get("provisions")]
    assert len(tree.find_all("details", class_="provisions")) == len(provisions)


def test_findings_cite_their_clauses(fr_report: Report, fr_page: str) -> None:
    data = fr_report.to_dict()
    tree = parse(fr_page)
    articles = tree.find_all("article", data_finding=None)
    assert sorted(a.attrs["data-finding"] or "" for a in articles) == sorted(f["code"] for f in data["findings"])
    for article, finding in zip(articles, sorted(data["findings"], key=lambda f: f.get("waived", False)), strict=False):
        assert article.find_all("span", class_=f"badge sev-{finding['severity']}")
        links = {a.attrs["href"] for a in article.find_all("a")}
        assert links == {f"#d1-{cid}" for cid in finding["clauses"]}


def test_english_report_and_several_documents(fr_report: Report, en_report: Report) -> None:
    stream = io.StringIO()
    write([en_report.to_dict(), fr_report.to_dict()], stream)
    page = stream.getvalue()
    tree = parse(page)
    assert tree.find_all("html")[0].attrs["lang"] == "en"
    nav = tree.find_all("nav", class_="index")[0]
    assert [a.attrs["href"] for a in nav.find_all("a")] == ["#d1", "#d2"]
    assert len(nav.find_all("tr")) == 3
    sections = tree.find_all("section", class_="document")
    assert [s.attrs["lang"] for s in sections] == ["en", "fr"]
    assert "Constraint" in sections[0].all_text() and "Contrainte" in sections[1].all_text()
    assert len(tree.find_all("article", data_score="constraint")) == 2
    ids = [el.attrs["id"] for el in tree.iter() if "id" in el.attrs]
    assert len(ids) == len(set(ids))
    _offline(page, tree)


def test_type_model_votes_are_listed_as_type_evidence(en_report: Report) -> None:
    data = en_report.to_dict()
    voted = [c for c in data["clauses"]
             if any(e["source"] == "model" and e.get("type") and "label" not in e for e in c["evidence"])]
    assert voted, "the English sample should get at least one type vote"
    page = render([data])
    items = re.findall(r'<li class="ev-type">model · ([^<]+)</li>', page)
    assert "exclusivity" in " ".join(items) and all("None" not in item for item in items)


def test_write_equals_render_of_the_json(en_report: Report) -> None:
    stream = io.StringIO()
    write([en_report.to_dict()], stream)
    assert stream.getvalue() == render([json.loads(json.dumps(en_report.to_dict()))])


def _tiny_report(**changes: Any) -> dict[str, Any]:
    text = 'Art. 1 <Prix> & "fermes"\nLe titulaire <script>alert(1)</script> utilisera exclusivement la GMAO.'
    report: dict[str, Any] = {
        "schema_version": "1", "tool": {"name": "clausecheck", "version": "0", "rules": "r", "model": "m"},
        "document": {"path": 'x/<evil>&"quote".pdf', "sha256": "0" * 64, "format": "pdf", "language": "fr",
                     "kind": "contract", "pages": 1, "words": 12, "characters": len(text),
                     "warnings": [{"code": "scanned_pages", "message": "page <1>", "pages": [1]}]},
        "clauses": [{
            "id": "c1", "number": "1", "heading": "<Prix>", "level": 1, "parent": None, "pages": [1],
            "start": 0, "end": len(text), "text": text, "type": "price",
            "effects": {"rigid": 0.9, "review": 0.1, "innovation": 0.0}, "labels": ["rigid"],
            "provisions": [{"start": 26, "end": len(text), "party": "supplier", "modality": "obligation",
                            "strength": "strict", "spec_kind": "means"}],
            "evidence": [
                {"source": "rule", "rule": "RIG-A", "label": "rigid", "start": 60, "end": 83, "text": "", "weight": 0.7},
                {"source": "rule", "rule": "RIG-B", "label": "rigid", "start": 70, "end": 90, "text": "", "weight": 0.5},
                {"source": "rule", "rule": "TYP-X", "type": "means", "start": 500, "end": 600, "text": "", "weight": 0.5},
                {"source": "model", "label": "rigid", "score": 0.9},
            ],
            "contribution": {"prescription": 10.0, "adaptability": 0.0, "innovation_room": 0.0, "constraint": 5.0,
                             "waived": {"scores": ["prescription"], "waivers": [{"reason": "<ok>", "author": "A&B"}]}},
        }],
        "scores": {"prescription": 10.0, "adaptability": 0.0, "innovation_room": 0.0, "constraint": 75.0},
        "findings": [{"code": "variants_forbidden", "severity": "medium", "message": "m <b>", "suggestion": "s",
                      "clauses": ["c1", "c9"], "waived": True, "waiver_reason": "négocié", "waiver_author": "Me X"}],
        "report_language": "fr",
    }
    report.update(changes)
    return report


def test_everything_is_escaped_and_overlapping_evidence_stays_well_formed() -> None:
    page = render([_tiny_report()])
    tree = parse(page)
    assert "<script>alert" not in page and "<evil>" not in page and "<Prix>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    marks = tree.find_all("mark")
    assert [m.attrs["data-rule"] for m in marks] == ["RIG-A", "RIG-A RIG-B", "RIG-B"]
    assert "".join(m.all_text() for m in marks) == _tiny_report()["clauses"][0]["text"][60:90]
    assert all(not m.find_all("mark")[1:] for m in marks), "marks never nest"
    assert tree.find_all("span", class_="badge badge-waived")
    finding = tree.find_all("article", data_finding="variants_forbidden")[0]
    assert "waived" in (finding.attrs["class"] or "").split()
    assert "négocié" in finding.all_text() and "Me X" in finding.all_text()
    assert "Levé" in finding.all_text()
    assert finding.find_all("a", href="#d1-c1")
    assert not finding.find_all("a", href="#d1-c9"), "unknown clause ids are not linked to nothing"
    assert "très contraignant" in tree.find_all("article", data_score="constraint")[0].all_text()


def test_highlight_without_spans_and_out_of_range_offsets() -> None:
    ui = {"chip": {"rigid": "rigid"}, "type": "Type", "type_name": {}, "weight": "w", "decimal": ".", "thousands": ","}
    assert highlight("a < b", 10, [], ui) == "a &lt; b"
    assert highlight("abcdef", 10, [{"rule": "R", "label": "rigid", "start": 5, "end": 12}], ui).startswith(
        '<mark class="ev ev-rigid" data-rule="R" data-label="rigid"')
    assert highlight("abcdef", 10, [{"rule": "R", "start": 30, "end": 40}], ui) == "abcdef"


def test_golden_output() -> None:
    """The page for one stored report, byte for byte (CLAUSECHECK_UPDATE_GOLDEN=1 rewrites it from the sample)."""
    expected = GOLDEN / f"{GOLDEN_SAMPLE}.html"
    data = golden_report()
    if os.environ.get("CLAUSECHECK_UPDATE_GOLDEN") == "1":
        expected.write_text(render([data]), encoding="utf-8", newline="\n")
    page = render([data])
    assert page == render([data]), "rendering is deterministic"
    assert page == expected.read_text(encoding="utf-8"), (
        "HTML output changed; if intended, rerun with CLAUSECHECK_UPDATE_GOLDEN=1 and review the diff"
    )
