"""Attribution (placeholder)."""
from __future__ import annotations


def attribute(text, sentences, paragraphs, claims, scope="sentence"):
    return list(claims), []
