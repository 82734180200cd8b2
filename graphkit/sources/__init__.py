"""Stage 1, the sources: each reads and checks its input and yields RDF for its named graph plus a table of positions.

``curated`` are the acts and signatory lists of the data folder; ``unga`` the UN
General Assembly roll-call votes. A new source is a new package here.
"""
