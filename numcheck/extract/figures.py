"""Figures: money, percentages, counts, measures, plain numbers (placeholder)."""
from __future__ import annotations


def extract_figures(text, sentences):
    return []
