"""Read the ontology and a data folder into one RDF dataset, a named graph per file.

A data folder holds Turtle files (``*.ttl``, anywhere below it) and signatory
lists (``lists/*.csv``, columns ``state,position,role`` and optionally
``date``). Each CSV must be declared in Turtle as a ``gk:SignatoryList`` whose
IRI ends with the file's stem; its rows become ``gk:Position`` nodes carrying
the list's evidence. Every problem is raised as a typed error naming the file
and line and saying what would be valid.

An act's facts live in the file that declares it: a statement about an act
made in another file is an error naming that other file (else a second file
could give the Syria vote a second target, unseen). The one link other files
may make is :data:`CROSS_FILE_LINKS` — ``gk:occasion``, stated in
``data/occasions.ttl`` beside the occasion it groups acts into. Signatory lists
point at their act from their own nodes (``gk:listOf``, positions' ``gk:act``),
so they add nothing to the act itself.

CSV lists may start with a UTF-8 byte-order mark (Excel's "CSV UTF-8"); a list
with a header and no row is an error, as it would silently empty the list.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef

from ..errors import DataError, InputError
from .states import StateResolver
from .turtle import line_of, parse_turtle, quiet_rdflib
from ..resources import DEFAULT_DATA, ONTOLOGY_DIR
from ..namespaces import GK, ID, RDF, XSD, bind_prefixes, graph_iri, list_iri, position_iri, iri_key

__all__ = ["DEFAULT_DATA", "ONTOLOGY_DIR", "load_ontology", "load_data", "LoadedData",
           "STANCES", "ROLES", "ROLE_REFINEMENTS", "merge_role", "role_triples", "ACT_CLASSES", "CROSS_FILE_LINKS", "parse_turtle", "quiet_rdflib"]


#: CSV ``position`` values → stance concepts.
STANCES = {"supports": GK.supports, "criticises": GK.criticises, "rejects": GK.rejects,
           "yes": GK.yes, "no": GK.no, "abstain": GK.abstain}
#: CSV ``role`` values → role concepts.
ROLES = {"lead": GK.lead, "signatory": GK.signatory, "later_joiner": GK.laterJoiner,
         "sponsor": GK.sponsor, "voter": GK.voter}
#: Two lists may name one participant with roles that say different things about it — a list of signatories
#: names everyone who signed, a list of joiners says who joined later, a delivering state's own list says it
#: led: the position keeps the more specific role (the key), never both. Any other pair is a contradiction.
ROLE_REFINEMENTS = {frozenset((GK.signatory, GK.lead)): GK.lead, frozenset((GK.signatory, GK.laterJoiner)): GK.laterJoiner}

ACT_CLASSES = (GK.Act, GK.JointStatement, GK.JointLetter, GK.OpenLetter, GK.RecordedVote,
               GK.OwnStatement, GK.ExpertCall, GK.Call, GK.MechanismCreation)
#: The properties another file may state about an act declared elsewhere (links, not facts of the act).
CROSS_FILE_LINKS = (GK.occasion,)


@dataclass
class LoadedData:
    """What :func:`load_data` returns: the dataset and where each subject was defined."""

    dataset: Dataset
    files: list[Path] = field(default_factory=list)
    subject_files: dict = field(default_factory=dict)

    def union(self) -> Graph:
        """All triples of all named graphs in one graph (the default view for queries)."""
        g = bind_prefixes(Graph())
        for s, p, o, _ in self.dataset.quads((None, None, None, None)):
            g.add((s, p, o))
        return g


def _data_root(path) -> Path:
    root = Path(path)
    if not root.exists():
        raise InputError(f"data folder {root} does not exist", hint="pass --data DIR with the folder holding *.ttl and lists/*.csv")
    if not root.is_dir():
        raise InputError(f"{root} is not a folder", hint="--data takes a folder, not a file")
    return root


def load_ontology(ontology_dir=ONTOLOGY_DIR) -> Graph:
    """The ontology (``alignment.ttl``) as a graph."""
    return parse_turtle(Path(ontology_dir) / "alignment.ttl", bind_prefixes(Graph()))


def load_data(data_dir=DEFAULT_DATA) -> LoadedData:
    """Read every Turtle file and signatory list below ``data_dir`` into a dataset.

    Raises
    ------
    InputError
        A file cannot be read or parsed.
    DataError
        A duplicate act, a list with no declaration or act, an unknown state,
        a bad stance, role or date in a list.
    """
    root = _data_root(data_dir)
    ds = bind_prefixes(Dataset())
    loaded = LoadedData(ds)
    act_files: dict[URIRef, Path] = {}
    turtle_files = sorted(p for p in root.rglob("*.ttl") if p.is_file())
    csv_files = sorted(p for p in (root / "lists").glob("*.csv")) if (root / "lists").is_dir() else []
    if not turtle_files:
        raise InputError(f"no *.ttl files in {root}", hint="point --data at a graphkit data folder")
    for path in turtle_files:
        rel = path.relative_to(root).as_posix()
        g = ds.graph(graph_iri(rel))
        parsed = parse_turtle(path)
        for t in parsed:
            g.add(t)
        loaded.files.append(path)
        for s in set(parsed.subjects()):
            loaded.subject_files.setdefault(s, rel)
        for act in set(parsed.subjects(RDF.type, None)):
            if any((act, RDF.type, c) in parsed for c in ACT_CLASSES):
                if act in act_files:
                    raise DataError(f"act {iri_key(act)} is declared twice: in {act_files[act].relative_to(root)} and here",
                                    file=path, value=str(act), hint="keep one declaration and merge the facts into it")
                act_files[act] = path
    _check_act_files(ds, act_files, root)
    union = loaded.union()
    resolver = StateResolver(union)
    stances: dict = {}
    roles: dict = {}
    for path in csv_files:
        rel = path.relative_to(root).as_posix()
        g = ds.graph(graph_iri(rel))
        for t in read_signatory_list(path, union, resolver, stances, roles):
            g.add(t)
            loaded.subject_files.setdefault(t[0], rel)
        loaded.files.append(path)
    role_triples(ds, roles, root)
    return loaded


def merge_role(before, role, iso3: str, act_id: str, path: Path, line: int):
    """The one role a position keeps when a second list names it with ``role`` (:data:`ROLE_REFINEMENTS`).

    Raises
    ------
    DataError
        The two roles contradict each other (a lead and a later joiner, a voter and a signatory ...).
    """
    if before is None or before[0] == role:
        return role
    kept = ROLE_REFINEMENTS.get(frozenset((before[0], role)))
    if kept is None:
        names = {v: k for k, v in ROLES.items()}
        raise DataError(f"{iso3} is {names.get(before[0], before[0])} in {before[1]} and {names.get(role, role)} here, "
                        f"both for act {act_id}",
                        file=path, line=line, hint="a position has one role: lead, signatory (signed when it was made), "
                                                   "later joiner, sponsor or voter; check both sources")
    return kept


def role_triples(ds: Dataset, roles: dict, lists_root: Path) -> None:
    """Write each position's one role into the graph of the list that gave it; check later joiners have a date."""
    for pos, (role, _name, path) in roles.items():
        if path is None:
            continue  # the role a Turtle file states
        ds.graph(graph_iri(path.relative_to(lists_root).as_posix())).add((pos, GK.role, role))
    union = ds
    for pos, (role, name, path) in roles.items():
        has_date = any(True for _ in union.quads((pos, GK.joinedOn, None, None)))
        if role == GK.laterJoiner and not has_date:
            raise DataError(f"{iri_key(pos)} in act {str(pos).rsplit('/', 2)[-2]} is a later joiner without a date",
                            file=path or name, hint="give its joining date in the date column of the list of joiners")


def _check_act_files(ds: Dataset, act_files: dict, root: Path) -> None:
    """Refuse a statement about an act made outside the file that declares it (links of :data:`CROSS_FILE_LINKS` apart)."""
    names = ds.namespace_manager
    for g in ds.graphs():
        for act in set(g.subjects()) & act_files.keys():
            home = act_files[act].relative_to(root).as_posix()
            if g.identifier == graph_iri(home):
                continue
            added = sorted({p for p in g.predicates(act, None) if p not in CROSS_FILE_LINKS}, key=str)
            if not added:
                continue
            path = next(f for f in root.rglob("*.ttl") if graph_iri(f.relative_to(root).as_posix()) == g.identifier)
            key = iri_key(act)
            raise DataError(f"this file states {', '.join(names.normalizeUri(p) for p in added)} of act {key}, "
                            f"which is declared in {home}", file=path,
                            line=line_of(path.read_text(encoding="utf-8-sig"), key), value=str(act),
                            hint="state an act's facts in the file that declares it; other files may only point at it with "
                                 + ", ".join(names.normalizeUri(p) for p in CROSS_FILE_LINKS) + " (see data/occasions.ttl)")


def read_signatory_list(path: Path, union: Graph, resolver: StateResolver, stances: dict | None = None,
                        roles: dict | None = None) -> list[tuple]:
    """Turn one CSV signatory list into position triples, validating every row.

    ``stances`` maps position IRIs to the stance and file already seen, so that
    two lists of one act cannot give a participant two stances. ``roles`` maps
    them to the role kept so far (:func:`merge_role`), its file and the graph to
    write it in: the caller writes one role per position once every list is
    read (:func:`role_triples`); without ``roles`` each row's role is returned.
    """
    stances = {} if stances is None else stances
    own_roles = roles is None
    roles = {} if roles is None else roles
    lst = list_iri(path.stem)
    if (lst, RDF.type, GK.SignatoryList) not in union:
        raise DataError(f"no gk:SignatoryList <{lst}> is declared for this file", file=path,
                        hint=f"declare list:{path.stem} a gk:SignatoryList with gk:listOf and gk:evidence in a .ttl file")
    act = union.value(lst, GK.listOf)
    if act is None or not any((act, RDF.type, c) in union for c in ACT_CLASSES):
        raise DataError(f"list:{path.stem} has positions but {'no gk:listOf act' if act is None else f'its act {iri_key(act)} is not declared'}",
                        file=path, hint="declare the act (a gk:Act subclass) and point gk:listOf at it")
    evidence = sorted(union.objects(lst, GK.evidence))
    act_id = iri_key(act)
    triples: list[tuple] = []
    seen: dict[str, int] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:  # -sig: a byte-order mark is no part of the header
            reader = csv.DictReader(fh)
            if reader.fieldnames is None:
                raise InputError("the file is empty", file=path, line=1,
                                 hint="write the header state,position,role[,date] and one row per state")
            fields = [(f or "").strip() for f in reader.fieldnames]
            reader.fieldnames = fields
            missing = {"state", "position", "role"} - set(fields)
            if missing:
                raise InputError(f"missing column(s) {', '.join(sorted(missing))}", file=path, line=1,
                                 hint="the header must be state,position,role[,date]")
            for row in reader:
                line = reader.line_num
                iso3 = resolver.resolve(row["state"] or "", file=path, line=line)
                if iso3 in seen:
                    raise DataError(f"{row['state']!r} ({iso3}) is listed twice (first at line {seen[iso3]})",
                                    file=path, line=line, value=row["state"], hint="remove the duplicate row")
                seen[iso3] = line
                stance = STANCES.get((row["position"] or "").strip())
                if stance is None:
                    raise DataError(f"unknown position {row['position']!r}", file=path, line=line,
                                    value=row["position"], hint="valid: " + ", ".join(STANCES))
                role = ROLES.get((row["role"] or "").strip())
                if role is None:
                    raise DataError(f"unknown role {row['role']!r}", file=path, line=line,
                                    value=row["role"], hint="valid: " + ", ".join(ROLES))
                pos = position_iri(act_id, iso3)
                existing = stances.get(pos) or (union.value(pos, GK.stance), "a Turtle file")
                if existing[0] is not None and existing[0] != stance:
                    raise DataError(f"{iso3} has stance {iri_key(existing[0])} in {existing[1]} and {row['position']} here, both for act {act_id}",
                                    file=path, line=line, hint="a participant has one stance per act; check both sources")
                stances[pos] = (stance, path.name)
                before = roles.get(pos) or ((union.value(pos, GK.role), "a Turtle file", None)
                                            if union.value(pos, GK.role) is not None else None)
                kept = merge_role(before, role, iso3, act_id, path, line)
                if before is None or kept != before[0]:
                    roles[pos] = (kept, path.name, path)
                triples += [(pos, RDF.type, GK.Position), (pos, GK.act, act),
                            (pos, GK.participant, ID[f"state/{iso3}"]), (pos, GK.stance, stance),
                            (pos, GK.listedIn, lst)]
                if own_roles:
                    triples.append((pos, GK.role, role))
                triples += [(pos, GK.evidence, ev) for ev in evidence]
                date = (row.get("date") or "").strip()
                if date and role != GK.laterJoiner:
                    raise DataError(f"{iso3} has a date ({date}) but the role {row['role']}: the date column says when a "
                                    "later joiner joined", file=path, line=line, value=date,
                                    hint="write later_joiner as its role, or leave the date empty")
                if date:
                    try:
                        dt.date.fromisoformat(date)
                    except ValueError:
                        raise DataError(f"{date!r} is not a date", file=path, line=line, value=date,
                                        hint="write YYYY-MM-DD, for example 2019-07-26") from None
                    triples.append((pos, GK.joinedOn, Literal(date, datatype=XSD.date)))
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=path,
                         hint="save the CSV as UTF-8") from None
    except csv.Error as exc:
        raise InputError(f"malformed CSV: {exc}", file=path, hint="one row per state: state,position,role") from None
    if not seen:
        raise DataError("the list has a header but no row: it would list nobody", file=path, line=2,
                        hint="add one row per state (state,position,role), or delete the file and its gk:SignatoryList")
    return triples
