"""Suppression comments (placeholder)."""
from __future__ import annotations


def apply_suppressions(analysis, findings, config):
    return list(findings)
