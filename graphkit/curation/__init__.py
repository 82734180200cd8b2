"""Curation scripts: regenerate committed data files from well-kept libraries.

They run by hand (``python -m graphkit.curation.states``), not at build time,
and need the ``curate`` extra (country_converter, pycountry).
"""
