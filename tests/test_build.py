"""graphkit.graph.build on the tiny world, the shipped data and broken copies."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.compare import isomorphic

from graphkit.graph.build import build, write_build
from graphkit.errors import DataError, InputError, UnknownStateError
from graphkit.namespaces import GK, ID, RDF, position_iri


def test_world_conforms_and_counts(world):
    s = world.summary()
    assert world.report.conforms
    assert (s["states"], s["acts"], s["positions"], s["sources"]) == (7, 4, 14, 2)


def test_positions_carry_list_evidence(world):
    pos = position_iri("w-2020-critical", "DDD")
    assert (pos, GK.evidence, ID["evidence/w-2020-critical"]) in world.graph
    assert (pos, GK.stance, GK.criticises) in world.graph


def test_later_joiner_date_and_withdrawal(world):
    g = world.graph
    assert str(g.value(position_iri("w-2022-support", "BBB"), GK.joinedOn)) == "2022-11-01"
    assert str(g.value(position_iri("w-2020-support", "FFF"), GK.withdrawnOn)) == "2020-07-10"


def test_rebuild_is_identical(world_copy):
    a, b = build(world_copy), build(world_copy)
    assert isomorphic(a.graph, b.graph)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nt", "json-ld"])
def test_written_graph_reads_back_the_same(world, tmp_path, fmt):
    out = write_build(world, tmp_path / f"g.{fmt}", fmt, with_ontology=False)
    parse_as = {"turtle": "turtle", "trig": "trig", "nt": "nt", "json-ld": "json-ld"}[fmt]
    if fmt == "trig":
        from rdflib import Dataset
        ds = Dataset()
        ds.parse(out, format="trig")
        assert len(list(ds.graphs())) >= 8  # one named graph per data file
        back = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            back.add((s, p, o))
    else:
        back = Graph().parse(out, format=parse_as)
    assert isomorphic(back, world.graph)


def test_shipped_data_conforms(shipped):
    assert shipped.report.conforms, shipped.report.violations[:5]
    s = shipped.summary()
    assert s["states"] == 195  # 193 members + 2 observers
    assert s["acts"] >= 16


def test_every_shipped_fact_has_evidence(shipped):
    missing = shipped.graph.query("""
        SELECT ?x WHERE { VALUES ?c { gk:Position gk:ReportedCount gk:Membership gk:Claim gk:SignatoryList }
                          ?x a ?c . FILTER NOT EXISTS { ?x gk:evidence ?e } }""", initNs={"gk": GK})
    assert list(missing) == []


# ---- bad input: each error names the file and line and what is valid

def test_unknown_state_in_csv_names_file_line_and_suggestion(world_copy):
    f = world_copy / "lists" / "w-2021-vote.csv"
    f.write_text(f.read_text().replace("Dorvia", "Dorvai"))
    with pytest.raises(UnknownStateError) as err:
        build(world_copy)
    assert err.value.file.endswith("w-2021-vote.csv") and err.value.line == 3
    assert "Dorvai" in str(err.value) and "DDD" in str(err.value)


def test_malformed_turtle_names_file_and_line(world_copy):
    f = world_copy / "acts" / "w-2021-vote.ttl"
    lines = f.read_text().splitlines() + ["act:broken gk:date ."]  # a statement with no object
    f.write_text("\n".join(lines) + "\n")
    with pytest.raises(InputError) as err:
        build(world_copy)
    assert err.value.file.endswith("w-2021-vote.ttl") and err.value.line == len(lines)
    assert err.value.exit_code == 2


def test_bad_date_names_value_and_line(world_copy):
    f = world_copy / "acts" / "w-2021-vote.ttl"
    f.write_text(f.read_text().replace('"2021-03-15"^^xsd:date', '"2021-13-45"^^xsd:date'))
    with pytest.raises(DataError) as err:
        build(world_copy)
    assert "2021-13-45" in str(err.value) and err.value.line is not None


def test_bad_date_in_list(world_copy):
    f = world_copy / "lists" / "w-2022-support.csv"
    f.write_text(f.read_text().replace("2022-11-01", "1 Nov 2022"))
    with pytest.raises(DataError, match="YYYY-MM-DD") as err:
        build(world_copy)
    assert err.value.line == 4


def test_duplicate_act_is_an_error(world_copy):
    src = world_copy / "acts" / "w-2021-vote.ttl"
    (world_copy / "acts" / "copy.ttl").write_text(src.read_text())
    with pytest.raises(DataError, match="declared twice"):
        build(world_copy)


def test_list_without_declared_act(world_copy):
    (world_copy / "lists" / "orphan.csv").write_text("state,position,role\nAvalon,supports,signatory\n")
    with pytest.raises(DataError, match="no gk:SignatoryList"):
        build(world_copy)


def test_duplicate_row_in_list(world_copy):
    f = world_copy / "lists" / "w-2021-vote.csv"
    f.write_text(f.read_text() + "CCC,yes,voter\n")
    with pytest.raises(DataError, match="listed twice"):
        build(world_copy)


def test_conflicting_stances_across_lists(world_copy):
    f = world_copy / "lists" / "w-2020-critical-other.csv"
    f.write_text("state,position,role\nDorvia,supports,signatory\n")
    ttl = world_copy / "acts" / "w-2020-critical.ttl"
    ttl.write_text(ttl.read_text() + "\nlist:w-2020-critical-other a gk:SignatoryList ; gk:listOf act:w-2020-critical ; gk:evidence ev:w-2020-critical .\n")
    with pytest.raises(DataError, match="one stance per act"):
        build(world_copy)


def test_position_without_act_fails_the_shapes(world_copy):
    ttl = world_copy / "acts" / "w-2021-vote.ttl"
    ttl.write_text(ttl.read_text() + '\n<https://w3id.org/graphkit/id/position/lost/AAA> a gk:Position ; gk:participant state:AAA ; gk:stance gk:yes ; gk:role gk:voter ; gk:evidence ev:w-2021-vote .\n')
    result = build(world_copy)
    assert not result.report.conforms
    assert any(v.path == "gk:act" and v.file == "acts/w-2021-vote.ttl" for v in result.report.violations)


def test_not_utf8(world_copy):
    (world_copy / "acts" / "latin1.ttl").write_bytes("# Caf\xe9\n".encode("latin-1"))
    with pytest.raises(InputError, match="UTF-8"):
        build(world_copy)


def test_missing_folder(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        build(tmp_path / "nope")


def test_written_graph_includes_the_ontology(world, tmp_path):
    back = Graph().parse(write_build(world, tmp_path / "g.ttl"), format="turtle")
    assert (GK.Position, RDF.type, None) in back and len(back) == len(world.graph) + len(world.ontology)


# ---- roles: exactly one per position

def _second_list(world_copy, rows: str):
    """A second list of the 2022 statement (another source naming its participants)."""
    (world_copy / "lists" / "w-2022-support-other.csv").write_text(rows)
    ttl = world_copy / "acts" / "w-2022-support.ttl"
    ttl.write_text(ttl.read_text() + "\nlist:w-2022-support-other a gk:SignatoryList ; gk:listOf act:w-2022-support ; "
                                     "gk:evidence ev:w-2022-support .\n")


def test_a_list_of_all_signers_and_a_list_of_joiners_give_one_role(world_copy):
    from graphkit.namespaces import GK, ID
    # a source listing everyone who signed names Borduria (who joined later) and Avalon (who led) as signatories
    _second_list(world_copy, "state,position,role\nAvalon,supports,signatory\nBorduria,supports,signatory\n"
                             "Elbonia,supports,signatory\n")
    result = build(world_copy)
    assert result.report.conforms, result.report.violations
    roles = {key: set(result.graph.objects(ID[f"position/w-2022-support/{key}"], GK.role)) for key in ("AAA", "BBB", "EEE")}
    assert roles == {"AAA": {GK.lead}, "BBB": {GK.laterJoiner}, "EEE": {GK.signatory}}
    originals = {str(p).rsplit("/", 1)[1] for p in result.graph.subjects(GK.role, GK.signatory)
                 if (p, GK.act, ID["act/w-2022-support"]) in result.graph}
    assert originals == {"EEE"}                        # the original signers, asked for by role


def test_contradicting_roles_are_an_error(world_copy):
    _second_list(world_copy, "state,position,role,date\nAvalon,supports,later_joiner,2022-11-05\n")
    with pytest.raises(DataError, match="AAA is later_joiner in w-2022-support-other.csv and lead here") as err:
        build(world_copy)
    assert err.value.line == 2 and err.value.file.endswith("w-2022-support.csv")


def test_a_date_belongs_to_a_later_joiner_only(world_copy):
    f = world_copy / "lists" / "w-2022-support.csv"
    f.write_text(f.read_text().replace("Elbonia,supports,signatory,", "Elbonia,supports,signatory,2022-11-03"))
    with pytest.raises(DataError, match="the date column says when a later joiner joined"):
        build(world_copy)
    f.write_text(f.read_text().replace("Elbonia,supports,signatory,2022-11-03", "Elbonia,supports,later_joiner,"))
    with pytest.raises(DataError, match="later joiner without a date"):
        build(world_copy)


def test_the_2019_letter_distinguishes_original_signers_from_joiners(shipped):
    from collections import Counter
    from graphkit.namespaces import GK, ID
    act = ID["act/hrc41-2019-07-12-xinjiang-letter-support"]
    roles = Counter(shipped.graph.value(p, GK.role) for p in shipped.graph.subjects(GK.act, act))
    # the 37 of 12 July (Qatar among them) and Yemen, named by the UN document only; the 13 of 26 July
    assert roles == {GK.signatory: 38, GK.laterJoiner: 13}
    for p in shipped.graph.subjects(GK.role, GK.laterJoiner):
        assert shipped.graph.value(p, GK.joinedOn) is not None


def test_every_act_says_who_made_it(shipped):
    from graphkit.namespaces import GK, ID
    kinds = {str(a).rsplit("/", 1)[1]: k for a, k in shipped.graph.subject_objects(GK.actorKind)}
    assert kinds["seed-2020-06-un-experts-call-china"] == GK.byExperts
    assert kinds["seed-2020-ngo-open-letter-china"] == GK.byNGOs
    assert sum(k == GK.byStates for k in kinds.values()) == 18   # 13 acts, and the HRC47, HRC50 and HRC51 statements
