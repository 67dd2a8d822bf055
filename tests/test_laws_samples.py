"""The taxonomy's laws on real documents: format-fair, language-fair, and a lawyer's ranking of the samples."""

import pytest
from sample_reports import SAMPLES, analyzed

SCORES = ("prescription", "adaptability", "innovation_room", "constraint")
STEMS = sorted(p.stem for p in SAMPLES.glob("*.docx"))


@pytest.mark.parametrize("stem", STEMS)
def test_pdf_and_docx_give_the_same_clauses_and_scores(stem: str) -> None:
    pdf, docx = analyzed(SAMPLES / f"{stem}.pdf"), analyzed(SAMPLES / f"{stem}.docx")
    assert [(c.number, c.heading) for c in pdf.clauses] == [(c.number, c.heading) for c in docx.clauses]
    assert [j.labels for j in pdf.judgements] == [j.labels for j in docx.judgements]
    assert pdf.scores is not None and docx.scores is not None
    assert pdf.scores.to_dict() == docx.scores.to_dict()
    assert [f.code for f in pdf.findings] == [f.code for f in docx.findings]


def test_french_sample_and_its_translation_score_within_five_points() -> None:
    french, english = analyzed(SAMPLES / "fr_logistique.docx"), analyzed(SAMPLES / "en_logistics.docx")
    assert french.scores is not None and english.scores is not None
    for name in SCORES:
        assert abs(getattr(french.scores, name) - getattr(english.scores, name)) <= 5, name


def test_samples_rank_as_a_lawyer_expects() -> None:
    constraint = {stem: analyzed(SAMPLES / f"{stem}.docx").scores.constraint for stem in STEMS}  # type: ignore[union-attr]
    # the prescriptive CCTP and the locked supply agreement constrain more than the outcome-based contracts
    for rigid in ("fr_cctp", "en_supply"):
        for open_ in ("en_msa", "fr_logistique", "en_logistics"):
            assert constraint[rigid] > constraint[open_] + 20, (rigid, open_, constraint)


def test_findings_on_the_samples() -> None:
    codes = {stem: {f.code for f in analyzed(SAMPLES / f"{stem}.docx").findings} for stem in STEMS}
    assert {"over_specification", "innovation_paradox"} <= codes["fr_cctp"]
    assert {"hardship_excluded", "ip_capture", "firm_price_long_term"} <= codes["en_supply"]
    assert not codes["en_msa"] & {"locked_relationship", "over_specification", "ip_capture"}
