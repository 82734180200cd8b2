"""Length limits on what a user or a data file hands graphkit, so that work stays bounded.

A state name of 20,000 characters is no name: checking it against every
pattern and suggesting close names would take seconds to minutes. Each kind of
input has a limit far above any real value, checked before any other work, and
an input over it is refused with a message that says how long it was and what
the limit is (the value itself is shown cut, so the message stays readable).

Examples
--------
>>> check_length("France", "state name", MAX_NAME)
'France'
>>> check_length("x" * 300, "state name", MAX_NAME)
Traceback (most recent call last):
...
graphkit.errors.InputError: state name 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' is 300 characters long — at most 200 characters: write the state's name or its ISO alpha-3 code
>>> shorten("abc" * 30, 10)
'abcabcabca…'
"""
from __future__ import annotations

from .errors import InputError

__all__ = ["MAX_NAME", "MAX_PARAM", "MAX_QUERY_NAME", "MAX_FILTER", "check_length", "shorten"]

#: A state name or code (the longest real one, in French, has under 80 characters).
MAX_NAME = 200
#: A query parameter's value (an IRI, a date, a name, a string to match).
MAX_PARAM = 2000
#: A library query's name or a .rq file's path (Linux allows 4,096 bytes for a path).
MAX_QUERY_NAME = 1024
#: A filter value (--forum, --topic, --kind): a short identifier or a label.
MAX_FILTER = 200

_HINTS = {
    "state name": "write the state's name or its ISO alpha-3 code",
    "query name": "give a library query's name (graphkit queries lists them) or the path of a .rq file",
}


def shorten(text: str, width: int = 40) -> str:
    """``text`` cut to ``width`` characters with an ellipsis, to quote long values in messages."""
    text = str(text)
    return text if len(text) <= width else text[:width] + "…"


def check_length(value, what: str, limit: int, *, file=None, line=None, hint: str | None = None) -> str:
    """Return ``value`` as text if it has at most ``limit`` characters, else raise :class:`InputError`."""
    text = str(value)
    if len(text) > limit:
        raise InputError(f"{what} {shorten(text)!r} is {len(text):,} characters long", file=file, line=line,
                         value=shorten(text), hint=f"at most {limit:,} characters: " + (hint or _HINTS.get(what, "shorten it")))
    return text
