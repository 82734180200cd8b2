"""The vis-network JavaScript and CSS, read from the copy bundled inside the pyvis package.

graphkit does not ship its own copy of vis-network: pyvis (a dependency) carries
vis-network 9.1.2 under ``pyvis/lib/vis-9.1.2/``. :func:`vis_assets` reads those two
files so :mod:`graphkit.render.html` can embed them inline; the page then needs no
network. vis-network is dual licensed Apache-2.0 / MIT, (c) 2011-2017 Almende B.V.
and (c) 2017-2019 visjs contributors; :data:`VIS_LICENCE` is the notice every page
carries (the minified file keeps its own licence header too).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import GraphkitError

__all__ = ["VisAssets", "vis_assets", "VIS_VERSION", "VIS_LICENCE"]

VIS_VERSION = "9.1.2"

VIS_LICENCE = (
    f"vis-network {VIS_VERSION} (https://visjs.github.io/vis-network/), embedded from the copy bundled with "
    "pyvis. (c) 2011-2017 Almende B.V., (c) 2017-2019 visjs contributors. Dual licensed under the "
    "Apache License 2.0 and the MIT License; it may be distributed under either."
)


@dataclass(frozen=True)
class VisAssets:
    """vis-network's minified JavaScript and its CSS, as text."""

    js: str
    css: str
    folder: Path


@lru_cache(maxsize=1)
def vis_assets() -> VisAssets:
    """Read vis-network's JS and CSS from the installed pyvis package.

    Raises
    ------
    GraphkitError
        If pyvis is missing or no longer bundles vis-network 9.1.2.

    Examples
    --------
    >>> assets = vis_assets()
    >>> "vis-network" in assets.js[:200], "</script" in assets.js.lower()
    (True, False)
    """
    try:
        import pyvis
    except ImportError as exc:  # pragma: no cover - pyvis is a dependency
        raise GraphkitError("pyvis is not installed", hint="pip install 'pyvis>=0.3.2'") from exc
    base = Path(pyvis.__file__).parent
    for folder in (base / "lib" / f"vis-{VIS_VERSION}", base / "templates" / "lib" / f"vis-{VIS_VERSION}"):
        js, css = folder / "vis-network.min.js", folder / "vis-network.css"
        if js.is_file() and css.is_file():
            js_text, css_text = js.read_text(encoding="utf-8"), css.read_text(encoding="utf-8")
            # Inline <script>/<style> end at the first closing tag: refuse a copy that contains one.
            if "</script" in js_text.lower() or "</style" in css_text.lower():
                raise GraphkitError(f"{folder}: the bundled vis-network contains a closing tag; cannot inline it")
            return VisAssets(js_text, css_text, folder)
    raise GraphkitError(f"vis-network {VIS_VERSION} not found inside pyvis at {base}",
                        hint="install pyvis 0.3.2, which bundles it (pip install 'pyvis>=0.3.2,<0.4')")
