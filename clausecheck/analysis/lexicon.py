"""Word lists of the provision and party analysis (French and English), as compiled patterns.

Everything here is data: the parties and provisions modules only combine these
patterns. All patterns are matched case-insensitively on the sentence text
(apostrophes normalised to ``'``), so they work the same in fast and accurate mode.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE


def _words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern matching any alternative as whole words."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", _I)


# ---------------------------------------------------------------------------------------------- parties
# Role words. Licensor is a supplier (it supplies the licensed right), licensee a buyer;
# a distributor, reseller or franchisee buys goods or rights, so it is a buyer.
SUPPLIER_WORDS: tuple[str, ...] = (
    "titulaire", "titulaires", "prestataire", "prestataires", "fournisseur", "fournisseurs", "sous-traitant",
    "sous-traitants", "cocontractant", "attributaire", "entrepreneur", "mandataire", "vendeur", "concédant",
    "contractor", "contractors", "subcontractor", "subcontractors", "vendor", "vendors", "service provider",
    "provider", "supplier", "suppliers", "manufacturer", "consultant", "seller", "licensor", "franchisor",
)
BUYER_WORDS: tuple[str, ...] = (
    "acheteur", "pouvoir adjudicateur", "client", "donneur d'ordre", "donneur d'ordres", "entité adjudicatrice",
    "maître d'ouvrage", "personne publique", "acquéreur", "licencié", "distributeur",
    "customer", "purchaser", "company", "buyer", "licensee", "distributor", "reseller", "franchisee",
    "contracting authority", "authority", "employer", "owner",
)
# Generic words that are ordinary nouns when written in lower case ("a company incorporated in",
# "les clients internautes", "a provider of"): they name a party only when capitalised.
CAPITALISED_ONLY: frozenset[str] = frozenset(
    {"company", "provider", "authority", "owner", "employer", "distributor", "consultant"}
)
# Subjects that bind both parties.
BOTH_ALTERNATIVES: tuple[str, ...] = (
    r"(?:les|the|both|deux|des)\s+parties", r"parties", r"each\s+party", r"either\s+party", r"neither\s+party",
    r"chaque\s+partie", r"chacune\s+des\s+parties", r"chacune", r"chacun", r"aucune\s+des\s+parties",
    r"l'une\s+ou\s+l'autre\s+des\s+parties", r"l'une\s+ou\s+l'autre", r"une\s+partie", r"a\s+party", r"party",
    r"partie", r"no\s+party", r"any\s+party", r"each\s+of\s+the\s+parties",
)
BOTH_PATTERN = _words(*BOTH_ALTERNATIVES)
# Defined terms that name the parties together ("les Parties", "a Party"): not a role of their own.
COLLECTIVE_TERM = re.compile(r"^(?:(?:les|la|une|the|a|each|either)\s+)?(?:parties|partie|party|parties\s+\w+)$", _I)
ARTICLE = re.compile(r"^(?:(?:le|la|les|the|a|an|un|une)\s+|l')", _I)

# A quoted defined term and the markers that make it a party definition.
QUOTED = re.compile(r"«\s*([^«»\n]{1,80}?)\s*»|\"([^\"\n]{1,80}?)\"|“([^“”\n]{1,80}?)”|‘([^‘’\n]{1,80}?)’")
DEFINITION_MARKER = re.compile(
    r"(?:ci-après|ci-dessous|ci-apr[eè]s|hereinafter|hereafter|referred\s+to\s+as|called|dénommée?s?|désignée?s?|"
    r"appelée?s?|nommée?s?|together|ensemble|individually|individuellement)[\s,:]*(?:\w+[\s,:]*){0,4}$"
    r"|\(\s*(?:(?:the|le|la|l')\s*)?$|\(\s*(?:hereinafter|ci-après)[\s,:]*(?:\w+\s*){0,3}$",
    _I,
)
# "Titulaire : ACME SA" / "Supplier: ACME Ltd" at the start of a line.
LABEL_LINE = re.compile(
    r"^[ \t]*(?P<label>titulaire|prestataire|fournisseur|pouvoir adjudicateur|acheteur|client|entité adjudicatrice|"
    r"supplier|contractor|vendor|service provider|provider|customer|purchaser|buyer|client)[ \t]*:[ \t]*"
    r"(?P<name>[^\n,;:(]{2,80})",
    _I | re.MULTILINE,
)
# Context that states a party's role near its description.
ROLE_CONTEXT = re.compile(
    r"(?:en\s+(?:sa\s+)?qualité\s+de|agissant\s+en\s+tant\s+que|en\s+tant\s+que|acting\s+as|in\s+its\s+capacity\s+as|"
    r"as\s+(?:the\s+)?)\s*(?:(?:le|la|l'|the|a|an)\s*)?(?P<word>[\w' -]{3,40})",
    _I,
)
# Words that show a description is a legal person (for defined names without a role word).
COMPANY_MARKER = _words(
    r"soci[ée]t[ée]", r"SA", r"SAS", r"SASU", r"SARL", r"SCOP", r"EURL", r"GIE", r"SNC", r"immatricul\w+", r"siège",
    r"représentée?", r"établissement\s+public", r"commune", r"ville", r"département", r"région", r"communauté",
    r"Inc", r"Ltd", r"LLC", r"LLP", r"PLC", r"GmbH", r"AG", r"BV", r"NV", r"S\.?p\.?A", r"Corp", r"corporation",
    r"company", r"incorporated", r"registered", r"organi[sz]ed", r"limited", r"represented", r"existing\s+under",
)
# Separators between the descriptions of two parties in a preamble.
PARTY_SEPARATOR = re.compile(
    r";|\bET\b|\bAND\b|\b(?i:entre|between)\b|,\s+(?:et|and)\s|\s(?:et|and)\s+(?=(?:la\s+société|the\s+company|[A-Z]))"
    r"|\(\d\)|d'une\s+part|d'autre\s+part|of\s+the\s+(?:one|other|first|second)\s+part"
)
SUPPLIER_CONTEXT = _words(
    r"(?:a|an|the|leading|specialist|specialised|specialized)\s+(?:\w+\s+){0,2}(?:provider|supplier|manufacturer|"
    r"vendor|contractor|consultant)s?\s+of",
    r"(?:prestataire|fournisseur|spécialiste|professionnel|fabricant)\s+(?:\w+\s+){0,2}(?:de|du|des|en)",
    r"provides\s+(?:\w+\s+){0,2}services", r"spécialisée?\s+dans",
)
SUPPLIER_VERBS = (
    r"(?:shall|will|agrees\s+to|undertakes\s+to)\s+(?:\w+\s+)?(?:provide|supply|deliver|perform|manufacture|render)",
    r"(?:provides|supplies|delivers|performs|manufactures)",
    r"(?:fournira|fournit|réalisera|réalise|exécutera|exécute|livrera|assurera)",
    r"(?:s'engage|s'oblige)\s+à\s+(?:fournir|réaliser|exécuter|livrer|assurer)",
    r"(?:a\s+remis|submitted)\s+(?:une|an|its)\s+(?:offre|offer|proposal|tender)",
)
BUYER_VERBS = (
    r"(?:shall|will|agrees\s+to|undertakes\s+to)\s+(?:\w+\s+)?(?:pay|purchase|buy)",
    r"(?:wishes|wants|intends)\s+to\s+(?:outsource|entrust|engage|appoint|purchase|buy|procure)",
    r"(?:paiera|paie|achète|achètera|règlera)", r"souhaite\s+(?:confier|externaliser|acheter|faire\s+appel)",
    r"(?:engages|appoints|retains|has\s+selected|selected)\b",
)
SUPPLIER_VERB = re.compile(r"\s*(?:,[^,.;]{0,80},\s*)?(?:" + "|".join(SUPPLIER_VERBS) + r")\b", _I)
BUYER_VERB = re.compile(r"\s*(?:,[^,.;]{0,80},\s*)?(?:" + "|".join(BUYER_VERBS) + r")\b", _I)

# ---------------------------------------------------------------------------------------------- modality
# Restriction ("ne peut ... que", "shall use only"): an obligation to stay within what is named, strict.
RESTRICTION = re.compile(
    r"\bne\s+(?:peut|peuvent|pourra|pourront|doit|doivent|devra|devront)\s+(?:\S+\s+){0,4}?que\b"
    r"|\b(?:may|shall|must|will|can)\s+(?:\w+\s+){0,2}?only\b|\b(?:may|shall|must)\s+only\b",
    _I,
)
# A negated duty is not a prohibition: "n'est pas tenu de" leaves the party free (permission, negated).
NEGATED_DUTY = re.compile(
    r"\bn'(?:est|sont|a|ont|sera|seront)\s+pas\s+(?:tenue?s?|obligée?s?|astreinte?s?|l'obligation)\b"
    r"|\bne\s+(?:sera|seront|saurait)\s+(?:pas\s+)?tenue?s?\b"
    r"|\b(?:is|are|shall\s+not\s+be|will\s+not\s+be)\s+(?:not\s+)?(?:required|obliged|obligated|bound)\s+to\b"
    r"|\b(?:need|needs)\s+not\b|\bhas\s+no\s+obligation\b|\bhave\s+no\s+obligation\b|\bn'a\s+aucune\s+obligation\b",
    _I,
)
PROHIBITION = re.compile(
    r"\bne\s+(?:peut|peuvent|pourra|pourront|doit|doivent|devra|devront|saurait|sauraient|saura|sauront)\b"
    r"|(?:\bn'|\bne\s+)(?:est|sont|sera|seront)\s+pas\s+(?:autorisée?s?|permise?s?|admise?s?)\b"
    r"|\bil\s+est\s+(?:\w+\s+)?interdit\b|\bs'interdi(?:t|sent|ra|ront)\b|\b(?:est|sont|seront|sera)\s+interdite?s?\b"
    r"|\b(?:aucune?|nul|nulle)\b[^.;:]{0,80}?\bne\b|\binterdiction\s+(?:de|d')"
    r"|\b(?:shall|must|may|will|can|should)\s+not\b|\b(?:shan't|won't|cannot|can't|mustn't)\b"
    r"|\bin\s+no\s+(?:event|case|circumstances?)\b|\bunder\s+no\s+circumstances?\b"
    r"|\b(?:is|are)\s+(?:strictly\s+)?(?:prohibited|forbidden|not\s+permitted|not\s+allowed)\b"
    r"|\bneither\s+(?:party|\w+)\s+(?:shall|may|will)\b|\bnor\s+(?:shall|will|may)\b"
    r"|\bno\s+(?!later|less|more|fewer|longer|sooner|earlier)(?:[\w'-]+\s+){1,6}?(?:shall|may|will|can|must)\b",
    _I,
)
# Whether a prohibition match is a negated modal (as opposed to "il est interdit", "is prohibited").
NEGATIVE_FORM = re.compile(r"\bne\b|\bn'|\bnot\b|n't\b|\bno\b|\baucune?\b|\bnul|\bnever\b|\bneither\b|\bnor\b", _I)
OBLIGATION = re.compile(
    r"\b(?:doit|doivent|devra|devront|devrait)\b|\bs'engagen?t?\b|\bs'engagera\b|\bs'obligen?t?\b"
    r"|\b(?:est|sont|sera|seront|reste|restent)\s+tenue?s?\s+(?:de|d'|à|qu')|\b(?:a|ont|aura)\s+l'obligation\s+de"
    r"|\bil\s+(?:appartient|incombe)\s+(?:au|à|aux)\b|\bil\s+est\s+(?:impératif|obligatoire|exigé)\b"
    r"|\b(?:est|sont)\s+(?:chargée?s?|responsables?)\s+(?:de|d'|du|des)\b|\bs'efforcer[ao]n?t?\b|\bs'efforcen?t?\b"
    r"|\b(?:shall|must)\b|\bagrees?\s+to\b|\bundertakes?\s+to\b|\bcovenants?\s+to\b"
    r"|\b(?:is|are)\s+(?:required|obliged|obligated|responsible)\s+(?:to|for)\b|\bhas\s+to\b|\bhave\s+to\b"
    r"|\bendeavou?rs?\s+to\b",
    _I,
)
# "will" and the French future / present of a duty verb bind only when a party is their subject.
PARTY_VERB = re.compile(
    r"\s*(?:will\b(?!\s+not)|(?:se\s+|s')?(?:\w+(?:era|iera|ira|dra|tra|ront)|assure|réalise|fournit|exécute|"
    r"effectue|met\s+en\s+œuvre|prend\s+en\s+charge|transmet|remet|communique|informe|garantit|maintient|tient|"
    r"veille|procède|supporte|respecte|désigne|établit|rédige|livre|paie|paye|verse|notifie|rencontrent|"
    r"réunissent|réunit|rencontre)\b)",
    _I,
)
PERMISSION = re.compile(
    r"\b(?:peut|peuvent|pourra|pourront|pourrait)\b|\b(?:a|ont|aura)\s+la\s+faculté\b"
    r"|\b(?:est|sont|sera|seront)\s+(?:autorisée?s?|habilitée?s?|en\s+droit)\s+(?:à|de|d')"
    r"|\b(?:est|sont|reste|restent|demeure|demeurent)\s+libres?\b|\b(?:a|ont)\s+le\s+droit\b"
    r"|\bse\s+réserven?t?\s+le\s+droit\b|\bil\s+est\s+loisible\b"
    r"|\bmay\b|\b(?:is|are|shall\s+be|will\s+be)\s+(?:entitled|permitted|authori[sz]ed|free)\s+to\b"
    r"|\b(?:has|have|shall\s+have|will\s+have)\s+the\s+right\b|\breserves?\s+the\s+right\b"
    r"|\bat\s+its\s+(?:sole\s+|own\s+)?(?:discretion|option)\b",
    _I,
)

# ---------------------------------------------------------------------------------------------- strength
SOFT = re.compile(
    r"\bs'efforc\w*|\bdans\s+la\s+mesure\s+du\s+possible\b|\bautant\s+que\s+(?:possible|faire\s+se\s+peut)\b"
    r"|\bmeilleurs?\s+efforts\b|\beffort\s+raisonnable|\befforts\s+raisonnables\b"
    r"|\bfaire\s+ses\s+meilleurs\b|\bsi\s+possible\b"
    r"|\b(?:commercially\s+)?reasonable\s+(?:efforts?|endeavou?rs?)\b|\bcommercially\s+reasonable\b"
    r"|\bendeavou?r\w*|\bbest\s+(?:efforts?|endeavou?rs?)\b|\bwhere\s+(?:practicable|possible|feasible)\b"
    r"|\b(?:as\s+far\s+as|to\s+the\s+extent)\s+(?:reasonably\s+)?(?:practicable|possible)\b|\bif\s+possible\b"
    r"|\bgood\s+faith\s+efforts\b",
    _I,
)
STRICT = re.compile(
    r"\bexclusivement\b|\bimpérativement\b|\ben\s+aucun\s+cas\b|\bsans\s+(?:aucune\s+)?exception\b"
    r"|\bsans\s+aucune\s+dérogation\b|\baucune\s+dérogation\b|\bstrictement\b|\bobligatoirement\b"
    r"|\ben\s+toutes?\s+circonstances?\b|\bformellement\b|\bsystématiquement\b|\bseul(?:e|s|es)?\s+(?:les?|la|l')\b"
    r"|\bstrictly\b|\bsolely\b|\bexclusively\b|\bin\s+no\s+(?:event|case|circumstances?)\b"
    r"|\bunder\s+no\s+circumstances?\b|\bat\s+all\s+times\b|\bwithout\s+exception\b|\bnon-negotiable\b",
    _I,
)

# ---------------------------------------------------------------------------------------------- exceptions
EXCEPTION = re.compile(
    r"\bsauf\b|\bà\s+moins\s+(?:que|qu'|d')|\bsous\s+réserve\s+(?:de|d'|du|des)\b|\bexcepté\b|\bhormis\b"
    r"|\bà\s+l'exception\s+d|\bsans\s+(?:l'|un\s+|son\s+|leur\s+)?(?:accord|autorisation|agrément|consentement|"
    r"avenant|approbation|validation)\b|\bhors\s+(?:accord|autorisation)\b"
    r"|\bqu'(?:après|avec|en\s+cas)\b|\bque\s+(?:si|sur)\b"
    r"|\bexcept\b|\bunless\b|\bsave\s+(?:as|that|where|for)\b|\bsubject\s+to\b|\bother\s+than\b"
    r"|\bwithout\s+(?:the\s+)?(?:[\w']+\s+)?(?:prior\s+)?(?:written\s+)?(?:consent|approval|agreement|"
    r"authori[sz]ation)\b",
    _I,
)

# ---------------------------------------------------------------------------------------------- spec kind
# Statements that leave the means free cancel the means words of the same sentence.
FREE_MEANS = re.compile(
    r"\blibres?\s+(?:des|du\s+choix\s+des|de\s+ses|de\s+choisir\s+(?:les|ses))\s+moyens\b|\bchoix\s+des\s+moyens\b"
    r"|\bfree\s+to\s+(?:determine|choose)\b|\bdetermin\w*\s+(?:how|the\s+means|the\s+methods)\b"
    r"|\bresponsible\s+for\s+determining\b|\bwithout\s+prescrib\w*\b|\bsans\s+prescri\w*\b",
    _I,
)
MEANS = re.compile(
    r"\bpersonnel\b|\btechniciens?\b|\beffectifs?\b|\bagents?\b|\bopérateurs?\b|\bchef\s+d'équipe\b"
    r"|\béquivalents?\s+temps\s+plein\b|\bETP\b|\bà\s+temps\s+plein\b|\baffecter\b|\baffecte\w*\b"
    r"|\boutils?\b|\boutillage\b|\blogiciels?\b|\bmatériels?\b|\bmatériaux\b|\béquipements?\b|\bvéhicules?\b"
    r"|\bmarques?\b|\bméthodes?\b|\bmode\s+opératoire\b|\bprocédures?\b|\bprotocole\b|\bgamme\s+de\s+maintenance\b"
    r"|\bselon\s+la\s+procédure\b|\bà\s+l'aide\s+d|\bau\s+moyen\s+d|\butilis\w+\b|\bemploi\w*\b|\bproduits\b"
    r"|\bqualifications?\b|\bhabilitations?\b|\bcertifi\w+\b"
    r"|\bstaff\w*\b|\bpersonnel\b|\bemployees\b|\btechnicians?\b|\bengineers?\b|\bfull[- ]time\b|\bheadcount\b"
    r"|\btools?\b|\bsoftware\b|\bequipment\b|\bmaterials?\b|\bvehicles?\b|\bbrands?\b|\bmethods?\b"
    r"|\bmethodolog\w+\b|\bprocedures?\b|\bprocess(?:es)?\b|\buse\b|\busing\b|\buses\b|\bdedicated\s+team\b",
    _I,
)
OUTPUT_SPECIFIC = re.compile(
    r"\btaux\s+(?:de|d')\s*\w+|\bdisponibilité\b|\bdélai\s+(?:de|d')\s*(?:livraison|intervention|réponse|"
    r"traitement|remise|rétablissement|réparation|résolution|prise\s+en\s+charge)|\bdélais?\s+d'intervention\b"
    r"|\bniveaux?\s+de\s+(?:service|performance|qualité)\b|\bindicateurs?\b|\bKPIs?\b|\bSLAs?\b"
    r"|\b(?:dans\s+un\s+délai\s+(?:de|d')|sous|en\s+moins\s+de)\s*(?:\d+|une?|deux|trois|quatre|six|huit|douze|"
    r"vingt-quatre|quarante-huit|soixante-douze)\s*(?:h\b|heures?|minutes?)"
    r"|\bwithin\s+\d+\s*(?:business\s+|working\s+)?(?:hours?|minutes?)\b|\bservice\s+levels?\b"
    r"|\bavailability\b|\buptime\b|\b(?:response|resolution|restoration|delivery|lead)\s+times?\b"
    r"|\bperformance\s+(?:levels?|standards?|targets?)\b|\baccuracy\b|\bon[- ]time\b|\bfirst[- ]time\s+fix\b",
    _I,
)
OUTPUT_GENERIC = re.compile(r"\d+(?:[.,]\d+)?\s*(?:%|pour\s*cent|percent\b)", _I)
OUTCOME = re.compile(
    r"\bréduction\s+(?:des|de\s+la|du)\s+(?:coûts?|consommation|émissions|dépenses)\b|\bréduire\b|\béconomies\b"
    r"|\bsatisfaction\b|\bconsommation\s+d'énergie\b|\bgains?\s+de\s+productivité\b|\bchiffre\s+d'affaires\b"
    r"|\bempreinte\s+carbone\b|\bémissions\b|\bperformance\s+énergétique\b"
    r"|\bcost\s+(?:savings?|reductions?)\b|\breduc\w+\s+(?:\w+\s+){0,3}(?:costs?|consumption|emissions)\b"
    r"|\bsatisfaction\b|\benergy\s+consumption\b|\bproductivity\s+gains?\b|\brevenue\b|\bbusiness\s+outcomes?\b"
    r"|\bcarbon\b|\bsavings\b",
    _I,
)
MEANS_RESULT = re.compile(
    r"\bobligations?\s+de\s+(?P<fr>moyens|résultats?)\b|\bengagements?\s+de\s+(?P<fr2>moyens|résultats?)\b"
    r"|\bobligations?\s+of\s+(?P<en>means|result)s?\b",
    _I,
)

# ---------------------------------------------------------------------------------------------- review
REVIEW = _words(
    r"révision\w*", r"révis\w+", r"revoyure", r"réexam\w+", r"renégoci\w+", r"rendez-vous", r"avenants?",
    r"modifications?", r"indexation", r"indexée?s?", r"hardship", r"imprévision", r"1195", r"variations?",
    r"se\s+rencontren?t?", r"se\s+réuni\w+", r"ajust\w+", r"renegotiat\w+", r"reviews?", r"reviewed", r"adjust\w*",
    r"change\s+requests?", r"change\s+control", r"meet\s+to", r"shall\s+meet", r"will\s+meet", r"for\s+convenience",
    r"pour\s+convenance", r"motif\s+d'intérêt\s+général", r"benchmark\w*", r"price\s+variation",
    r"revis\w+", r"re-?examin\w+", r"amend\w*", r"requests?\s+to\s+change",
    r"changes?\s+to\s+the\s+(?:agreement|contract|scope|services)",
)
NUMERIC_TRIGGER = re.compile(
    r"[±+]\s*\d+(?:[.,]\d+)?\s*%|\b(?:plus|moins)\s+de\s+\d+(?:[.,]\d+)?\s*%|\bau-delà\s+de\s+\d+"
    r"|\b(?:supérieure?s?|inférieure?s?)\s+à\s+\d+(?:[.,]\d+)?\s*%|\bseuil\b|\b\d+(?:[.,]\d+)?\s*%\s+ou\s+plus\b"
    r"|\b(?:exceeds?|exceeding|more\s+than|less\s+than|above|below|over|beyond)\s+\d+(?:[.,]\d+)?\s*(?:%|per)"
    r"|\bthreshold\b|\b\d+(?:[.,]\d+)?\s*%\s+or\s+more\b|\bby\s+(?:more\s+than\s+)?\d+(?:[.,]\d+)?\s*%",
    _I,
)
PERIODIC_TRIGGER = _words(
    r"annuellement", r"chaque\s+année", r"tous\s+les\s+(?:\d+|deux|trois|quatre|six|douze)\s+(?:mois|ans)",
    r"semestriel\w*", r"trimestriel\w*", r"mensuel\w*", r"annuel\w*", r"chaque\s+(?:trimestre|semestre|mois)",
    r"à\s+chaque\s+date\s+anniversaire", r"date\s+anniversaire", r"une\s+fois\s+par\s+an",
    r"annually", r"each\s+year", r"every\s+(?:\d+|two|three|six|twelve)\s+(?:months|years)", r"quarterly",
    r"yearly", r"annual", r"each\s+(?:contract\s+)?(?:anniversary|quarter)", r"anniversary", r"once\s+a\s+year",
    r"bi-?annual\w*", r"semi-annual\w*",
)
EVENT_TRIGGER = _words(
    r"en\s+cas\s+d[e']", r"si", r"s'il", r"s'ils", r"lorsque", r"lorsqu'\w+", r"dès\s+que", r"dans\s+l'hypothèse",
    r"in\s+the\s+event", r"if", r"upon", r"in\s+case\s+of", r"where", r"should", r"when",
)
PROCEDURE = re.compile(
    r"\bdélai\s+(?:de|d')\s*\w+|\bdans\s+(?:un|les)\s+délais?\b|\bsous\s+\d+\s+jours\b|\b\d+\s+(?:jours|mois)\b"
    r"|\blettre\s+recommandée\b|\bpar\s+écrit\b|\bpréavis\b|\bnotifi\w+|\bse\s+rencontren?t?\b|\bse\s+réuni\w+"
    r"|\bréunion\b|\bcomité\b|\bproposition\s+chiffrée\b|\bdemande\s+motivée\b"
    r"|\bwithin\s+\d+\s+\w+|\bwithin\s+[a-z-]+\s+\(\d+\)\s+\w+|\b\d+\s+(?:days|months)'?\s*(?:prior\s+)?(?:written\s+)?notice\b|\bwritten\s+notice\b"
    r"|\bin\s+writing\b|\b(?:shall|will)\s+meet\b|\bmeeting\b|\bnotify\b|\bnotice\s+period\b|\bprior\s+notice\b"
    r"|\bconvene\b|\bchange\s+request\s+form\b",
    _I,
)
FAILED_AGREEMENT = re.compile(
    r"\bà\s+défaut\s+d'accord\b|\bfaute\s+d'accord\b|\ben\s+l'absence\s+d'accord\b|\bà\s+défaut\s+d'entente\b"
    r"|\bsi\s+les\s+parties\s+ne\s+parviennent\s+pas\b|\bfailing\s+(?:such\s+)?agreement\b"
    r"|\bfail(?:s|ed)?\s+to\s+agree\b|\b(?:absence\s+of|no)\s+agreement\b|\bcannot\s+agree\b"
    r"|\bnot\s+(?:able\s+to\s+)?(?:reach|agree)\b|\beither\s+party\s+may\s+terminate\b",
    _I,
)
CONSEQUENCE_OUTCOME = re.compile(
    r"\brésili\w+|\bexpert\w*|\bmédiat\w+|\bconciliat\w+|\barbitr\w+|\btribunal\b|\bjuge\b"
    r"|\bterminat\w+|\bmediat\w+|\bdispute\s+resolution\b|\bcourt\b",
    _I,
)
NEGOTIATION = re.compile(r"\bnégoci\w+|\brenégoci\w+|\bse\s+rencontr\w+|\bréexam\w+|\brevoyure\b|\bnegotiat\w+"
                         r"|\brenegotiat\w+|\bmeet\b|\breview\b", _I)

# ---------------------------------------------------------------------------------------------- subjects
PRONOUN_SUBJECT = _words(
    r"il", r"elle", r"ils", r"elles", r"celui-ci", r"celle-ci", r"ceux-ci", r"celles-ci", r"it", r"they", r"he",
    r"she", r"alors", r"then", r"toutefois", r"however", r"also", r"en\s+outre", r"notamment", r"également",
)
# Abbreviations after which the sentencizer's full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    {"art", "arts", "n", "no", "nos", "nº", "m", "mm", "mme", "mmes", "cf", "p", "pp", "al", "etc", "ex", "inc",
     "ltd", "co", "corp", "plc", "sa", "sas", "sarl", "e.g", "i.e", "eg", "ie", "vs", "sect", "s", "ht", "ttc",
     "min", "max", "env", "mr", "mrs", "ms", "dr", "st", "approx", "cl", "ch", "chap", "para", "c", "r", "l", "d",
     "annexe", "fig", "réf", "ref", "tel", "tél", "id", "op", "cit", "vol", "jan", "feb", "sept", "oct", "nov",
     "dec"}
)
