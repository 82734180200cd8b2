"""Extraction of alignment acts from text (work in progress)."""
