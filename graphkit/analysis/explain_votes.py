"""The roll calls behind a pair's agreement on the GA votes: :func:`explain_pair_votes` (``graphkit explain --source unga``).

A pair's indices (share, S, κ, π, N — the numbers ``graphkit compare --source
unga`` gives) come from the roll calls both states voted in; this module lists
them one by one, each with both votes, and counts (or lists) the roll calls
only one of the two voted in. With the store at hand,
:func:`roll_call_details` adds what the import stored for each roll call: its
short title (from its ``rdfs:label``), its description, the dataset and release
it was derived from, the evidence excerpt (roll-call id and line of the file)
and each vote's position node.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from ..errors import InputError
from ..namespaces import GK, ID
from ..reports.analyses import pairwise_rows
from ..store.embedded import open_store
from .matrix import UngaMatrix
from ..sources.unga.rdf import GRAPHS, act_key
from ..store.votes import import_hint

__all__ = ["explain_pair_votes", "roll_call_details", "VOTE_NAMES"]

#: Matrix value → vote.
VOTE_NAMES = {1: "yes", 0: "abstain", -1: "no"}

_PREFIXES = ("PREFIX gk: <https://w3id.org/graphkit/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
             "PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ")


def _vote(v: float) -> str | None:
    return None if v != v else VOTE_NAMES[int(v)]


def _date(day, precision: str) -> str:
    day = pd.Timestamp(day)
    return day.strftime("%Y-%m") if precision == "month" else day.strftime("%Y-%m-%d")


def _num(x) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def explain_pair_votes(matrix: UngaMatrix, a: str, b: str, *, store_dir=None, layout: str = "voeten",
                       metric: str = "squared") -> dict:
    """The roll calls behind two states' agreement, each with both votes (and, with the store, its provenance).

    Parameters
    ----------
    matrix : UngaMatrix
        The selected roll calls (:func:`graphkit.sources.unga.selection.load_matrix`).
    a, b : str
        State codes, historic keys or English names (:meth:`~graphkit.analysis.matrix.UngaMatrix.key_of`).
    store_dir : path, optional
        The store the votes were read from: each row then gains what the import
        stored (:func:`roll_call_details`). Without it the rows carry only what
        the matrix knows (no dataset, release or position).
    layout : str
        The imported graph (``voeten`` or ``undl``) — the selection's ``layout``.

    Returns
    -------
    dict
        ``a``, ``b`` (keys), ``name_a``, ``name_b``, ``n``, ``share``, ``s``,
        ``kappa``, ``pi`` (None where undefined; as
        :func:`~graphkit.analysis.votes.compare_pairs`), ``roll_calls`` (in the
        selection), ``both`` (one row per roll call both voted in, in date
        order), ``only_a`` and ``only_b`` (rows of the roll calls only one voted
        in), ``neither`` (how many neither voted in), and ``source`` (dataset
        title and release, when read from the store). A row has ``rcid``,
        ``date`` (YYYY-MM when the date is precise to the month), ``precision``,
        ``session``, ``symbol``, ``title``, ``issues``, ``vote_a``, ``vote_b``
        (``yes``/``no``/``abstain`` or None) and ``agree`` (same vote; None
        unless both voted); from the store also ``act``, ``description``,
        ``dataset``, ``release``, ``excerpt`` and, per vote, ``voter_a`` /
        ``voter_b`` (the entity that cast it: SUN for RUS before 1992 with
        successors merged) and ``position_a`` / ``position_b``.

    Raises
    ------
    UnknownStateError
        A name that is no state or historic entity (with the closest codes).
    InputError
        The same state twice.

    Examples
    --------
    USA and FRA on the fixture (tests/unga_support.py), by hand: 101 no/yes,
    102 yes/yes, 103 yes/yes, 104 no/abstain — two of four the same, share 1/2,
    S = 1 − (2 + 0 + 0 + 1)/4 = 1/4:

    >>> from graphkit.analysis.matrix import vote_matrix
    >>> m = vote_matrix(fixture_table(), identity=fixture_identity())
    >>> x = explain_pair_votes(m, "USA", "France")
    >>> x["n"], x["share"], x["s"]
    (4, 0.5, 0.25)
    >>> [(r["rcid"], r["date"], r["vote_a"], r["vote_b"], r["agree"]) for r in x["both"]]
    [('101', '1971-10', 'no', 'yes', False), ('102', '1990-12', 'yes', 'yes', True), ('103', '2016-12-21', 'yes', 'yes', True), ('104', '2019-12-18', 'no', 'abstain', False)]

    USA and CHN: CHN's seat was the ROC's in 1971, so only USA voted in 101:

    >>> x = explain_pair_votes(m, "USA", "CHN")
    >>> x["n"], [r["rcid"] for r in x["both"]], [(r["rcid"], r["vote_a"], r["vote_b"]) for r in x["only_a"]], x["only_b"]
    (3, ['102', '103', '104'], [('101', 'no', None)], [])
    """
    key_a, key_b = matrix.key_of(a), matrix.key_of(b)
    if key_a == key_b:
        raise InputError(f"{a!r} and {b!r} are the same entity ({key_a})", value=b,
                         hint="name two different states, e.g. graphkit explain USA FRA --source unga")
    index = {k: i for i, k in enumerate(matrix.keys)}
    empty = np.full(len(matrix.rcids), np.nan)
    va = matrix.values[index[key_a]] if key_a in index else empty
    vb = matrix.values[index[key_b]] if key_b in index else empty
    ix = pairwise_rows(matrix.keys, matrix.values, [key_a, key_b], metric)[0]
    has_a, has_b = ~np.isnan(va), ~np.isnan(vb)
    rc = matrix.roll_calls
    rows = {}
    for col in np.flatnonzero(has_a | has_b):
        r = rc.iloc[col]
        rows[col] = {"rcid": str(r["rcid"]), "date": _date(r["date"], r["precision"]), "precision": r["precision"],
                     "session": None if pd.isna(r["session"]) else int(r["session"]), "symbol": r["symbol"] or "",
                     "title": r.get("title", "") or "", "issues": " ".join(r["issues"]),
                     "vote_a": _vote(va[col]), "vote_b": _vote(vb[col]),
                     "agree": bool(va[col] == vb[col]) if has_a[col] and has_b[col] else None}
    source = None
    if store_dir is not None and rows:
        details, source = roll_call_details(store_dir, [r["rcid"] for r in rows.values()], layout=layout,
                                            voters=_voters(matrix, key_a, key_b))
        for row in rows.values():
            d = details.get(row["rcid"], {})
            votes = d.pop("votes", {})
            row.update({k: v for k, v in d.items() if k != "title" or v})
            for side, key in (("a", key_a), ("b", key_b)):
                if row[f"vote_{side}"] is not None:
                    voter = next((v for v in votes if matrix.merged and matrix.identity.merge_key(v) == key or v == key), None)
                    row[f"voter_{side}"] = voter
                    row[f"position_{side}"] = votes.get(voter, {}).get("position")
    pick = lambda mask: [rows[c] for c in np.flatnonzero(mask)]
    return {"a": key_a, "b": key_b, "name_a": matrix.names.get(key_a, key_a), "name_b": matrix.names.get(key_b, key_b),
            "n": ix["n"], **{k: _num(ix[k]) for k in ("share", "s", "kappa", "pi")},
            "roll_calls": len(matrix.rcids), "both": pick(has_a & has_b), "only_a": pick(has_a & ~has_b),
            "only_b": pick(has_b & ~has_a), "neither": int((~has_a & ~has_b).sum()), "source": source}


def _voters(matrix: UngaMatrix, *keys: str) -> list[str]:
    """The entities whose votes count under ``keys`` (with successors merged: SUN under RUS …)."""
    if not matrix.merged or matrix.identity is None:
        return list(keys)
    ident = matrix.identity
    known = set(ident.names) | set(ident.keys) | set(ident.continued_by) | set(keys)
    return sorted(k for k in known if ident.merge_key(k) in keys)


def roll_call_details(store_dir=None, rcids=(), *, layout: str = "voeten", voters=()) -> tuple[dict, dict]:
    """What the import stored about some roll calls (and the votes of some voters in them), read-only.

    Parameters
    ----------
    rcids : iterable of str
        Roll-call ids (``gk:rollCallId``).
    voters : iterable of str
        Entity keys whose positions in these roll calls to return.

    Returns
    -------
    (dict, dict)
        ``rcid → {"act", "title", "description", "precision", "dataset",
        "release", "excerpt", "votes": {key: {"vote", "position"}}}`` (the
        title is the short title in the act's ``rdfs:label``, after its " — "),
        and the graph's source ``{"dataset", "release", "graph"}``.

    Raises
    ------
    InputError
        No store, or no votes of ``layout`` imported into it.

    Examples
    --------
    >>> import tempfile
    >>> from graphkit.store.votes import import_table
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = import_table(fixture_table(), f"{d}/store", release="fixture")
    ...     rows, source = roll_call_details(f"{d}/store", ["101", "104"], voters=["ROC"])
    >>> rows["101"]["title"], rows["101"]["precision"], rows["101"]["excerpt"]
    ('FICTIONAL CHINA SEAT', 'month', 'rcid 101; session 26; date 1971-10-07; symbol R/26/9001; line 2')
    >>> rows["101"]["votes"]["ROC"]["vote"], rows["104"]["votes"], rows["104"]["title"], source["release"]
    ('no', {}, '', 'fixture')
    """
    g = GRAPHS[layout]
    store = open_store(store_dir, read_only=True, missing_hint=import_hint(layout, store_dir))
    try:
        import pyoxigraph as ox

        if ox.NamedNode(g) not in set(store.named_graphs()):
            raise InputError(f"no UN votes imported: the store holds no graph <{g}>", value=g,
                             hint=import_hint(layout, store_dir))
        rcids = sorted(set(map(str, rcids)))
        acts = " ".join(f"<{ID}act/{act_key(layout, r)}>" for r in rcids)
        out = {}
        q = _PREFIXES + f"""SELECT ?a ?rcid ?label ?descr ?prec ?excerpt ?dataset ?release WHERE {{ GRAPH <{g}> {{
            VALUES ?a {{ {acts} }}
            ?a gk:rollCallId ?rcid ; gk:datePrecision ?prec .
            OPTIONAL {{ ?a rdfs:label ?label }} OPTIONAL {{ ?a dcterms:description ?descr }}
            OPTIONAL {{ ?a gk:evidence ?ev . OPTIONAL {{ ?ev gk:excerpt ?excerpt }}
                       OPTIONAL {{ ?ev prov:wasDerivedFrom ?src . OPTIONAL {{ ?src dcterms:title ?dataset }}
                                  OPTIONAL {{ ?src dcterms:identifier ?release }} }} }} }} }}"""
        for a, rcid, label, descr, prec, excerpt, dataset, release in (store.query(q) if rcids else ()):
            text = lambda t: t.value if t is not None else ""
            out[rcid.value] = {"act": a.value, "title": text(label).partition(" — ")[2].strip(),
                               "description": text(descr), "precision": prec.value.rsplit("#", 1)[1],
                               "excerpt": text(excerpt), "dataset": text(dataset), "release": text(release), "votes": {}}
        voters = sorted(set(voters))
        if voters and out:
            who = " ".join(f"<{ID}state/{k}>" for k in voters)
            # all the voters' positions, kept in Python: joining them with VALUES ?a in SPARQL is 6 times slower
            q = _PREFIXES + f"""SELECT ?a ?who ?s ?p WHERE {{ GRAPH <{g}> {{
                VALUES ?who {{ {who} }} ?p gk:participant ?who ; gk:act ?a ; gk:stance ?s }} }}"""
            prefix = len(f"{ID}act/unga-{layout}-")
            for a, w, s, p in store.query(q):
                row = out.get(a.value[prefix:])
                if row is not None:
                    row["votes"][w.value.rsplit("/", 1)[1]] = {"vote": s.value[len(str(GK)):], "position": p.value}
        q = _PREFIXES + f"""SELECT ?dataset ?release WHERE {{ GRAPH <{g}> {{ <{ID}source/unga-{layout}-dataset> dcterms:title ?dataset .
            OPTIONAL {{ <{ID}source/unga-{layout}-dataset> dcterms:identifier ?release }} }} }}"""
        source = next(({"dataset": d.value, "release": r.value if r is not None else "", "graph": g}
                       for d, r in store.query(q)), {"dataset": "", "release": "", "graph": g})
    finally:
        del store
    return out, source
