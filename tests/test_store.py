"""graphkit.store.embedded and .generations: the persisted store, its freshness check, graph replacement in generations."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graphkit.graph.build import build
from graphkit.errors import DataError, InputError
from graphkit.store.embedded import (CURATED_GRAPH, ONTOLOGY_GRAPH, ensure_store, is_fresh, load_build, open_store,
                                     read_manifest)
from graphkit.store.generations import GENERATIONS, POINTER, StoreStateError, StoreWriter, current_dir, state

UNGA = ox.NamedNode("https://w3id.org/graphkit/id/graph/unga-voeten")


def graphs(path):
    store = open_store(path, read_only=True)
    return {g.value for g in store.named_graphs()}


def test_ensure_store_builds_once_and_sees_changes(world_copy, tmp_path):
    path = tmp_path / "store"
    assert not is_fresh(path, world_copy)
    ensure_store(world_copy, path)
    assert is_fresh(path, world_copy)
    assert graphs(path) == {CURATED_GRAPH, ONTOLOGY_GRAPH}
    generation = current_dir(path)
    ensure_store(world_copy, path)  # fresh: not rebuilt
    assert current_dir(path) == generation
    f = world_copy / "acts" / "w-2021-vote.ttl"
    f.write_text(f.read_text().replace("A/RES/99/1", "A/RES/99/2"))
    assert not is_fresh(path, world_copy)
    ensure_store(world_copy, path)
    store = open_store(path, read_only=True)
    assert bool(store.query('ASK { ?a <https://w3id.org/graphkit/ontology#symbol> "A/RES/99/2" }', use_default_graph_as_union=True))
    assert not bool(store.query('ASK { ?a <https://w3id.org/graphkit/ontology#symbol> "A/RES/99/1" }', use_default_graph_as_union=True))


def test_reload_keeps_imported_graphs_and_drops_stale_own_ones(world_copy, tmp_path):
    from graphkit.store.votes import import_table
    from unga_support import fixture_table
    path = tmp_path / "store"
    ensure_store(world_copy, path)
    import_table(fixture_table(), path, release="fixture")
    (world_copy / "acts" / "w-2022-support.ttl").unlink()
    (world_copy / "lists" / "w-2022-support.csv").unlink()
    ensure_store(world_copy, path)
    names = graphs(path)
    assert names == {CURATED_GRAPH, ONTOLOGY_GRAPH, UNGA.value}
    store = open_store(path, read_only=True)
    act = "<https://w3id.org/graphkit/id/act/{}>"
    assert not bool(store.query(f"ASK {{ {act.format('w-2022-support')} ?p ?o }}", use_default_graph_as_union=True))
    assert bool(store.query(f"ASK {{ {act.format('w-2021-vote')} ?p ?o }}", use_default_graph_as_union=True))
    assert read_manifest(path)["graphs"][UNGA.value]["votes"] == 19


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


def test_a_second_writer_is_a_clear_error_and_readers_go_on(world, tmp_path):
    path = tmp_path / "store"
    load_build(world, path)
    with StoreWriter(path):
        with pytest.raises(InputError, match="another graphkit process holds its lock"):
            load_build(world, path)
        assert graphs(path)                                   # readers are never blocked


def test_a_write_interrupted_before_its_commit_leaves_the_previous_store(world, tmp_path):
    path = tmp_path / "store"
    load_build(world, path)
    before = (current_dir(path), sorted(graphs(path)))
    w = StoreWriter(path, start="empty").__enter__()
    w.store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("half-written"), ox.NamedNode("urn:g")))
    w.store.flush()
    # the process dies here: no commit; its generation directory is left behind, unreferenced
    w.store = None
    w._lock.close()
    assert (current_dir(path), sorted(graphs(path))) == before
    load_build(world, path)                                  # the next write clears it away
    assert len(list((path / GENERATIONS).iterdir())) == 2    # the current generation and the one before


def test_a_store_in_an_unknown_state_is_reported_with_its_repair(world_copy, tmp_path):
    from click.testing import CliRunner
    from graphkit.cli import main
    path = tmp_path / "store"
    ensure_store(world_copy, path)
    (path / POINTER).write_text("00000000000000000000-1\n")   # points at a generation that is not there
    assert state(path) == "broken"
    with pytest.raises(StoreStateError, match="unknown state"):
        open_store(path, read_only=True)
    with pytest.raises(StoreStateError, match="graphkit build"):
        ensure_store(world_copy, path)                        # not rebuilt behind the user's back
    r = CliRunner().invoke(main, ["query", "co-signers", "--data", str(world_copy), "--store", str(path)])
    assert r.exit_code == 2 and "unknown state" in r.output and "graphkit build --store" in r.output
    r = CliRunner().invoke(main, ["build", "--data", str(world_copy), "--store", str(path), "-o", str(tmp_path / "g.ttl")])
    assert r.exit_code == 0, r.output
    assert state(path) == "ok" and graphs(path) == {CURATED_GRAPH, ONTOLOGY_GRAPH}


def test_a_store_written_in_place_by_an_older_graphkit_is_not_read(world, tmp_path):
    path = tmp_path / "store"
    old = ox.Store(str(path))                                 # layout 1: RocksDB at the top, manifest beside it
    old.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal("orphan"), ox.NamedNode("urn:g:orphan")))
    old.flush()
    del old
    (path / "graphkit-manifest.json").write_text('{"fingerprint": null, "graphs": []}')
    assert state(path) == "legacy"
    with pytest.raises(StoreStateError, match="older graphkit"):
        open_store(path, read_only=True)
    load_build(world, path)                                   # graphkit build upgrades it: the orphan is gone
    assert state(path) == "ok" and "urn:g:orphan" not in graphs(path)
    assert not (path / "graphkit-manifest.json").exists() and not list(path.glob("*.sst"))


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
    assert state(tmp_path / "store") == "missing"
