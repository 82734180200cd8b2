"""Stage 5, the analyses: the position matrix and what is computed on it (agreement, blocs, swing states, drift ...).

Analysis functions take matrices, records or NetworkX graphs and return plain
data; they know nothing of RDF or files.
"""
