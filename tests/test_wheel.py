"""graphkit installs as software: a wheel built from this checkout works in a fresh venv, from any folder.

The wheel must carry the ontology, the data and the query library (they live
at the top of the repository, not in the package), and the installed library
must find them through itself — never through the repository or the current
folder. The venv sees the already installed dependencies (``--system-site-packages``)
but not this checkout: the test checks that the graphkit it runs is the one
from the wheel.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ["setup.py", "setup.cfg", "pyproject.toml", "README.md", "LICENSE", "graphkit", "ontology", "data", "queries"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    pytest.importorskip("build", reason="the test extras install 'build' (pip install -e '.[test]')")
    src = tmp_path_factory.mktemp("src")
    for name in SHIPPED:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(src)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = dist.glob("graphkit-*.whl")
    return built


def test_wheel_carries_ontology_data_and_queries(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("graphkit/resources/ontology/alignment.ttl", "graphkit/resources/ontology/shapes.ttl",
                   "graphkit/resources/data/states.ttl", "graphkit/resources/data/acts/hrc44-2020-07-01-xinjiang-support.ttl",
                   "graphkit/resources/data/lists/hrc44-2020-06-30-hongkong-xinjiang-uk-critical.csv",
                   "graphkit/resources/queries/hrc44-2020-two-camps.rq", "graphkit/extract/schema.json"):
        assert needed in names, needed
    assert not any(n.startswith(("tests/", "bench/", "notebooks/")) for n in names)


def test_installed_wheel_runs_from_another_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True)
    pip = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                         capture_output=True, text=True)
    assert pip.returncode == 0, pip.stdout + pip.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GRAPHKIT_STORE")}
    env["GRAPHKIT_HOME"] = str(tmp_path / "home")

    def run(*args):
        return subprocess.run([str(venv / "bin" / "graphkit"), *args], cwd=elsewhere, env=env, capture_output=True, text=True)

    where = subprocess.run([str(venv / "bin" / "python"), "-c", "import graphkit, graphkit.resources as r; "
                            "print(graphkit.__file__); print(r.DEFAULT_DATA)"], cwd=elsewhere, env=env,
                           capture_output=True, text=True)
    module, data = where.stdout.split()
    assert module.startswith(str(venv)) and data.startswith(str(venv)), where.stdout   # the wheel's, not the checkout's
    built = run("build")
    assert built.returncode == 0, built.stderr
    assert "0 violations" in built.stdout and (tmp_path / "home" / "store").is_dir()
    assert not any(elsewhere.iterdir())                     # nothing written in the current folder
    blocs = run("blocs", "--target", "CHN")
    assert blocs.returncode == 0, blocs.stderr
    assert "Camps per act" in blocs.stdout and "hrc44-2020-07-01-xinjiang-support" in blocs.stdout
    query = run("query", "hrc44-2020-two-camps", "--format", "csv")
    assert query.returncode == 0, query.stderr
    assert "state:BLR" in query.stdout or "BLR" in query.stdout
