"""Typed errors that say where the problem is and what would be valid.

The CLI turns every :class:`GraphkitError` into a message and an exit code
(``exit_code``): 2 for unreadable input or bad usage, 1 for data that reads
but fails a check. Library users catch them like any exception.
"""
from __future__ import annotations

__all__ = [
    "GraphkitError", "InputError", "DataError", "UnknownStateError",
    "QueryError", "EndpointError",
]


class GraphkitError(Exception):
    """Base class: a message for a researcher, with where it happened."""

    exit_code = 2

    def __init__(self, message: str, *, file=None, line=None, value=None, hint=None):
        self.file = str(file) if file is not None else None
        self.line = line
        self.value = value
        self.hint = hint
        super().__init__(message)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        text = where + super().__str__()
        if self.hint:
            text += f" — {self.hint}"
        return text


class InputError(GraphkitError):
    """A file cannot be read or parsed (malformed Turtle, bad CSV, wrong encoding)."""


class DataError(GraphkitError):
    """Input parses but its content is wrong (a date that is not a date, a duplicate act)."""


class UnknownStateError(DataError):
    """A state name or code that resolves to no known state."""


class QueryError(GraphkitError):
    """A query cannot be found, parsed or bound."""


class EndpointError(GraphkitError):
    """A SPARQL endpoint is down, slow or answers with an error."""
