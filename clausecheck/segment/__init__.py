"""Segmentation: from a document's blocks to its clause tree."""

from clausecheck.segment.segmenter import segment

__all__ = ["segment"]
