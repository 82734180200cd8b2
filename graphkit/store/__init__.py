"""Stage 3, the store: the embedded pyoxigraph store, vote graphs, the SPARQL query library and endpoints."""
