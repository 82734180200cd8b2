"""Where graphkit finds what it ships (ontology, data, queries) and where it keeps its store.

The repository's top-level folders ``ontology/``, ``data/`` and ``queries/``
travel inside the wheel as ``graphkit/resources/<name>/`` (``setup.py`` maps
them there), so an installed graphkit finds them through its own package,
whatever the current folder. In a source checkout (an editable install, or
tests run from the repository) they are read where they stand, at the top of
the checkout. Nothing is ever looked up relative to the current folder.

The store lives in a per-user data folder (``platformdirs``), so the same
command reads and writes the same store wherever it is run:

* ``GRAPHKIT_HOME`` — graphkit's folder (default: the user data folder,
  ``~/.local/share/graphkit`` on Linux); the built graph is written there;
* ``GRAPHKIT_STORE`` — the store directory (default: ``$GRAPHKIT_HOME/store``);
* ``--store DIR`` on any command overrides both.
"""
from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["shipped", "ONTOLOGY_DIR", "DEFAULT_DATA", "QUERIES_DIR", "home", "default_store", "store_path"]

_HERE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """The folder ``name`` (``ontology``, ``data`` or ``queries``) as installed, or in the source checkout.

    Examples
    --------
    >>> (shipped("ontology") / "alignment.ttl").is_file()
    True
    """
    inside = _HERE / name
    if inside.is_dir():
        return inside
    checkout = _HERE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"graphkit's {name}/ folder is missing from {inside} and {checkout}: reinstall graphkit")


#: The ontology and shapes (``alignment.ttl``, ``shapes.ttl``).
ONTOLOGY_DIR = shipped("ontology")
#: The shipped data folder: states, acts, lists, sources (``--data`` overrides it).
DEFAULT_DATA = shipped("data")
#: The SPARQL query library (``*.rq``, ``checks/*-violation.rq``).
QUERIES_DIR = shipped("queries")


def home() -> Path:
    """graphkit's per-user folder: ``$GRAPHKIT_HOME`` or the platform's user data folder."""
    env = os.environ.get("GRAPHKIT_HOME")
    return Path(env).expanduser() if env else platformdirs.user_data_path("graphkit")


def default_store() -> Path:
    """The store used when no ``--store`` is given: ``$GRAPHKIT_STORE`` or ``home()/store``.

    Examples
    --------
    >>> import os
    >>> os.environ["GRAPHKIT_STORE"] = "/srv/graphkit/store"
    >>> str(default_store())
    '/srv/graphkit/store'
    >>> del os.environ["GRAPHKIT_STORE"]
    """
    env = os.environ.get("GRAPHKIT_STORE")
    return Path(env).expanduser() if env else home() / "store"


def store_path(path=None) -> Path:
    """``path`` as a Path, or the default store when it is None."""
    return default_store() if path is None else Path(path)
