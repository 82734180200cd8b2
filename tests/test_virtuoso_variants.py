"""Engine variants of library queries (queries/variants/<engine>/): declared in the query's header, present, and
answering exactly like the query itself on the embedded store, so that a variant cannot drift from its query."""
from __future__ import annotations

from pathlib import Path

import pytest

from graphkit.store.library import QueryFile, list_queries, run_query
from graphkit.store.query_variants import VARIANTS_DIR, declared_variants, variant_path
from tests.sparql_support import votes_store, world_store, world_votes_store  # noqa: F401 (fixtures)
from tests.test_queries import golden_params, golden_store

DECLARED = [(q, engine) for q in list_queries() for engine in declared_variants(q.text)]


def test_every_variant_file_is_declared_by_its_query_and_no_variant_is_listed_as_a_query():
    files = sorted(VARIANTS_DIR.rglob("*.rq"))
    assert files, "the library has a Virtuoso variant (positions-on-target)"
    declared = {variant_path(q.name, engine) for q, engine in DECLARED}
    assert set(files) == declared
    assert not any(q.name.startswith("variants/") for q in list_queries())


@pytest.mark.parametrize("query, engine", DECLARED, ids=[f"{q.name}-{e}" for q, e in DECLARED])
def test_a_variant_gives_its_querys_rows(query, engine, world_store, world_votes_store, votes_store):
    params = golden_params(query.name)
    store = golden_store(query.name, world_store, world_votes_store, votes_store)    # where its golden was derived
    stand_in = QueryFile(query.name, variant_path(query.name, engine), variant_path(query.name, engine).read_text(),
                         title=query.title, params=query.params, dataset=query.dataset)
    norm = lambda rows: sorted(repr(sorted(r.items())) for r in rows)  # noqa: E731
    expected = run_query(query, params, store=store)
    assert expected and norm(run_query(stand_in, params, store=store)) == norm(expected)
