"""Extractors: each finds one kind of thing in text and returns frozen records with spans.

No extractor knows about rules.
"""
