"""Temporal expressions (placeholder)."""
from __future__ import annotations


def extract_temporal(text, sentences, published=None, published_until=None):
    return []
