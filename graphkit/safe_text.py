"""Text from data made safe for where it is shown: a terminal, a spreadsheet, a JSON reader.

Labels, names and excerpts come from data files and imported tables that
anyone may have written. Three places would otherwise act on them:

* a **terminal** runs escape sequences: ``ESC ] … BEL`` (OSC) can set the
  window title, write to the clipboard or forge a hyperlink, ``ESC [ … m``
  (CSI) can hide or rewrite text. :func:`terminal_text` removes control
  characters (C0 except tab and newline, DEL, C1) and so every sequence
  they start; what is left of one is printable text.
* a **spreadsheet** runs a cell that starts with ``=``, ``+``, ``-`` or ``@``
  (and, in some, tab or carriage return) as a formula. :func:`csv_cell`
  prefixes such a cell with a single quote, as OWASP recommends ("CSV
  injection"), unless it is a plain number (``-0.5`` stays a number).
* **JSON** escapes C0 controls itself; :func:`json_text` also escapes C1
  controls (``\\u009b`` is CSI for some terminals), losing nothing.

Examples
--------
>>> terminal_text("Fr\\x1b]0;pwned\\x07ance\\x1b[31m!")
'Fr]0;pwnedance[31m!'
>>> [csv_cell(v) for v in ("=HYPERLINK(\\"x\\")", "-0.994", "+33 1 23", "@SUM(A1)", "plain")]
['\\'=HYPERLINK("x")', '-0.994', "'+33 1 23", "'@SUM(A1)", 'plain']
"""
from __future__ import annotations

import re

__all__ = ["terminal_text", "csv_cell", "json_text", "FORMULA_STARTS"]

#: First characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_C1 = re.compile(r"[\x80-\x9f]")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def terminal_text(text: str) -> str:
    """``text`` without control characters (tab and newline kept), so nothing in it can drive a terminal."""
    return _CONTROL.sub("", text)


def csv_cell(text: str) -> str:
    """``text`` prefixed with ``'`` if a spreadsheet would read it as a formula (numbers left alone)."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def json_text(text: str) -> str:
    """JSON text with C1 control characters escaped as ``\\u0080``–``\\u009f`` (still the same JSON value).

    >>> json_text('"a\\x9bb"')
    '"a\\\\u009bb"'
    """
    return _C1.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
