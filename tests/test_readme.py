"""The README stays true: the two commands open it, every command is documented there with help
and an example, and its Python tour runs."""
from __future__ import annotations

import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from graphkit.cli import main

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = ""):
    ctx = click.Context(group)
    for name in group.list_commands(ctx):        # the commands are loaded on demand (graphkit.cli.COMMANDS)
        command = group.get_command(ctx, name)
        path = f"{prefix}{name}"
        yield path, command
        if isinstance(command, click.Group):
            yield from _commands(command, path + " ")


COMMANDS = list(_commands(main))


def test_readme_opens_with_the_two_commands():
    opening = README.split("## ", 1)[0]
    assert "pip install . && graphkit build" in opening
    assert "bash .ci/run" in opening


def test_ci_runs_the_readme_test_command():
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text()
    assert "python -m pytest" in ci and "python -m pytest" in README.split("## ", 1)[0]


@pytest.mark.parametrize("path,command", COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_has_help_with_example_and_is_in_readme(path, command):
    result = CliRunner().invoke(main, path.split() + ["--help"])
    assert result.exit_code == 0
    if not isinstance(command, click.Group):
        assert "Example:" in result.output, f"graphkit {path} --help needs an 'Example:' line"
    assert f"graphkit {path}" in README, f"document 'graphkit {path}' in README.md"


def test_python_tour_runs(tmp_path, monkeypatch):
    block = re.search(r"```python\n(import datetime, graphkit as gk.*?)```", README, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})
