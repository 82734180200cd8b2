"""Line charts with bands (graphkit.render.lines): PNG, SVG, and the HTML page in a real headless browser.

The chart is literal data: three series, one with a gap (no 2003), one labelled with markup.
Expected counts follow from it: 3 series, 4 segments, 9 points.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from graphkit.errors import InputError
from graphkit.render.lines import LineChart, LineSeries, chart_html, write_chart
from render_fixtures import browser, wait_ready  # noqa: F401 (fixture)

HOSTILE = '<img src=x onerror="alert(1)"></script>$\\alpha$'


def _p(x, y, half=0.3):
    return {"x": x, "y": y, "lo": y - half, "hi": y + half, "tip": f"{x}: {y:+.1f}"}


def chart(title="Ideal points <b>by year</b>") -> LineChart:
    a = LineSeries("AAA", "AAA (Ardistan)", [[_p(2001, 1.0), _p(2002, 1.2)], [_p(2004, 1.5), _p(2005, 1.4)]])
    b = LineSeries("BBB", "BBB (Borduria)", [[_p(2001, -1.0), _p(2002, -0.8), _p(2003, -0.5)]])
    c = LineSeries("CCC", HOSTILE, [[_p(2004, 0.1, 0.6), _p(2005, 0.0, 0.6)]])
    return LineChart(title, "year", "ideal point", [a, b, c], caption="bands ±1.96 se & more", band="bands: ±1.96 se")


def test_png_and_svg(tmp_path):
    png = write_chart(chart(), tmp_path / "c.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = write_chart(chart(), tmp_path / "c.svg")
    assert "<img" not in svg.read_text(encoding="utf-8")
    texts = ["".join(t.itertext()) for t in ET.parse(svg).getroot().iter("{http://www.w3.org/2000/svg}text")]
    for label in ("AAA (Ardistan)", "BBB (Borduria)", HOSTILE, "Ideal points <b>by year</b>"):
        assert label in texts           # labels stay literal text: no markup, no TeX


def test_bad_format_and_bad_points_write_nothing(tmp_path):
    with pytest.raises(InputError, match="cannot tell the figure's format"):
        write_chart(chart(), tmp_path / "c.pdf")
    bad = chart()
    bad.series[0].segments[0][0]["y"] = float("nan")
    with pytest.raises(InputError, match="series AAA: a point that is not a finite number"):
        write_chart(bad, tmp_path / "c.html")
    assert not list(tmp_path.iterdir())


def test_html_keeps_markup_out_of_the_page_source():
    page = chart_html(chart(HOSTILE))
    assert HOSTILE not in page and "<img" not in page
    assert "default-src 'none'" in page


def test_the_page_draws_the_chart_offline(browser, tmp_path):
    path = write_chart(chart(f"Title {HOSTILE}"), tmp_path / "c.html")
    blocked, requests, console, dialogs = [], [], [], []
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else (blocked.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: console.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(path.resolve().as_uri())
        wait_ready(page)
        counts = page.evaluate("""() => ({series: document.querySelectorAll('.gk-series').length,
            lines: document.querySelectorAll('.gk-line').length, bands: document.querySelectorAll('.gk-band').length,
            points: document.querySelectorAll('.gk-point').length, markup: document.querySelectorAll('img, iframe, script[src]').length})""")
        assert counts == {"series": 3, "lines": 4, "bands": 4, "points": 9, "markup": 0}
        assert page.locator("h1").inner_text() == f"Title {HOSTILE}"
        assert page.locator("#gk-legend li").all_inner_texts() == ["AAA (Ardistan)", "BBB (Borduria)", HOSTILE]
        # higher values are drawn higher, later years further right
        cy = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.gk-series')].map(g =>
            [g.dataset.key, [...g.querySelectorAll('.gk-point')].map(c => [+c.dataset.x, +c.getAttribute('cx'), +c.getAttribute('cy')])]))""")
        assert [x for x, _, _ in cy["AAA"]] == [2001, 2002, 2004, 2005]
        assert cy["AAA"][0][2] < cy["BBB"][0][2]                     # 1.0 above −1.0 in 2001
        assert cy["BBB"][0][2] > cy["BBB"][1][2] > cy["BBB"][2][2]      # −1.0, −0.8, −0.5: rising
        assert cy["AAA"][0][1] < cy["AAA"][1][1] < cy["AAA"][2][1]
        titles = page.evaluate("() => [...document.querySelectorAll('.gk-point title')].map(t => t.textContent)")
        assert titles[:2] == ["2001: +1.0", "2002: +1.2"]
        page.locator(".gk-series[data-key='BBB'] .gk-point").nth(2).hover()
        assert page.locator("#gk-readout").inner_text() == "2003: -0.5"
        page.screenshot(path=tmp_path / "chart.png")
        assert (tmp_path / "chart.png").stat().st_size > 10_000
        assert blocked == [] and requests == [path.resolve().as_uri()] and console == [] and dialogs == []
    finally:
        context.close()
