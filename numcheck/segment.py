"""Sentences and paragraphs (placeholder: paragraphs on blank lines, sentences on . ! ?)."""
from __future__ import annotations

import re

from numcheck.models import Paragraph, Sentence

_PARA = re.compile(r"\n[ \t]*\n")
_SENT_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[A-Z“\"])")


def segment(text: str) -> tuple[tuple[Sentence, ...], tuple[Paragraph, ...]]:
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    pos = 0
    for m in list(_PARA.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        if text[pos:end].strip():
            paragraphs.append(Paragraph(pos, end))
        pos = m.end() if m else len(text)
    for pi, p in enumerate(paragraphs):
        s = p.start
        for m in _SENT_END.finditer(text, p.start, p.end):
            sentences.append(Sentence(s, m.start(), pi))
            s = m.end()
        if s < p.end:
            sentences.append(Sentence(s, p.end, pi))
    return tuple(sentences), tuple(paragraphs)
