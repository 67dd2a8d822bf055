"""Provision analysis: the sentence-level obligations, prohibitions and permissions of a clause.

:func:`analyze_provisions` cuts a clause's text into units (see
:mod:`clausecheck.analysis.sentences`) and describes each as a
:class:`~clausecheck.evidence.Provision`. Choices, for the docs:

- **Modality.** The earliest modal expression of the sentence decides. Where
  expressions overlap the more specific wins: restriction ("ne peut ... que",
  "shall use only": an *obligation*, strict) > negated duty ("n'est pas tenu de",
  "is not required to": a *permission*, ``negated``) > prohibition ("ne pourra",
  "shall not", "il est interdit", "aucun ... ne", "in no event") > obligation
  ("doit", "s'engage à", "shall", "agrees to") > permission ("peut", "may",
  "est libre de") > a party followed by "will" or a French future or present duty
  verb ("Supplier will provide", "le titulaire assurera", "les parties se
  rencontrent": obligation). "will" or a present tense without a party subject is
  a statement (``none``). "Le titulaire est libre des moyens pour atteindre 99,5 %"
  is a *permission* (freedom granted) with ``spec_kind`` output.
- **Party.** Accurate mode with a parser: the nominal subject of the modal verb.
  Otherwise (and when the parser finds no subject) the nearest party mention
  before the modal; if a comma-separated phrase naming something else sits
  between them ("Si le Client le demande, les prix peuvent ...") the party is
  ``none``; an inverted subject after the modal ("In no event shall Customer")
  is taken when nothing precedes. Collective subjects ("les parties", "each
  Party", "chacune") are ``both``. Passive sentences without an agent ("Les prix
  sont révisables") are ``none``: nobody is bound, the rule engine reads them as
  mutual where relevant. A sentence with no modal takes its first party mention
  not governed by a preposition.
- **Strength.** Soft wording wins over strict ("shall at all times use
  reasonable efforts" is soft): an effort duty stays an effort duty.
- **Spec kind.** Means (staff, tools, methods, procedures, brands, "use") >
  specific output (availability, service level, intervention time, "within 4
  hours") > outcome (cost reduction, satisfaction, energy consumption) > a bare
  percentage (output). A sentence that leaves the means free ("libre des
  moyens", "free to determine") ignores its means words. In review provisions,
  procedure words and bare percentages describe the review, not the service,
  and are ignored.
- **Review attributes** are set only where a review word appears (révision,
  avenant, indexation, variation, hardship, review, adjust, change request,
  termination for convenience...): trigger numeric > periodic > event > none
  (a termination for convenience has no trigger); ``consequence`` needs a failed-
  agreement phrase ("à défaut d'accord", "failing agreement") or a fallback
  (termination, expert, mediation) alongside a negotiation word.
"""

from __future__ import annotations

import re
from typing import Literal

from spacy.tokens import Doc

from clausecheck.analysis import lexicon as lx
from clausecheck.analysis.parties import party_of, party_pattern
from clausecheck.analysis.sentences import Unit, units
from clausecheck.evidence import Modality, Party, PartyRole, Provision, SpecKind, Strength
from clausecheck.nlp import Mode, get_nlp

Trigger = Literal["numeric", "periodic", "event", "none"]
_PRIORITY: tuple[tuple[re.Pattern[str], Modality], ...] = (
    (lx.RESTRICTION, "obligation"),
    (lx.NEGATED_DUTY, "permission"),
    (lx.PROHIBITION, "prohibition"),
    (lx.OBLIGATION, "obligation"),
    (lx.PERMISSION, "permission"),
)
_MEANS_PROCEDURAL = re.compile(r"\bprocédures?\b|\bprocedures?\b|\bprocess(?:es)?\b|\bméthodes?\b", re.I)
_NOT_OUTPUT = re.compile(r"\bpénalit\w+|\bpenalt\w+|\bintérêts?\b|\binterest\b|\bTVA\b|\bVAT\b|\bavance\b|\bretenue\b",
                         re.I)
_EFFORT_USE = re.compile(r"\b(?:use|utilise\w*)\s+(?:\w+\s+){0,2}(?:efforts?|endeavou?rs?)\b", re.I)
_PRONOUN_LEAD = re.compile(r"(?:^|[,;]\s*)(?:il|elle|ils|elles|it|they|celui-ci|celle-ci)\s+(?:\w+\s+)?$", re.I)
_PRONOUN_START = re.compile(r"^\s*(?:il|elle|ils|elles|it|they)\b", re.I)
_SUBJECT_POSITION = re.compile(
    r"(?:^|[,;:]\s*)(?:(?:the|le|la|les|l'|each|chaque|tout|toute|ce|cette|its|son|sa|ses|leur|leurs)\s*)*$", re.I
)
_PERSONAL_DATA = re.compile(r"caractère\s+personnel|personnel\s+data", re.I)


def _modal(text: str, mentions: list[re.Match[str]]) -> tuple[Modality, int, int, bool] | None:
    """The deciding modal expression: (modality, start, end, negated)."""
    accepted: list[tuple[Modality, int, int, bool]] = []
    candidates: list[tuple[Modality, int, int, bool]] = []
    for pattern, modality in _PRIORITY:
        for match in pattern.finditer(text):
            negated = pattern is lx.NEGATED_DUTY or (
                pattern is lx.PROHIBITION and bool(lx.NEGATIVE_FORM.search(match.group(0)))
            )
            candidates.append((modality, match.start(), match.end(), negated))
    subjects = [m.end() for m in mentions]
    pronoun = _PRONOUN_START.match(text)
    if pronoun:
        subjects.append(pronoun.end())
    for end in subjects:
        verb = lx.PARTY_VERB.match(text, end)
        if verb and not re.match(r"\s*(?:ser(?:a|ont)|aura|auront)\b", text[end:], re.I):
            candidates.append(("obligation", verb.start() + len(verb.group(0)) - len(verb.group(0).lstrip()),
                               verb.end(), False))
    for cand in candidates:
        if all(cand[2] <= a[1] or cand[1] >= a[2] for a in accepted):
            accepted.append(cand)
    return min(accepted, key=lambda c: c[1]) if accepted else None


def _mentions(text: str, pattern: re.Pattern[str], roles: tuple[PartyRole, ...]) -> list[re.Match[str]]:
    """Party mentions that name a party (lower-case "company", "les clients" do not)."""
    return [m for m in pattern.finditer(text) if party_of(m.group(0), roles) != "none"]


def _party_fast(text: str, start: int, mentions: list[re.Match[str]], roles: tuple[PartyRole, ...]) -> Party:
    before = [m for m in mentions if m.end() <= start]
    if not before:
        after = [m for m in mentions if 0 <= m.start() - start <= 40]
        return party_of(after[0].group(0), roles) if after else "none"
    mention = before[-1]
    between = text[mention.end() : start]
    cut = max(between.rfind(","), between.rfind(";"))
    if cut >= 0:
        tail = between[cut + 1 :].strip()
        if tail and not lx.PRONOUN_SUBJECT.fullmatch(tail):
            return "none"
    return party_of(mention.group(0), roles)


def _party_parsed(doc: Doc, start: int, end: int, roles: tuple[PartyRole, ...]) -> Party | None:
    """Subject of the modal by the dependency parse, or None when the parse names none."""
    tokens = [t for t in doc if start <= t.idx < end]
    for token in tokens + [t.head for t in tokens]:
        for child in token.children:
            if child.dep_.startswith("nsubj") or child.dep_ == "expl:subj":
                return party_of(" ".join(t.text for t in child.subtree), roles)
    return None


def _spec_kind(text: str, review: bool) -> SpecKind:
    free = bool(lx.FREE_MEANS.search(text))
    probe = _PERSONAL_DATA.sub(" ", _EFFORT_USE.sub(" ", text))
    if review:
        probe = _MEANS_PROCEDURAL.sub(" ", probe)
    if not free and lx.MEANS.search(probe):
        return "means"
    if lx.OUTPUT_SPECIFIC.search(text):
        return "output"
    if lx.OUTCOME.search(text):
        return "outcome"
    if not review and lx.OUTPUT_GENERIC.search(text) and not _NOT_OUTPUT.search(text):
        return "output"
    return "none"


def _trigger(text: str) -> Trigger:
    if lx.NUMERIC_TRIGGER.search(text):
        return "numeric"
    if lx.PERIODIC_TRIGGER.search(text):
        return "periodic"
    if lx.EVENT_TRIGGER.search(text):
        return "event"
    return "none"


def _provision(
    text: str,
    unit: Unit,
    offset: int,
    roles: tuple[PartyRole, ...],
    pattern: re.Pattern[str],
    doc: Doc | None,
    previous: Party,
) -> Provision:
    own = text[unit.start : unit.end]
    lead = text[unit.lead[0] : unit.lead[1]] if unit.lead else ""
    mentions = _mentions(own, pattern, roles)
    modal = _modal(own, mentions)
    base, base_start, source = own, unit.start, mentions
    if modal is None and lead:
        source = _mentions(lead, pattern, roles)
        modal = _modal(lead, source)
        base, base_start = lead, unit.lead[0] if unit.lead else 0
    party: Party = "none"
    if modal is not None:
        modality, m_start, m_end, negated = modal
        parsed = _party_parsed(doc, base_start + m_start, base_start + m_end, roles) if doc is not None else None
        party = parsed if parsed not in (None, "none") else _party_fast(base, m_start, source, roles)
        if party == "none" and _PRONOUN_LEAD.search(base[:m_start]):
            party = previous  # "Il s'engage à ...": the subject of the previous sentence
    else:
        modality, negated = "none", False
        free = [m for m in mentions if _SUBJECT_POSITION.search(own[: m.start()])]
        if free:
            party = party_of(free[0].group(0), roles)
    scope = f"{lead} {own}" if lead else own
    strength: Strength = "normal"
    if lx.SOFT.search(scope):
        strength = "soft"
    elif lx.STRICT.search(scope) or lx.RESTRICTION.search(base):
        strength = "strict"
    review = bool(lx.REVIEW.search(scope))
    kind = _spec_kind(own, review)
    if kind == "none" and lead:
        kind = _spec_kind(lead, review)
    means_result: Literal["moyens", "résultat"] | None = None
    found = lx.MEANS_RESULT.search(scope)
    if found:
        word = (found.group("fr") or found.group("fr2") or found.group("en")).lower()
        means_result = "moyens" if word.startswith(("moyen", "means")) else "résultat"
    trigger: Trigger | None = None
    procedure = consequence = None
    if review:
        trigger = _trigger(scope)
        procedure = bool(lx.PROCEDURE.search(scope))
        consequence = bool(lx.FAILED_AGREEMENT.search(scope)) or bool(
            lx.CONSEQUENCE_OUTCOME.search(scope) and lx.NEGOTIATION.search(scope)
        )
    return Provision(
        start=offset + unit.start, end=offset + unit.end, party=party, modality=modality, strength=strength,
        spec_kind=kind, means_result=means_result, negated=negated, exception=bool(lx.EXCEPTION.search(scope)),
        trigger=trigger, procedure=procedure, consequence=consequence,
    )


def normalize_for_nlp(text: str) -> str:
    """Same-length normalisation before spaCy: typographic apostrophes, non-breaking spaces (line breaks kept)."""
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def analyze_provisions(
    text: str, lang: str, offset: int, roles: tuple[PartyRole, ...], *, mode: Mode = "fast", doc: Doc | None = None
) -> tuple[Provision, ...]:
    """The provisions of a clause's ``text`` whose first character is at ``offset`` in the extracted text.

    ``roles`` come from :func:`~clausecheck.analysis.parties.resolve_parties`;
    ``mode`` selects the spaCy pipeline (``fast`` by default, see :mod:`clausecheck.nlp`);
    ``doc``, when given, is ``normalize_for_nlp(text)`` with line breaks as spaces, processed by that pipeline.
    """
    norm = normalize_for_nlp(text)
    if doc is None:
        doc = get_nlp(lang if lang in ("fr", "en") else "en", mode)(norm.replace("\n", " "))
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    parsed = doc if doc.has_annotation("DEP") else None
    pattern = party_pattern(roles)
    out: list[Provision] = []
    previous: Party = "none"
    for unit in units(norm, sents):
        provision = _provision(norm, unit, offset, roles, pattern, parsed, previous)
        previous = provision.party
        out.append(provision)
    return tuple(out)
