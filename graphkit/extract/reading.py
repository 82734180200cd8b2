"""Read a text file for extraction: refuse empty, binary or non-UTF-8 files with a clear message."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError

__all__ = ["read_text"]


def read_text(path) -> str:
    """The text of ``path`` (UTF-8), or :class:`InputError` naming what is wrong.

    Examples
    --------
    >>> import tempfile, os
    >>> f = tempfile.NamedTemporaryFile(suffix=".txt", delete=False); _ = f.write(b"\\xff\\xfe\\x00b"); f.close()
    >>> read_text(f.name)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graphkit.errors.InputError: ...: not a text file (it contains NUL bytes) — give a plain-text UTF-8 file
    >>> os.unlink(f.name)
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=path, hint="check the path") from None
    except IsADirectoryError:
        raise InputError("is a folder, not a text file", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=path) from None
    if b"\x00" in data:
        raise InputError("not a text file (it contains NUL bytes)", file=path, hint="give a plain-text UTF-8 file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})", file=path,
                         hint="convert it, e.g. iconv -f latin1 -t utf-8 FILE > FILE.utf8") from None
    if not text.strip():
        raise InputError("the file is empty", file=path, hint="give a text with at least one sentence")
    return text
