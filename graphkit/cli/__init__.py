"""The ``graphkit`` command line: a thin layer over the library.

Each module in this package adds its commands to :data:`main`; they are
discovered here, so a new command is a new module. Library errors
(:class:`graphkit.errors.GraphkitError`) become one line on stderr and the
error's exit code: 0 fine, 1 the data fails a check, 2 bad input or usage.
"""
from __future__ import annotations

import importlib
import pkgutil
import sys

import click

from ..errors import GraphkitError
from ..safe_text import terminal_text

__all__ = ["main"]


class GraphkitGroup(click.Group):
    """A click group that reports GraphkitError as a message and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except GraphkitError as exc:
            click.echo(f"Error: {terminal_text(str(exc))}", err=True)  # values from data can hold escapes
            sys.exit(exc.exit_code)

    def list_commands(self, ctx):
        return sorted(self.commands)


@click.group(cls=GraphkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphkit")
def main():
    """graphkit: a knowledge graph of diplomatic alignments.

    Build the graph from data/, ask who stood where, and see the evidence.

    Example: graphkit build && graphkit blocs --target CHN
    """


for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_") and _module.name != "options":
        importlib.import_module(f"{__name__}.{_module.name}")
