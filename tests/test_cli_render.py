"""CLI: graphkit render / export — help, happy paths, error paths (exit codes and messages)."""
from __future__ import annotations

import re

import networkx as nx
import pytest
from click.testing import CliRunner

from graphkit.cli import main
from world_support import WORLD_DIR
from render_fixtures import EXPECTED


@pytest.fixture
def run():
    def invoke(*args):
        return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return invoke


@pytest.mark.parametrize("command", ["render", "export"])
def test_help_has_a_summary_and_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert f"Example: graphkit {command}" in result.output
    assert "--since" in result.output and "--view" in result.output


def test_render_html_png_svg(run, tmp_path):
    out = tmp_path / "g.html"
    result = run("render", "--data", WORLD_DIR, "--target", "SYL", "--view", "signed", "-o", out)
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "vis-network" in page
    # nothing is loaded from elsewhere: no <link>, no <script src>, no node_modules path
    assert not re.search(r"<link\b|<script[^>]*\bsrc=", page, re.I) and "node_modules" not in page
    assert run("render", "--data", WORLD_DIR, "--png", "-o", tmp_path / "g.png").exit_code == 0
    assert (tmp_path / "g.png").read_bytes()[:4] == b"\x89PNG"
    assert run("render", "--data", WORLD_DIR, "--format", "svg", "-o", tmp_path / "x.html").exit_code == 0
    assert (tmp_path / "x.html").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_render_errors(run, tmp_path):
    result = run("render", "--data", WORLD_DIR, "--act", "nope", "-o", tmp_path / "g.html")
    assert result.exit_code == 2 and "act 'nope'" in result.output
    result = run("render", "--data", WORLD_DIR, "-o", tmp_path / "g.gif")
    assert result.exit_code == 2 and "cannot tell the output format" in result.output
    result = run("render", "--data", WORLD_DIR, "--since", "2030", "-o", tmp_path / "g.html")
    assert result.exit_code == 2 and "no state positions" in result.output
    result = run("render", "--data", WORLD_DIR, "-o", tmp_path / "missing" / "g.html")
    assert result.exit_code == 2 and "does not exist" in result.output
    assert run("render", "--view", "radial", "-o", tmp_path / "g.html").exit_code == 2
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_export_gexf_and_csv(run, tmp_path):
    result = run("export", "--data", WORLD_DIR, "--target", "SYL", "--format", "gexf", "-o", tmp_path / "g.gexf")
    assert result.exit_code == 0, result.output
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == EXPECTED["coalition"][1]
    result = run("export", "--data", WORLD_DIR, "--target", "SYL", "--format", "csv", "-o", tmp_path / "t")
    assert result.exit_code == 0 and sorted(p.name for p in (tmp_path / "t").iterdir()) == ["blocs.csv", "edges.csv", "years.csv"]


def test_export_errors(run, tmp_path):
    result = run("export", "--data", WORLD_DIR, "--format", "gexf", "--table", "edges", "-o", tmp_path / "g.gexf")
    assert result.exit_code == 2 and "--table only applies" in result.output
    result = run("export", "--data", WORLD_DIR, "--format", "pdf", "-o", tmp_path / "g.pdf")
    assert result.exit_code == 2
