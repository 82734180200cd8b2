"""SHACL shape cases: each ``<case>_PASS.ttl`` conforms; each ``<case>_XFAIL.ttl`` fails
with the (focus node, path) its ``# expect:`` line names (``-`` for a SPARQL or sh:or
constraint, which has no single path). Adding a file adds a test."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from graphkit.graph.loading import load_ontology, parse_turtle
from graphkit.namespaces import bind_prefixes
from graphkit.graph.validation import load_shapes, validate

CASES = Path(__file__).parent / "shapes"
TEST_NS = "https://w3id.org/graphkit/id/test/"


@pytest.fixture(scope="module")
def schema():
    return load_ontology(), load_shapes()


def _report(path, schema):
    graph = parse_turtle(path, bind_prefixes(Graph()))
    files = {s: path.name for s in graph.subjects()}
    return validate(graph, schema[0], schema[1], files)


@pytest.mark.parametrize("path", sorted(CASES.glob("*_PASS.ttl")), ids=lambda p: p.stem)
def test_pass_case_conforms(path, schema):
    report = _report(path, schema)
    assert report.conforms, report.violations


@pytest.mark.parametrize("path", sorted(CASES.glob("*_XFAIL.ttl")), ids=lambda p: p.stem)
def test_xfail_case_fails_where_expected(path, schema):
    expect = next(l for l in path.read_text().splitlines() if l.startswith("# expect:")).split()[2:]
    focus, expected_path = expect[0].replace(":", "test:", 1) if expect[0].startswith(":") else expect[0], expect[1]
    report = _report(path, schema)
    assert not report.conforms
    found = {(v.focus.replace(f"<{TEST_NS}", "test:").rstrip(">"), v.path) for v in report.violations}
    if expected_path == "-":
        assert any(f == focus for f, _ in found), found
    else:
        assert (focus, expected_path) in found, found
    assert all(v.message for v in report.violations)


def test_every_xfail_has_expectation():
    for path in CASES.glob("*_XFAIL.ttl"):
        assert "# expect:" in path.read_text(), path
