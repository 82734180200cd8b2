"""Stage 2, the RDF graph: load the ontology and a data folder, resolve states, validate, write.

``loading`` reads Turtle and signatory lists into one dataset (a named graph
per file); ``states`` resolves what sources call a state (one resolver);
``validation`` checks the graph against the SHACL shapes; ``build`` ties them
together; ``writing`` writes files atomically; ``evidence`` reads the sources
and excerpts behind a fact.
"""
