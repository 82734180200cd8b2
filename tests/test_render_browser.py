"""The HTML page in a real headless browser (Debian's chromium via Playwright), network blocked.

Each page is opened from file:// with every non-file request aborted and
recorded; the tests check it makes no request, logs no console error, draws the
hand-derived numbers of nodes and edges (read from vis' DataSets and from what
the network actually indexed for drawing), shows markup in labels as text, opens
no dialog, and is still once drawn. Screenshots go to pytest's tmp_path.
"""
from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from graphkit.graph.build import build
from graphkit.sources.curated.records import Filters
from graphkit.render.scene import scene_from_graph
from graphkit.render.synthetic import synthetic_graph
from graphkit.render.views import build_view
from render_fixtures import EXPECTED, HOSTILE, HOSTILE_ACT, OPPOSITION_PAIRS, browser, hostile_world, wait_ready  # noqa: F401

SYL = Filters(target="SYL")


class Opened:
    """A page opened offline, with everything it tried to do recorded."""

    def __init__(self, browser, url: str):
        self.blocked, self.requests, self.console, self.dialogs = [], [], [], []
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.url = url
        self.page.goto(url)

    def _route(self, route):
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def ready(self, frame=None, timeout=30_000):
        wait_ready(frame or self.page, timeout)
        return self

    def counts(self, frame=None) -> dict:
        return (frame or self.page).evaluate("""() => ({
            nodes: graphkit.nodes.length, edges: graphkit.edges.length,
            drawnNodes: graphkit.network.body.nodeIndices.length, drawnEdges: graphkit.network.body.edgeIndices.length,
            jsonNodes: JSON.parse(document.getElementById('graphkit-data').textContent).nodes.length,
            jsonEdges: JSON.parse(document.getElementById('graphkit-data').textContent).edges.length,
            physics: graphkit.network.physics.physicsEnabled })""")

    def hover_node(self, node_id: str) -> str:
        """Move the mouse onto a node; return the tooltip's text."""
        pos = self.page.evaluate(f"(() => graphkit.network.canvasToDOM(graphkit.network.getPositions([{json.dumps(node_id)}])[{json.dumps(node_id)}]))()")
        box = self.page.locator("#gk-graph").bounding_box()
        self.page.mouse.move(box["x"] + pos["x"], box["y"] + pos["y"])
        self.page.locator(".vis-tooltip").wait_for(state="visible")
        return self.page.locator(".vis-tooltip").inner_text()

    def assert_offline_and_clean(self):
        assert self.blocked == []
        assert self.requests == [self.url]
        assert self.console == []
        assert self.dialogs == []

    def close(self):
        self.context.close()


@pytest.fixture
def open_page(browser):
    opened = []

    def open_(path: Path) -> Opened:
        page = Opened(browser, path.resolve().as_uri())
        opened.append(page)
        return page

    yield open_
    for page in opened:
        page.close()


@pytest.mark.parametrize("view", sorted(EXPECTED))
def test_page_opens_offline_and_draws_the_expected_graph(world, open_page, tmp_path, view):
    path = build_view(world.graph, view, SYL).scene().write_html(tmp_path / f"{view}.html")
    page = open_page(path).ready()
    nodes, edges = EXPECTED[view]
    assert page.counts() == {"nodes": nodes, "edges": edges, "drawnNodes": nodes, "drawnEdges": edges,
                             "jsonNodes": nodes, "jsonEdges": edges, "physics": False}
    page.page.screenshot(path=tmp_path / f"{view}.png")
    assert (tmp_path / f"{view}.png").stat().st_size > 10_000
    page.assert_offline_and_clean()


def test_signed_page_draws_opposition_dashed_and_red(world, open_page, tmp_path):
    path = build_view(world.graph, "signed", SYL).scene().write_html(tmp_path / "signed.html")
    page = open_page(path).ready()
    dashed = page.page.evaluate("graphkit.edges.get().filter(e => e.dashes === true).map(e => [e.from, e.to, e.color.color])")
    assert {tuple(sorted(pair[:2])) for pair in dashed} == OPPOSITION_PAIRS
    assert {c for *_, c in dashed} == {"rgba(214,39,40,0.6)"}
    legend = page.page.locator(".gk-legend").inner_text()
    assert "opposition" in legend and "bloc 0" in legend
    caption = page.page.locator(".gk-caption").inner_text()
    assert "from 2020-06-29 to 2022-10-20" in caption and "sources:" in caption


def test_markup_in_labels_shows_as_text_and_runs_nothing(hostile_world, open_page, tmp_path):
    g = build(hostile_world).graph
    path = build_view(g, "coalition", SYL, title=f"Title {HOSTILE}").scene().write_html(tmp_path / "hostile.html")
    assert HOSTILE not in path.read_text(encoding="utf-8")  # never raw in the file
    page = open_page(path).ready()
    assert page.page.evaluate("graphkit.nodes.get('AAA').label") == HOSTILE  # drawn on the canvas as text
    assert page.page.locator("h1").inner_text() == f"Title {HOSTILE}"
    tip = page.hover_node("AAA")
    assert HOSTILE in tip and HOSTILE_ACT in tip
    page.page.wait_for_timeout(300)
    assert page.page.evaluate("document.querySelectorAll('img, script[src], iframe, link').length") == 0
    assert page.page.evaluate("document.querySelectorAll('.vis-tooltip *').length") > 0
    assert page.page.evaluate("document.querySelectorAll('.vis-tooltip img, .vis-tooltip script').length") == 0
    page.page.screenshot(path=tmp_path / "hostile.png")
    page.assert_offline_and_clean()


def test_edge_tooltip_lists_the_acts_behind_it(world, open_page, tmp_path):
    v = build_view(world.graph, "coalition", SYL)
    path = v.scene().write_html(tmp_path / "c.html")
    page = open_page(path).ready()
    point = page.page.evaluate("""(() => { const p = graphkit.network.getPositions(['AAA', 'BBB']);
        return graphkit.network.canvasToDOM({x: (p.AAA.x + p.BBB.x) / 2, y: (p.AAA.y + p.BBB.y) / 2}); })()""")
    box = page.page.locator("#gk-graph").bounding_box()
    page.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.page.locator(".vis-tooltip").wait_for(state="visible")
    tip = page.page.locator(".vis-tooltip").inner_text()
    labels = [v.acts_info["https://w3id.org/graphkit/id/act/" + a]["label"] for a in ("w-2020-support", "w-2022-support")]
    assert "2 acts:" in tip and all(label in tip for label in labels)


def test_page_is_still_once_drawn(world, open_page, tmp_path):
    path = build_view(world.graph, "signed", SYL).scene().write_html(tmp_path / "s.html")
    page = open_page(path).ready()
    first = page.page.evaluate("JSON.stringify(graphkit.network.getPositions())")
    shot = page.page.locator("#gk-graph").screenshot()
    page.page.wait_for_timeout(700)
    assert page.page.evaluate("JSON.stringify(graphkit.network.getPositions())") == first
    assert page.page.locator("#gk-graph").screenshot() == shot


def test_large_graph_opens_and_is_still(open_page, tmp_path):
    g = synthetic_graph(200, 20_000)
    path = scene_from_graph(g).write_html(tmp_path / "big.html")
    page = open_page(path).ready(timeout=60_000)
    counts = page.counts()
    assert (counts["nodes"], counts["edges"], counts["drawnEdges"]) == (200, 20_000, 20_000)
    first = page.page.evaluate("JSON.stringify(graphkit.network.getPositions())")
    page.page.wait_for_timeout(500)
    assert page.page.evaluate("JSON.stringify(graphkit.network.getPositions())") == first
    page.page.screenshot(path=tmp_path / "big.png")
    page.assert_offline_and_clean()


def test_notebook_iframe_draws_inside_its_sandbox(world, open_page, tmp_path):
    scene = build_view(world.graph, "coalition", SYL).scene()
    frame_html = scene._repr_html_()
    assert html.unescape(frame_html.split('srcdoc="', 1)[1].split('"', 1)[0]) == scene.to_html()
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><body><h2>cell output</h2>{frame_html}</body></html>", encoding="utf-8")
    page = open_page(host)
    frame = page.page.frames[1]
    page.ready(frame=frame)
    nodes, edges = EXPECTED["coalition"]
    assert page.counts(frame)["drawnNodes"] == nodes and page.counts(frame)["drawnEdges"] == edges
    page.page.screenshot(path=tmp_path / "notebook.png")
    assert page.blocked == [] and page.console == [] and page.dialogs == []
