"""Party resolution: the defined terms of a contract and the buyer / supplier role each plays.

:func:`resolve_parties` reads the document's extracted text (in practice the
preamble and definitions) and returns one :class:`~clausecheck.evidence.PartyRole`
per party term, in order of definition:

1. **Defined terms.** A quoted name (« », "", “”, ‘’) preceded by a definition
   marker ("ci-après dénommée", "ci-après", "désignée", "hereinafter referred to
   as", "(the", "(", "(hereinafter") is a party term. Collective terms ("les
   Parties", "a Party") are not roles and are skipped; :func:`party_of` handles them.
2. **Labels.** A line "Titulaire : ACME SA" / "Supplier: ACME Ltd" defines the
   name after the colon with the label's role.
3. **Role of a term.** A role word in the term itself decides ("le Prestataire",
   "the Customer"). Licensor and franchisor are suppliers (they supply the right);
   licensee, franchisee, distributor and reseller are buyers. For a company name
   ("ACME"), the words around its description decide: "en qualité de prestataire",
   "acting as supplier", "a provider of logistics services"; then what the term
   does in the text ("ACME shall provide the Services" → supplier, "ACME shall pay",
   "wishes to outsource" → buyer). Ties and silence give ``unknown``.
4. **Two-party complement.** When exactly two parties are found and only one
   has a role, the other takes the opposite role.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal

from clausecheck.analysis import lexicon as lx
from clausecheck.evidence import Party, PartyRole

Role = Literal["supplier", "buyer", "unknown"]


def _normalise(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def _strip_article(term: str) -> str:
    return lx.ARTICLE.sub("", term.strip()).strip()


def _role_word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)
    return re.compile(r"(?<![\w-])(?:" + body + r")(?![\w-])", re.IGNORECASE)


_SUPPLIER_RE = _role_word_pattern(lx.SUPPLIER_WORDS)
_BUYER_RE = _role_word_pattern(lx.BUYER_WORDS)


def _word_role(text: str, *, context: bool = False) -> Role:
    """Role named by role words in ``text``; ``context`` drops words that are ordinary nouns in descriptions."""
    supplier = buyer = 0
    for pattern, role in ((_SUPPLIER_RE, "supplier"), (_BUYER_RE, "buyer")):
        for match in pattern.finditer(text):
            word = match.group(0).lower()
            if word in lx.CAPITALISED_ONLY and (context or not match.group(0)[0].isupper()):
                continue
            if role == "supplier":
                supplier += 1
            else:
                buyer += 1
    if supplier > buyer:
        return "supplier"
    if buyer > supplier:
        return "buyer"
    return "unknown"


def _term_role(term: str) -> Role:
    """Role of a defined term from its own words ("le Prestataire" → supplier)."""
    bare = _strip_article(term)
    whole = _SUPPLIER_RE.fullmatch(bare) or _BUYER_RE.fullmatch(bare)
    if whole:
        return "supplier" if _SUPPLIER_RE.fullmatch(bare) else "buyer"
    return _word_role(bare)


def _context_role(description: str) -> Role:
    """Role stated in the description of a party ("en qualité de prestataire", "a provider of", "Supplier:")."""
    for match in lx.ROLE_CONTEXT.finditer(description):
        role = _word_role(match.group("word").split(",")[0])
        if role != "unknown":
            return role
    for match in lx.LABEL_LINE.finditer(description):
        return _word_role(match.group("label").title())
    if lx.SUPPLIER_CONTEXT.search(description):
        return "supplier"
    return "unknown"


def _description(text: str, start: int, end: int, previous_end: int, next_start: int) -> tuple[str, str]:
    """The text before and after the party defined at ``start``..``end``, cut at the neighbouring parties."""
    before = text[max(previous_end, start - 600) : start]
    cuts = list(lx.PARTY_SEPARATOR.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    after = text[end : min(next_start, end + 300)]
    cut = lx.PARTY_SEPARATOR.search(after)
    if cut:
        after = after[: cut.start()]
    return before, after


def _action_role(term: str, text: str) -> Role:
    """Role from what the term does in the text ("ACME shall provide", "ACME wishes to outsource")."""
    bare = re.escape(_strip_article(term)).replace(r"\ ", r"\s+")
    supplier = buyer = 0
    for match in re.finditer(r"(?<![\w-])" + bare + r"(?![\w-])", text):
        rest = text[match.end() : match.end() + 160]
        if lx.SUPPLIER_VERB.match(rest):
            supplier += 1
        elif lx.BUYER_VERB.match(rest):
            buyer += 1
        before = text[max(0, match.start() - 40) : match.start()]
        if re.search(r"\b(?:engage|appoint|retain|select(?:ed)?|confier\s+à|entrust)\s+(?:the\s+)?$", before, re.I):
            supplier += 1
    if supplier > buyer:
        return "supplier"
    if buyer > supplier:
        return "buyer"
    return "unknown"


def _definitions(text: str) -> list[tuple[str, int]]:
    """Quoted party terms preceded by a definition marker, with their offsets."""
    found: list[tuple[str, int]] = []
    for match in lx.QUOTED.finditer(text):
        index = next(i for i, group in enumerate(match.groups(), 1) if group is not None)
        term = match.group(index).strip()
        before = text[max(0, match.start() - 60) : match.start()]
        if not term or not lx.DEFINITION_MARKER.search(before):
            continue
        found.append((term, match.start(index) + match.group(index).index(term)))
    return found


def resolve_parties(text: str, lang: str) -> tuple[PartyRole, ...]:
    """The party terms of a document and their roles, in order of definition (see the module docstring)."""
    del lang  # the word lists hold both languages; a French contract may quote English names.
    norm = _normalise(text)
    entries: list[tuple[str, int, Role]] = []
    seen: set[str] = set()
    definitions = _definitions(norm)
    for index, (term, start) in enumerate(definitions):
        key = _strip_article(term).lower()
        if lx.COLLECTIVE_TERM.match(term) or key in seen:
            continue
        previous_end = definitions[index - 1][1] + len(definitions[index - 1][0]) + 1 if index else 0
        next_start = definitions[index + 1][1] if index + 1 < len(definitions) else len(norm)
        before, after = _description(norm, start, start + len(term) + 1, previous_end, next_start)
        role = _term_role(term)
        if role == "unknown":
            if len(term.split()) > 4 or not lx.COMPANY_MARKER.search(before):
                continue  # a defined term that is not a party ("the Effective Date")
            role = _context_role(before + " " + after)
        if role == "unknown":
            role = _action_role(term, norm)
        seen.add(key)
        entries.append((term, start, role))
    for match in lx.LABEL_LINE.finditer(norm):
        name = match.group("name").strip()
        key = _strip_article(name).lower()
        if any(known in key or key in known for known in seen) or len(name.split()) > 10:
            continue
        seen.add(key)
        role = _word_role(match.group("label").title())
        entries.append((name, match.start("name"), role))
    entries.sort(key=lambda entry: entry[1])
    roles = [role for _, _, role in entries]
    if len(entries) == 2 and roles.count("unknown") == 1:
        known = next(role for role in roles if role != "unknown")
        other: Role = "buyer" if known == "supplier" else "supplier"
        entries = [(term, start, role if role != "unknown" else other) for term, start, role in entries]
    return tuple(PartyRole(term=term, role=role, start=start) for term, start, role in entries)


@lru_cache(maxsize=64)
def party_pattern(roles: tuple[PartyRole, ...]) -> re.Pattern[str]:
    """One pattern for every party mention: resolved terms, role words and collective subjects."""
    terms = {_strip_article(role.term) for role in roles}
    words = sorted({*terms, *lx.SUPPLIER_WORDS, *lx.BUYER_WORDS}, key=len, reverse=True)
    body = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words if word)
    both = "|".join(lx.BOTH_ALTERNATIVES)
    return re.compile(r"(?<![\w-])(?:" + body + "|" + both + r")(?![\w-])", re.IGNORECASE)


def party_of(subject_text: str, roles: tuple[PartyRole, ...]) -> Party:
    """The role of a sentence subject ("le Titulaire", "The Parties", "each party", "ACME").

    Resolved terms are matched first (longest first, articles ignored, case-insensitive);
    then role words and collective subjects ("les parties", "chaque partie", "either
    party" → both). A subject naming a supplier and a buyer ("le titulaire et
    l'acheteur") is ``both``; a subject naming no party is ``none``.
    """
    text = _normalise(subject_text)
    found: set[str] = set()
    rest = text
    for role in sorted(roles, key=lambda r: len(r.term), reverse=True):
        bare = _strip_article(role.term)
        if not bare:
            continue
        pattern = re.compile(r"(?<![\w-])" + re.escape(bare).replace(r"\ ", r"\s+") + r"(?![\w-])", re.IGNORECASE)
        if pattern.search(rest):
            rest = pattern.sub(" ", rest)
            if role.role != "unknown":
                found.add(role.role)
    if lx.BOTH_PATTERN.search(rest):
        return "both"
    word_role = _word_role(rest)
    if word_role != "unknown":
        found.add(word_role)
    else:
        # one word of each side ("le titulaire et le client")
        if _SUPPLIER_RE.search(rest) and any(
            m.group(0).lower() not in lx.CAPITALISED_ONLY or m.group(0)[0].isupper() for m in _BUYER_RE.finditer(rest)
        ):
            found.update({"supplier", "buyer"})
    if found == {"supplier"}:
        return "supplier"
    if found == {"buyer"}:
        return "buyer"
    if found:
        return "both"
    return "none"
