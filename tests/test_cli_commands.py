"""The command map of graphkit.cli: every command a module defines is in COMMANDS under that module, and nothing else."""
from __future__ import annotations

import json
import subprocess
import sys

import graphkit.cli as cli


def test_the_map_names_each_command_with_the_module_that_defines_it():
    code = ("import importlib, json, pkgutil\nimport graphkit.cli as cli\nfound = {}\n"
            "for m in pkgutil.iter_modules(cli.__path__):\n"
            "    if m.name.startswith('_') or m.name == 'options':\n        continue\n"
            "    before = set(cli.main.commands)\n"
            "    importlib.import_module('graphkit.cli.' + m.name)\n"
            "    found.update({c: m.name for c in set(cli.main.commands) - before})\n"
            "print(json.dumps(found))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)  # a fresh process:
    assert out.returncode == 0, out.stderr                                                       # nothing registered yet
    assert json.loads(out.stdout) == cli.COMMANDS


def test_help_lists_every_command():
    from click.testing import CliRunner
    out = CliRunner().invoke(cli.main, ["--help"]).output
    assert all(f"  {name} " in out for name in cli.COMMANDS)


def test_compare_loads_neither_networkx_nor_the_renderer():
    code = ("import sys; from graphkit.cli import main\n"
            "try:\n    main(['compare', '--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('networkx', 'graphkit.render', 'graphkit.extract') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "[]"
