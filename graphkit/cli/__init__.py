"""The ``graphkit`` command line: a thin layer over the library.

Each module in this package adds its commands to :data:`main`, and
:data:`COMMANDS` says which module holds which command: a module is imported
only when one of its commands runs (or ``--help`` lists them all), so that
``graphkit compare`` does not pay for networkx, rdflib or the renderer.
tests/test_cli_commands.py checks the map against the modules. Library errors
(:class:`graphkit.errors.GraphkitError`) become one line on stderr and the
error's exit code: 0 fine, 1 the data fails a check, 2 bad input or usage.
"""
from __future__ import annotations

import importlib
import sys

import click

from ..errors import GraphkitError
from ..safe_text import terminal_text

__all__ = ["main", "COMMANDS"]

#: Command → the module of this package that defines it.
COMMANDS = {
    "accept": "extract", "audit": "unga", "blocs": "blocs", "build": "build", "camps": "camps", "check": "build",
    "compare": "compare", "explain": "explain", "export": "render", "extract": "extract", "ideal": "ideal",
    "import": "imports", "queries": "query", "query": "query", "render": "render", "serve": "query", "state": "state",
    "unga": "unga",
}


class GraphkitGroup(click.Group):
    """A click group that reports GraphkitError as a message and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraphkitError as exc:
            click.echo(f"Error: {terminal_text(str(exc))}", err=True)  # values from data can hold escapes
            sys.exit(exc.exit_code)

    def list_commands(self, ctx):
        return sorted(set(self.commands) | set(COMMANDS))

    def get_command(self, ctx, name):
        if name not in self.commands and name in COMMANDS:
            importlib.import_module(f"{__name__}.{COMMANDS[name]}")     # registers its commands on main
        return self.commands.get(name)


@click.group(cls=GraphkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphkit")
def main():
    """graphkit: a knowledge graph of diplomatic alignments.

    Build the graph from data/, ask who stood where, and see the evidence.

    Example: graphkit build && graphkit blocs --target CHN
    """

