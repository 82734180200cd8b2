"""Select positions for an analysis and check state codes, with errors that say what went wrong.

:func:`select_records` is :func:`~graphkit.sources.curated.records.position_records` that, when
nothing is left, names the filter that emptied the selection;
:func:`resolve_states` turns codes or names into ISO3 codes or raises
:class:`~graphkit.errors.UnknownStateError` with the closest codes.
"""
from __future__ import annotations

from dataclasses import replace

from rdflib import Graph

from ...errors import DataError, UnknownStateError
from ...graph.states import StateResolver
from .records import Filters, PositionRecord, position_records

__all__ = ["select_records", "resolve_states", "FILTER_ORDER"]

#: The order in which filters are tried when explaining an empty selection.
FILTER_ORDER = ("target", "kind", "forum", "topic", "since", "until")


def resolve_states(graph: Graph, names: list[str]) -> list[str]:
    """Keys for state codes or names, by :meth:`graphkit.graph.states.StateResolver.key_of`.

    Examples
    --------
    >>> resolve_states(tiny_world_graph(), ["aaa", "Borduria"])
    ['AAA', 'BBB']
    >>> resolve_states(tiny_world_graph(), ["AAB"])
    Traceback (most recent call last):
    ...
    graphkit.errors.UnknownStateError: unknown state code 'AAB' — did you mean AAA (Avalon)?
    """
    resolver = StateResolver(graph)
    return [resolver.key_of(name) for name in names]


def select_records(graph: Graph, filters: Filters | None = None) -> list[PositionRecord]:
    """Positions passing ``filters``; when none is left, a DataError naming the filter that emptied it.

    The target is checked first: an unknown ``--target`` code is an
    :class:`~graphkit.errors.UnknownStateError` with a suggestion.

    Examples
    --------
    >>> import datetime as dt
    >>> len(select_records(tiny_world_graph(), Filters(target="SYL")))  # 3 + 2 (FFF withdrew) + 5 + 3
    13
    >>> select_records(tiny_world_graph(), Filters(target="SYL", forum="un-hrc", since=dt.date(2021, 1, 1)))
    Traceback (most recent call last):
    ...
    graphkit.errors.DataError: no positions left: since=2021-01-01 removed the last ones (after target=SYL, forum=un-hrc) — widen or drop since
    """
    filters = filters or Filters()
    if filters.target:
        filters = replace(filters, target=resolve_states(graph, [filters.target])[0])
    records = position_records(graph, Filters(include_withdrawn=filters.include_withdrawn))
    if not records:
        raise DataError("the graph holds no positions at all", hint="check the data folder (--data)")
    kept = records
    applied: dict = {}
    for name in FILTER_ORDER:
        value = getattr(filters, name)
        if value is None:
            continue
        applied[name] = value
        step = Filters(include_withdrawn=filters.include_withdrawn, **applied)
        kept = [r for r in kept if step.keeps(r)]
        if not kept:
            before = ", ".join(f"{k}={v}" for k, v in applied.items() if k != name)
            raise DataError(f"no positions left: {name}={value} removed the last ones"
                            + (f" (after {before})" if before else ""),
                            value=value, hint=f"widen or drop {name}")
    return kept
