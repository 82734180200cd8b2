"""graphkit.store.embedded: the persisted pyoxigraph store, its freshness check and graph replacement."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graphkit.graph.build import build
from graphkit.errors import DataError, InputError
from graphkit.namespaces import graph_iri
from graphkit.store.embedded import ensure_store, is_fresh, load_build, open_store

UNGA = ox.NamedNode("https://w3id.org/graphkit/id/graph/unga-voeten")


def graphs(path):
    store = open_store(path, read_only=True)
    return {g.value for g in store.named_graphs()}


def test_ensure_store_builds_once_and_sees_changes(world_copy, tmp_path):
    path = tmp_path / "store"
    assert not is_fresh(path, world_copy)
    ensure_store(world_copy, path)
    assert is_fresh(path, world_copy)
    assert str(graph_iri("acts/w-2021-vote.ttl")) in graphs(path)
    mtime = (path / "graphkit-manifest.json").stat().st_mtime_ns
    ensure_store(world_copy, path)  # fresh: not rebuilt
    assert (path / "graphkit-manifest.json").stat().st_mtime_ns == mtime
    f = world_copy / "acts" / "w-2021-vote.ttl"
    f.write_text(f.read_text().replace("A/RES/99/1", "A/RES/99/2"))
    assert not is_fresh(path, world_copy)
    ensure_store(world_copy, path)
    store = open_store(path, read_only=True)
    assert bool(store.query('ASK { ?a <https://w3id.org/graphkit/ontology#symbol> "A/RES/99/2" }', use_default_graph_as_union=True))
    assert not bool(store.query('ASK { ?a <https://w3id.org/graphkit/ontology#symbol> "A/RES/99/1" }', use_default_graph_as_union=True))


def test_reload_keeps_foreign_graphs_and_drops_stale_own_ones(world_copy, tmp_path):
    path = tmp_path / "store"
    ensure_store(world_copy, path)
    s = open_store(path)
    s.add(ox.Quad(ox.NamedNode("urn:vote:1"), ox.NamedNode("urn:p"), ox.Literal("yes"), UNGA))
    del s
    (world_copy / "acts" / "w-2022-support.ttl").unlink()
    (world_copy / "lists" / "w-2022-support.csv").unlink()
    ensure_store(world_copy, path)
    names = graphs(path)
    assert UNGA.value in names
    assert str(graph_iri("acts/w-2022-support.ttl")) not in names
    assert str(graph_iri("acts/w-2021-vote.ttl")) in names


def test_a_failing_load_changes_nothing(world, tmp_path, monkeypatch):
    path = tmp_path / "store"
    load_build(world, path)
    before = len(open_store(path, read_only=True))
    import graphkit.store.embedded as st
    good = st.build_quads_ntriples

    def broken(result):
        graphs = good(result)
        graphs["https://w3id.org/graphkit/id/graph/zzz-broken"] = "<urn:a> <urn:b> \"unterminated .\n"
        return graphs

    monkeypatch.setattr(st, "build_quads_ntriples", broken)
    with pytest.raises(SyntaxError):
        load_build(world, path)
    assert len(open_store(path, read_only=True)) == before


def test_store_locked_by_a_writer_is_a_clear_error(world, tmp_path):
    path = tmp_path / "store"
    load_build(world, path)
    holder = open_store(path)
    with pytest.raises(InputError, match="holds the store open"):
        open_store(path)
    del holder


def test_missing_store_read_only_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="run graphkit build"):
        open_store(tmp_path / "nowhere", read_only=True)


def test_data_failing_the_shapes_is_not_stored(world_copy, tmp_path):
    f = world_copy / "acts" / "w-2021-vote.ttl"
    f.write_text(f.read_text().replace('gk:count 3 ;', 'gk:count "three" ;'))
    assert not build(world_copy).report.conforms
    with pytest.raises(DataError) as err:
        ensure_store(world_copy, tmp_path / "store")
    assert err.value.exit_code == 1
    assert not (tmp_path / "store" / "graphkit-manifest.json").exists()
