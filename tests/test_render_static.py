"""Static pictures: PNG and SVG from the same scene, valid files with the expected size."""
from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import pytest

from graphkit.errors import InputError
from graphkit.sources.curated.records import Filters
from graphkit.render.views import build_view


@pytest.fixture(scope="module")
def scene(world):
    return build_view(world.graph, "signed", Filters(target="SYL")).scene()


def test_png_has_a_valid_header_and_the_asked_dimensions(scene, tmp_path):
    path = scene.write_image(tmp_path / "g.png", dpi=100, width=8, height=6)
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])  # IHDR
    assert (width, height) == (800, 600)


def test_png_is_not_blank(scene, tmp_path):
    from matplotlib.image import imread

    pixels = imread(scene.write_image(tmp_path / "g.png", dpi=50))
    # reds of the two dashed opposition edges and the blues/oranges of the nodes: many colours
    assert len({tuple(p) for p in pixels.reshape(-1, pixels.shape[-1])[::7].round(2).tolist()}) > 20


def test_svg_parses_and_contains_the_labels_as_text(scene, tmp_path):
    path = scene.write_image(tmp_path / "g.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert root.get("width").endswith("pt") and float(root.get("width")[:-2]) == pytest.approx(12 * 72)
    texts = ["".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert "Carpania" in texts  # labels stay editable text in the SVG


def test_hostile_text_is_literal_in_svg(tmp_path):
    from graphkit.render.scene import Scene

    s = Scene(title="$\\alpha$ <b>", caption="a & b", nodes=[{"id": "A", "label": "<img src=x onerror=alert(1)>",
              "x": 0, "y": 0, "size": 10, "color": "#1f77b4", "shape": "dot", "tip": [], "acts": []}],
              edges=[], legend=[])
    path = s.write_image(tmp_path / "h.svg")
    assert "<img" not in path.read_text(encoding="utf-8")
    texts = ["".join(t.itertext()) for t in ET.parse(path).getroot().iter("{http://www.w3.org/2000/svg}text")]
    assert "<img src=x onerror=alert(1)>" in texts
    assert "$\\alpha$ <b>" in texts  # drawn literally, not as TeX


def test_unknown_image_format(scene, tmp_path):
    with pytest.raises(InputError, match="unknown image format"):
        scene.write_image(tmp_path / "g.gif")
    assert not list(tmp_path.iterdir())
