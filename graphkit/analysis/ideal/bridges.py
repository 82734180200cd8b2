"""Recurring resolutions: roll calls that put the same question in several periods, used as bridges.

Bailey, Strezhnev and Voeten make their estimates comparable across years by
giving a resolution that returns every session (the Cuba embargo, the Golan, the
arms race in outer space …) the same item parameters each time it is voted. This
module finds such roll calls in a roll-call table by their text.

The rule, on the Voeten / unvotes ``short`` and ``descr`` columns:

1. **the text of a roll call** is its description (``descr``: the motion text
   until the 1990s, the resolution's title since), unless the description is an
   agenda item (``A/72/251 37 - The situation in the Middle East. - …``, sessions
   72–73), then its short title, which is there the resolution's title;
2. **normalised**: lower case, the catalogue suffix ``: resolution / adopted by
   the General Assembly`` removed, document symbols (``A/C.3/L.12``), resolution
   numbers with their roman session (``3236 (XXIX)``), digits and punctuation
   removed, spaces collapsed (the Human Rights Council's catalogue suffixes
   ``:resolution /adopted by the Human Rights Council …``, ``:decision /…``,
   ``:amendment /…`` go too: prefix the kind of text yourself where amendments
   and resolutions share a title);
3. **a bridge** is a normalised text of at least ``min_length`` characters found
   in at least ``min_periods`` periods; in a period where it occurs more than
   once (votes on parts, paragraphs or amendments of one text, or several
   resolutions under one heading) none of those roll calls joins the bridge, since
   it cannot be told which one is the recurring question.

Identical texts can still hide a changed question (a resolution whose operative
part was rewritten under the same title): the bridge then asks the same item
parameters of two different votes, and the estimates drift a little toward the
periods with more votes on it.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["normalise_title", "roll_call_texts", "find_bridges"]

_SUFFIX = re.compile(r"\s*:\s*(resolution|decision|amendment)\s*/.*$")
_AGENDA = re.compile(r"^\s*A/\d+/\d+\s+\d+\s*-", re.IGNORECASE)
_SYMBOL = re.compile(r"\S*/\S*")
_ROMAN_REF = re.compile(r"\(\s*[ivxlc]+\s*\)")
_NON_LETTER = re.compile(r"[^a-z]+")


def normalise_title(text: str) -> str:
    """The comparable form of a roll call's text.

    Examples
    --------
    >>> normalise_title("Necessity of ending the economic, commercial and financial embargo imposed by the "
    ...                 "United States of America against Cuba : resolution / adopted by the General Assembly")
    'necessity of ending the economic commercial and financial embargo imposed by the united states of america against cuba'
    >>> normalise_title("TO REAFFIRM ITS RESOLUTION 3236 (XXIX) OF NOVEMBER 22, 1974 (A/C.4/L.1093).")
    'to reaffirm its resolution of november'
    """
    text = _SUFFIX.sub("", str(text).lower().strip())
    text = _ROMAN_REF.sub(" ", _SYMBOL.sub(" ", text))
    return _NON_LETTER.sub(" ", text).strip()


def roll_call_texts(short, descr) -> list[str]:
    """Pick each roll call's text: the description, or the short title where the description is an agenda item.

    Examples
    --------
    >>> roll_call_texts(["Jerusalem : resolution / adopted by the General Assembly", "CUBA, U.S. EMBARGO"],
    ...                 ["A/72/251 37 - The situation in the Middle East.", "Necessity of ending the embargo"])
    ['Jerusalem : resolution / adopted by the General Assembly', 'Necessity of ending the embargo']
    """
    out = []
    for s, d in zip(short, descr):
        s = "" if pd.isna(s) else str(s)
        d = "" if pd.isna(d) else str(d)
        out.append(s if (not d.strip() or _AGENDA.match(d)) else d)
    return out


def find_bridges(texts, periods, *, min_periods: int = 2, min_length: int = 12) -> np.ndarray:
    """A bridge group id per roll call (−1 = none), from the roll calls' texts and periods.

    Parameters
    ----------
    texts : sequence of str
        One text per roll call (see :func:`roll_call_texts`); normalised here.
    periods : sequence of int
        The period of each roll call (session or year).
    min_periods : int
        A text must recur in at least this many periods to make a bridge.
    min_length : int
        Shorter normalised texts ("budget", "korea") are too generic to identify a question.

    Returns
    -------
    numpy.ndarray of int
        Group ids numbered from 0 in order of first appearance.

    Examples
    --------
    >>> texts = ["Prevention of an arms race in outer space", "Prevention of an arms race in outer space.",
    ...          "Israeli practices", "Israeli practices", "Israeli practices", "Korea"]
    >>> find_bridges(texts, [50, 51, 50, 50, 51, 51]).tolist()
    [0, 0, -1, -1, -1, -1]
    """
    keys = pd.Series([normalise_title(t) for t in texts])
    frame = pd.DataFrame({"key": keys, "period": np.asarray(periods)})
    usable = frame["key"].str.len() >= min_length
    once = ~frame.duplicated(["key", "period"], keep=False)
    frame = frame[usable & once]
    spread = frame.groupby("key")["period"].nunique()
    frame = frame[frame["key"].map(spread) >= min_periods]
    out = np.full(len(keys), -1)
    if not frame.empty:
        out[frame.index.to_numpy()] = pd.factorize(frame["key"])[0]
    return out
