"""The Security Council's vetoes (1946 – 8 July 2022), from the UN library's veto list.

``graphkit import unsc-vetoes`` reads the file (:mod:`.readers`): each vetoed
draft an act of the Security Council (date, draft symbol, meeting record, agenda
item), each vetoing member a position (stance ``gk:no``, role ``gk:veto``,
linked to its permanent membership), in the named graph ``graph/unsc-vetoes``.
``--source unsc`` reads them back (:class:`.source.VetoSource`).
"""
from .readers import DATASET, MEMBERS, UNSC_NOTE, read_vetoes, veto_memberships
from .source import UNSC, VetoSource

__all__ = ["UNSC", "VetoSource", "DATASET", "MEMBERS", "UNSC_NOTE", "read_vetoes", "veto_memberships"]
