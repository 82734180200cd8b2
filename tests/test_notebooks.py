"""Every notebook runs top to bottom on shipped data, in a temporary folder, and is committed
without outputs. Adding a notebook adds a test."""
from __future__ import annotations

import os
from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).parent.parent / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, f"{path.name}: clear outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path, tmp_path, monkeypatch):
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    monkeypatch.setenv("GRAPHKIT_OUT", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    # the kernels import graphkit from this checkout; notebooks 03 and 05 read the synthetic vote fixtures
    here = Path(__file__).resolve().parent
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(here.parent), os.environ.get("PYTHONPATH", "")]))
    monkeypatch.setenv("GRAPHKIT_UNGA_FIXTURE", str(here / "unga" / "voeten"))
    monkeypatch.setenv("GRAPHKIT_HRC_FIXTURE", str(here / "hrc"))
    monkeypatch.delenv("GRAPHKIT_HRC", raising=False)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
