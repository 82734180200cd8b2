"""Package layout for setuptools (the metadata is in setup.cfg).

The repository keeps ``ontology/``, ``data/`` and ``queries/`` at its top
level, where researchers read and edit them; the wheel carries them inside
the package as ``graphkit/resources/<name>/``, where
:mod:`graphkit.resources` finds them once installed. setup.cfg cannot map
folders outside the package, so the mapping is made here.
"""
from setuptools import find_packages, setup

RESOURCES = {f"graphkit.resources.{name}": name for name in ("ontology", "data", "queries")}

setup(
    packages=find_packages(include=["graphkit", "graphkit.*"]) + list(RESOURCES),
    package_dir=RESOURCES,
    package_data={**{pkg: ["**/*.ttl", "**/*.csv", "**/*.rq", "**/*.md"] for pkg in RESOURCES},
                  "graphkit.extract": ["*.json"]},
)
