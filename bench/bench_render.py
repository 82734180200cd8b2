"""Benchmark the renderer (run by hand, not by pytest): python bench/bench_render.py [--repeat N]

Figures, medians of N runs:
* shipped data/: build_view + layout + HTML write time and file size per view; PNG time;
* a synthetic 200-node / 20,000-edge graph (graphkit.render.synthetic; a MultiGraph,
  since a simple 200-node graph holds at most 19,900 edges): scene + HTML write time,
  file size; the baseline is pyvis 0.3.2's own path, Network.add_node + add_edge per
  edge (what from_nx does; quadratic) then write_html;
* in Debian's chromium (Playwright, network blocked): time from navigation to the page
  being still (window.graphkitReady, set on the first drawing; physics is off, so the
  page does not move after it), and the page's own build/draw timings.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphkit.graph.build import build  # noqa: E402
from graphkit.render.scene import scene_from_graph  # noqa: E402
from graphkit.render.synthetic import synthetic_graph  # noqa: E402
from graphkit.render.views import build_view  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]


def timed(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def browser_still(paths: dict[str, Path], repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, path in paths.items():
            runs = []
            for _ in range(repeat):
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
                page = ctx.new_page()
                t = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("window.graphkitReady === true", timeout=120_000, polling=10)
                wall = time.perf_counter() - t
                timings = page.evaluate("graphkit.timings")
                runs.append((wall, timings["built"] / 1000, timings["drawn"] / 1000))
                ctx.close()
            out[name] = tuple(statistics.median(r[i] for r in runs) for i in range(3))
        browser.close()
    return out


def pyvis_baseline(graph) -> tuple[float, float, int]:
    from pyvis.network import Network

    def make():
        net = Network(height="750px", width="100%", cdn_resources="in_line")
        for n, d in graph.nodes(data=True):
            net.add_node(n, label=d.get("label", n))
        for u, v, d in graph.edges(data=True):
            net.add_edge(u, v, value=abs(d.get("weight", 1)))
        return net

    t = time.perf_counter()
    net = make()
    add = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "pyvis.html"
        t = time.perf_counter()
        net.write_html(str(target))
        write = time.perf_counter() - t
        size = target.stat().st_size
    return add, write, size


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-pyvis", action="store_true", help="skip the slow pyvis baseline")
    args = ap.parse_args()
    out = Path(tempfile.mkdtemp(prefix="bench-render-"))
    t = time.perf_counter()
    graph = build("data", check=False).graph
    print(f"build data/ (not part of rendering): {time.perf_counter() - t:.2f} s")
    pages = {}
    print("\n| shipped data | view + layout | write HTML | HTML size | nodes | edges | PNG |")
    print("|---|---|---|---|---|---|---|")
    for view in ("coalition", "signed", "bipartite"):
        tv, v = timed(lambda: build_view(graph, view), args.repeat)
        ts, scene = timed(lambda: v.scene(), args.repeat)
        path = out / f"{view}.html"
        tw, _ = timed(lambda: scene.write_html(path), args.repeat)
        tp, _ = timed(lambda: scene.write_image(out / f"{view}.png"), 1)
        pages[f"shipped {view}"] = path
        print(f"| {view} | {tv + ts:.2f} s | {tw:.3f} s | {path.stat().st_size / 1e6:.2f} MB | "
              f"{len(scene.nodes)} | {len(scene.edges)} | {tp:.2f} s |")

    g = synthetic_graph(200, 20_000)
    ts, scene = timed(lambda: scene_from_graph(g), args.repeat)
    big = out / "synthetic.html"
    tw, _ = timed(lambda: scene.write_html(big), args.repeat)
    tp, _ = timed(lambda: scene.write_image(out / "synthetic.png"), 1)
    pages["synthetic 200 x 20,000"] = big
    print(f"\nsynthetic 200 nodes / 20,000 edges: scene (layout, styles) {ts:.2f} s, write HTML {tw:.2f} s, "
          f"size {big.stat().st_size / 1e6:.2f} MB, PNG {tp:.2f} s")
    if not args.skip_pyvis:
        add, write, size = pyvis_baseline(g)
        ours = ts + tw
        print(f"baseline pyvis 0.3.2 add_node/add_edge + write_html: {add:.2f} s + {write:.2f} s, {size / 1e6:.2f} MB "
              f"(not self-contained) -> graphkit is {(add + write) / ours:.1f}x faster")

    if Path(CHROMIUM).exists():
        print("\n| page (chromium, offline) | navigation -> still | JS build | first drawing |")
        print("|---|---|---|---|")
        for name, (wall, built, drawn) in browser_still(pages, args.repeat).items():
            print(f"| {name} | {wall:.2f} s | {built:.2f} s | {drawn:.2f} s |")
    print(f"\nfiles in {out}")


if __name__ == "__main__":
    main()
