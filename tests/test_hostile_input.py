"""Hostile input in data files and on the command line: bounded work, an act's facts only in its file,
and lists and tables that cannot be emptied or bent by their encoding."""
from __future__ import annotations

import gzip
import os
import shutil

import pytest
from click.testing import CliRunner

from graphkit.cli import main
from graphkit.errors import DataError, GraphkitError, InputError, QueryError
from graphkit.graph.build import build
from graphkit.graph.loading import load_data
from graphkit.graph.states import StateResolver
from graphkit.limits import MAX_NAME
from graphkit.resources import QUERIES_DIR
from graphkit.sources.unga.readers import read_voeten
from graphkit.store.library import find_query, run_query
from unga_support import FIXTURE_DIR, fixture_identity
from world_support import WORLD_DIR, tiny_world_graph

VOETEN = FIXTURE_DIR / "voeten"
ACT_PREFIXES = """PREFIX act: <https://w3id.org/graphkit/id/act/>
PREFIX gk: <https://w3id.org/graphkit/ontology#>
PREFIX occasion: <https://w3id.org/graphkit/id/occasion/>
PREFIX state: <https://w3id.org/graphkit/id/state/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


# ------------------------------------------------------------------------------------------- bounded work


@pytest.mark.parametrize("length", [20_000, 120_000])
def test_over_long_state_names_are_refused_at_once_everywhere(length, world_copy):
    name = ("Syldavia " * (length // 9 + 1))[:length]
    resolver = StateResolver(tiny_world_graph())
    with pytest.raises(InputError, match=f"state name .* is {length:,} characters long — at most {MAX_NAME}"):
        resolver.resolve(name)
    out = invoke("state", name, "--data", WORLD_DIR)
    assert out.exit_code == 2 and f"{length:,} characters long" in out.output and len(out.output) < 600
    out = invoke("blocs", "--target", name, "--data", WORLD_DIR)
    assert out.exit_code == 2 and "--target" in out.output and len(out.output) < 600
    with pytest.raises(QueryError, match="characters long"):
        run_query("co-signers", {"state": name}, graph=tiny_world_graph())
    lists = world_copy / "lists" / "w-2021-vote.csv"
    lists.write_text(lists.read_text(encoding="utf-8") + f"{name},yes,voter\n", encoding="utf-8")
    with pytest.raises(GraphkitError, match="characters long|field larger") as err:
        load_data(world_copy)
    assert "w-2021-vote.csv" in str(err.value)


def test_names_up_to_the_limit_still_resolve_and_suggest():
    resolver = StateResolver(tiny_world_graph())
    assert resolver.resolve("  Borduria ") == "BBB"
    with pytest.raises(DataError, match="did you mean BBB"):
        resolver.resolve("Bordurai")
    with pytest.raises(DataError, match="unknown state"):
        resolver.resolve("x" * MAX_NAME)


def test_a_name_pattern_that_backtracks_is_stopped_and_named(world_copy):
    states = world_copy / "states.ttl"
    states.write_text(states.read_text(encoding="utf-8").replace(
        '    gk:iso3 "AAA" ;\n', '    gk:iso3 "AAA" ;\n    gk:nameRegex "(a|aa)+$" ;\n'), encoding="utf-8")
    graph = build(world_copy, check=False).graph
    resolver = StateResolver(graph)
    assert resolver.resolve("Borduria") == "BBB"  # names found before the patterns are not slowed
    with pytest.raises(DataError, match=r"gk:nameRegex of AAA .* ran over"):
        resolver.resolve("a" * 40 + "!")


def test_an_invalid_name_pattern_is_a_data_error(world_copy):
    states = world_copy / "states.ttl"
    states.write_text(states.read_text(encoding="utf-8").replace(
        '    gk:iso3 "AAA" ;\n', '    gk:iso3 "AAA" ;\n    gk:nameRegex "(unclosed" ;\n'), encoding="utf-8")
    out = invoke("check", "--data", world_copy)
    assert out.exit_code == 2 and "gk:nameRegex '(unclosed' of AAA is not a valid regular expression" in out.output


def test_query_names_and_parameters_have_limits_and_names_stay_in_the_library(tmp_path):
    with pytest.raises(InputError, match="query name .* is 20,000 characters long"):
        find_query("q" * 20_000)
    with pytest.raises(QueryError, match="no query named"):
        find_query("x" * 300)  # longer than a file name may be: not found, not an OSError
    with pytest.raises(QueryError, match="parameter \\?a: .* is 20,000 characters long"):
        run_query("shared-acts", {"a": "A" * 20_000, "b": "AAA"}, graph=tiny_world_graph())
    outside = tmp_path / "outside.rq"
    outside.write_text("# title: outside the library\nSELECT * { ?s ?p ?o } LIMIT 1\n")
    sneaky = os.path.relpath(outside.with_suffix(""), QUERIES_DIR)  # ../../…/outside
    assert (QUERIES_DIR / (sneaky + ".rq")).resolve() == outside.resolve()
    with pytest.raises(QueryError, match="no query named"):
        find_query(sneaky)  # as a library name it would leave queries/
    assert find_query(str(outside)).title == "outside the library"  # a path given as a path is the user's choice


# ------------------------------------------------------------------------------ an act's facts in its file


def test_a_second_file_cannot_add_facts_to_an_act(world_copy):
    extra = world_copy / "extra.ttl"
    extra.write_text(ACT_PREFIXES + "\nact:w-2021-vote gk:target state:AAA .\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_data(world_copy)
    text = str(err.value)
    assert text.startswith(f"{extra}:")  # reported against the file that added it
    assert "gk:target of act w-2021-vote, which is declared in acts/w-2021-vote.ttl" in text
    out = invoke("build", "--data", world_copy, "-o", world_copy.parent / "g.ttl", "--store", world_copy.parent / "s")
    assert out.exit_code == 2 and "extra.ttl" in out.output and not (world_copy.parent / "g.ttl").exists()


def test_a_second_date_from_another_file_is_reported_against_that_file(world_copy):
    later = world_copy / "acts" / "zz-later.ttl"
    later.write_text(ACT_PREFIXES + '\n\nact:w-2020-support\n    gk:date "2020-07-02"^^xsd:date .\n', encoding="utf-8")
    line = later.read_text().splitlines().index("act:w-2020-support") + 1
    out = invoke("check", "--data", world_copy)
    assert out.exit_code == 2
    assert f"{later}:{line}: this file states gk:date of act w-2020-support, which is declared in acts/w-2020-support.ttl" \
        in out.output


def test_occasions_may_link_acts_from_their_own_file(world_copy):
    occasions = (world_copy / "occasions.ttl").read_text(encoding="utf-8")
    assert "gk:occasion" in occasions  # the documented cross-file link, used by the world
    assert load_data(world_copy).files


def test_target_and_yes_implies_take_one_value_in_the_shapes(world_copy):
    vote = world_copy / "acts" / "w-2021-vote.ttl"
    vote.write_text(vote.read_text(encoding="utf-8").replace("gk:target state:SYL ;", "gk:target state:SYL , state:AAA ;"),
                    encoding="utf-8")
    out = invoke("check", "--data", world_copy, "--format", "csv")
    assert out.exit_code == 1
    assert "acts/w-2021-vote.ttl,act:w-2021-vote,gk:target" in out.output


# ------------------------------------------------------------------------------------------ lists and tables


def test_a_list_with_a_byte_order_mark_reads_like_one_without(world_copy):
    plain = load_data(world_copy).dataset
    path = world_copy / "lists" / "w-2021-vote.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    with_bom = load_data(world_copy).dataset
    assert len(with_bom) == len(plain)


def test_a_header_only_list_is_an_error_not_an_empty_list(world_copy):
    path = world_copy / "lists" / "w-2022-support.csv"
    path.write_text("state,position,role\n", encoding="utf-8")
    out = invoke("check", "--data", world_copy)
    assert out.exit_code == 2 and "w-2022-support.csv:2: the list has a header but no row" in out.output
    path.write_text("", encoding="utf-8")
    out = invoke("check", "--data", world_copy)
    assert out.exit_code == 2 and "w-2022-support.csv:1: the file is empty" in out.output


def test_vote_tables_accept_a_byte_order_mark_and_refuse_unknown_issue_codes(tmp_path):
    for name in ("votes.csv", "roll_calls.csv", "issues.csv"):
        (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + (VOETEN / name).read_bytes())
    table = read_voeten(tmp_path / "votes.csv", tmp_path / "roll_calls.csv", tmp_path / "issues.csv",
                        identity=fixture_identity())
    plain = read_voeten(VOETEN / "votes.csv", VOETEN / "roll_calls.csv", VOETEN / "issues.csv", identity=fixture_identity())
    assert len(table.votes) == len(plain.votes) and table.roll_calls["issues"].tolist() == plain.roll_calls["issues"].tolist()
    issues = tmp_path / "issues.csv"
    issues.write_text((VOETEN / "issues.csv").read_text() + "101,zz,Zoning\n")
    with pytest.raises(DataError, match=r"issues.csv:6: unknown issue code 'zz' — valid: me \(Palestinian conflict\)"):
        read_voeten(tmp_path / "votes.csv", tmp_path / "roll_calls.csv", issues, identity=fixture_identity())


@pytest.mark.parametrize("damage", ["garbled", "truncated", "empty"])
def test_damaged_or_empty_vote_files_are_messages(tmp_path, damage):
    votes = tmp_path / "votes.csv.gz"
    packed = gzip.compress((VOETEN / "votes.csv").read_bytes())
    votes.write_bytes({"garbled": packed[:10] + b"\x00garbage-garbage" * 4, "truncated": packed[: len(packed) // 2],
                       "empty": b""}[damage])
    out = invoke("import", "unga", votes, VOETEN / "roll_calls.csv", "--store", tmp_path / "s", "--quiet")
    assert out.exit_code == 2
    assert ("the file is empty" if damage == "empty" else "damaged gzip file") in out.output
    assert not (tmp_path / "s").exists() or not any((tmp_path / "s").iterdir())


def test_update_on_the_embedded_store_opens_it_for_writing(tmp_path):
    shutil.copytree(WORLD_DIR, tmp_path / "w")
    store = tmp_path / "s"
    assert invoke("build", "--data", tmp_path / "w", "-o", tmp_path / "g.ttl", "--store", store).exit_code == 0
    add = tmp_path / "add.rq"
    add.write_text('# title: add a note\nINSERT DATA { GRAPH <urn:notes> { <urn:a> <urn:says> "noted" } }\n')
    read = tmp_path / "read.rq"
    read.write_text("# title: read the note\nSELECT ?o { <urn:a> <urn:says> ?o }\n")
    refused = invoke("query", add, "--data", tmp_path / "w", "--store", store)
    assert refused.exit_code == 2 and "--allow-update" in refused.output
    done = invoke("query", add, "--data", tmp_path / "w", "--store", store, "--allow-update")
    assert done.exit_code == 0 and "update done" in done.output
    assert [r["o"] for r in run_query(read, store=store, dataset="all")] == ["noted"]
    assert run_query(read, store=store) == []     # a query without '# dataset:' reads the curated graphs only
