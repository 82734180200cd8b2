"""Fixtures shared by the render tests: the tiny world with hostile labels, and its expected shapes.

Import the fixtures into a test module (``from render_fixtures import hostile_world``).

The tiny world (see conftest.py) projected with ``--target SYL`` (FFF's withdrawn
signature left out), derived by hand from the four acts:

* coalition: 5 states AAA..EEE; same-side pairs AB (2020 and 2022 statements),
  CD, CE, DE (2020 critical statement and 2021 yes votes), AE and BE (2022
  statement) -> 6 edges.
* signed, by occasion (the default: the 2020 statements are one item, the
  session w-2020-hrc, where AAA, BBB supported and CCC, DDD, EEE criticised):
  every one of the 10 pairs has a tie. Opposition (net < 0): AC and AD (session
  and 2021 vote apart, -2), AE (apart twice, together in 2022, -1), BC and BD
  (apart at the session; BBB's abstention in 2021 opposes nobody, -1) -> 5; BE
  nets 0 (together in 2022, apart at the session); AB, CD, CE, DE positive.
* signed, one item per act (``by_occasion=False``): the 6 coalition edges plus
  AAA's no against the yes of CCC and DDD in 2021 (AC, AD: opposition, -1) ->
  8 edges, 2 of them opposition; AE is mixed (together in 2022, apart in 2021).
* bipartite: 5 states + 4 acts = 9 nodes; 3 + 2 + 5 + 3 = 13 positions.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest

HOSTILE = "<img src=x onerror=alert(1)>"
HOSTILE_ACT = "Statement <script>alert(2)</script> & co"
EXPECTED = {"coalition": (5, 6), "signed": (5, 10), "bipartite": (9, 13)}  # (nodes, edges)
OPPOSITION_PAIRS = {("AAA", "CCC"), ("AAA", "DDD"), ("AAA", "EEE"), ("BBB", "CCC"), ("BBB", "DDD")}
SIGNED_BY_ACT = (5, 8)
OPPOSITION_PAIRS_BY_ACT = {("AAA", "CCC"), ("AAA", "DDD")}
SUPPORT_ACT = "w-2020-support"


@pytest.fixture
def hostile_world(world_copy):
    """The tiny world whose Avalon is labelled with markup (its French name still resolves the lists)."""
    states = world_copy / "states.ttl"
    text = states.read_text(encoding="utf-8")
    text = text.replace('"Avalon"@en', '"<img src=x onerror=alert(1)>"@en')
    assert HOSTILE in text
    states.write_text(text, encoding="utf-8")
    act = world_copy / "acts" / f"{SUPPORT_ACT}.ttl"
    act_text = act.read_text(encoding="utf-8")
    start = act_text.index("rdfs:label")
    first, rest = act_text[start:].split("\"@en", 1)
    act.write_text(act_text[:start] + 'rdfs:label "Statement <script>alert(2)</script> & co' + '"@en' + rest,
                   encoding="utf-8")
    return world_copy


#: The Debian Chromium the browser tests drive (Playwright, no browser download), and its flags: no network, no GPU.
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium for the module's tests; skipped when Chromium is not installed."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed at /usr/bin/chromium (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def wait_ready(target, timeout_ms: int = 30_000) -> None:
    """Wait until the page (or frame) sets ``window.graphkitReady``, polling from Python.

    Playwright's ``wait_for_function`` polls inside the page with ``eval``, which the pages' own
    Content-Security-Policy forbids (no ``unsafe-eval``): it failed whenever the page was not ready
    at the first look. ``evaluate`` runs through the browser's protocol and is not subject to it.
    """
    deadline = time.monotonic() + timeout_ms / 1000
    while not target.evaluate("() => window.graphkitReady === true"):
        if time.monotonic() > deadline:
            raise AssertionError(f"the page never set window.graphkitReady within {timeout_ms} ms")
        time.sleep(0.05)
