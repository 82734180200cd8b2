"""graphkit extract: the gazetteer, counts, dates, acts on hand-written texts, JSON schema, RDF, accept, CLI.

The texts in tests/extract_texts/ are invented fixtures with hand-written answers
(see its README). ``fr_seed_paraphrase.txt`` is a paraphrase, in our own words,
of the constructions of the seed article; the facts checked on it are kept here.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from extract_scoring import TEXTS, cases, check_answer_file, expected, score, score_fields, set_cases, totals
from graphkit.graph.build import build
from graphkit.cli import main
from graphkit.extract import accept, extract_file, extract_text, extraction_graph, validate_json
from graphkit.extract.counts import find_groups, find_tallies
from graphkit.extract.dates import find_dates
from graphkit.extract.gazetteer import default_gazetteer, fold
from graphkit.graph.loading import DEFAULT_DATA
from graphkit.namespaces import DCTERMS, GK, ID, PROV, position_iri, state_iri

PUBLISHED = dt.date(2020, 9, 10)   # a Thursday


@pytest.fixture(scope="module")
def scores():
    return {p.name: score(p, extract_file) for p in cases(None)}


# -- gazetteer, counts, dates ---------------------------------------------------------------

@pytest.mark.parametrize("text, codes", [
    ("le Royaume-Uni, la France et l'Allemagne", ["GBR", "FRA", "DEU"]),
    ("the United Arab Emirates and the Netherlands", ["ARE", "NLD"]),
    ("le porte-parole chinois et le gouvernement britannique", ["CHN", "GBR"]),
    ("Chinese and British diplomats", ["CHN", "GBR"]),
    ("Pékin, Beijing, Washington, Londres, Moscou", ["CHN", "CHN", "USA", "GBR", "RUS"]),
    ("les Etats-Unis et la Côte d'Ivoire", ["USA", "CIV"]),
    ("Papua New Guinea, Guinea and Niger, not Nigeria", ["PNG", "GIN", "NER", "NGA"]),
])
def test_gazetteer_finds_states_in_both_languages(text, codes):
    assert [m.iso3 for m in default_gazetteer().find(text)] == codes


@pytest.mark.parametrize("text", [
    "the Washington Post said", "turkey and chad in lower case", "l'accord de Paris", "Etats membres de l'ONU",
    "a french fry", "46 Etats ont appuyé",
])
def test_gazetteer_ignores_what_is_not_a_state(text):
    assert default_gazetteer().find(text) == []


@pytest.mark.parametrize("text, count, qualifier, others", [
    ("le Royaume-Uni et 27 autres pays", 27, "exactly", True),
    ("Forty-three countries", 43, "exactly", False),
    ("46 Etats", 46, "exactly", False),
    ("plus de 60 pays", 60, "more_than", False),
    ("at least twelve states", 12, "at_least", False),
    ("quarante-six États", 46, "exactly", False),
    ("Sixteen European governments", 16, "exactly", False),
])
def test_groups_with_counts(text, count, qualifier, others):
    (group,) = find_groups(fold(text))
    assert (group.count, group.qualifier, group.others) == (count, qualifier, others)


@pytest.mark.parametrize("text, tally", [
    ("adopted by 19 votes to 17, with 11 abstentions", (19, 17, 11)),
    ("par 105 voix pour, 15 contre et 52 abstentions", (105, 15, 52)),
    ("par 26 voix contre 7, avec 14 abstentions", (26, 7, 14)),
    ("with 12 votes in favour, 2 against and 1 abstention", (12, 2, 1)),
    ("by a recorded vote of 122 in favour to 2 against, with no abstentions", (122, 2, 0)),
    ("with 13 abstentions, 7 against and 27 in favour", (27, 7, 13)),
    ("par 92 voix pour et 14 voix contre, 64 délégations s'étant abstenues", (92, 14, 64)),
    ("Twelve delegations voted against and 30 abstained, while 101 voted in favour", (101, 12, 30)),
])
def test_tallies(text, tally):
    (t,) = find_tallies(fold(text))
    assert (t.yes, t.no, t.abstain) == tally


@pytest.mark.parametrize("text, iso, precision", [
    ("le 1er juillet dernier", "2020-07-01", "day"),
    ("mercredi", "2020-09-09", "day"),
    ("on Thursday", "2020-09-10", "day"),
    ("in July 2019", "2019-07", "month"),
    ("en juillet dernier", "2020-07", "month"),
    ("le 12 décembre", "2019-12-12", "day"),     # later in the year than publication: last year
    ("on 21 December 2016", "2016-12-21", "day"),
    ("July 1, 2020", "2020-07-01", "day"),
    ("en 2016", "2016", "year"),
    ("hier", "2020-09-09", "day"),
    ("l'année dernière", "2019", "year"),
    ("le mois dernier", "2020-08", "month"),
    ("earlier this month", "2020-09", "month"),
    ("vendredi dernier", "2020-09-04", "day"),
    ("last Thursday", "2020-09-03", "day"),     # written on a Thursday: the week before
])
def test_dates_resolve_against_publication(text, iso, precision):
    (d,) = find_dates(fold(text), PUBLISHED)
    assert (d.iso(), d.precision) == (iso, precision)


@pytest.mark.parametrize("text, offset", [
    ("deux jours plus tôt", -2), ("two days earlier", -2), ("la veille", -1), ("the next day", 1),
    ("trois jours plus tard", 3), ("a week earlier", -7), ("earlier in the meeting", 0),
])
def test_dates_relative_to_another_act(text, offset):
    (d,) = find_dates(fold(text), PUBLISHED)
    assert d.value is None and d.anchor_offset == offset


# -- acts on the hand-written texts ------------------------------------------------------------

def test_there_are_at_least_ten_texts_in_both_languages():
    langs = [expected(p)["lang"] for p in cases()]
    assert len(langs) >= 10 and {"fr", "en"} <= set(langs)
    heldout = [expected(p)["lang"] for p in cases(True)]
    assert len(heldout) >= 8 and {"fr", "en"} <= set(heldout)


def test_recall_over_all_texts(scores):
    found = sum(s["found"] for s in scores.values())
    total = sum(s["expected"] for s in scores.values())
    missing = {name: [w for w, hit in s["pairs"] if hit is None] for name, s in scores.items() if s["found"] < s["expected"]}
    assert found / total >= 0.9, f"recall {found}/{total}; missing: {missing}"


def test_secondary_fields_mostly_right(scores):
    ok = sum(s["secondary_ok"] for s in scores.values())
    total = sum(s["secondary_all"] for s in scores.values())
    assert ok / total >= 0.85, f"kind/lead/date/forum/members right for {ok}/{total}"


def test_recall_over_the_heldout_texts(scores):
    """The held-out texts alone (written before the extractor was run on them; see extract_texts/README.md)."""
    held = [s for name, s in scores.items() if name.startswith("heldout_")]
    found, total = sum(s["found"] for s in held), sum(s["expected"] for s in held)
    assert found / total >= 0.9, f"held-out recall {found}/{total}"


@pytest.mark.parametrize("path", cases(None), ids=lambda p: p.stem)
def test_never_reports_a_state_the_text_does_not_name(path, scores):
    assert scores[path.name]["unnamed"] == set()


@pytest.mark.parametrize("path", [p for p in cases(None) if expected(p).get("bystanders")], ids=lambda p: p.stem)
def test_states_named_in_passing_take_no_part(path, scores):
    assert scores[path.name]["bystanders"] == set()


@pytest.mark.parametrize("path", cases(None), ids=lambda p: p.stem)
def test_output_follows_schema_and_evidence_offsets_point_into_the_text(path, scores):
    doc = scores[path.name]["doc"]
    validate_json(doc)
    text = path.read_text(encoding="utf-8")
    for act in doc["acts"]:
        for ev in act["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]


def _by(doc, **fields):
    hits = [a for a in doc["acts"] if all(a[k] == v for k, v in fields.items())]
    assert len(hits) == 1, (fields, doc["acts"])
    return hits[0]


def test_seed_constructions():
    """The seed's five facts, on our paraphrase (the real seed is run by bench/bench_extract.py)."""
    path = TEXTS / "fr_seed_paraphrase.txt"
    doc = extract_file(path, PUBLISHED, "auto").to_dict()
    assert doc["lang"] == "fr"
    support = _by(doc, count=46)
    assert (support["stance"], support["target"], support["forum"], support["date"], support["topics"]) == \
        ("support", "CHN", "Human Rights Council", "2020-07-01", ["xinjiang"])
    assert "46 Etats ont ainsi appuyé" in support["evidence"][0]["text"]
    critics = _by(doc, count=28)
    assert (critics["stance"], critics["target"], critics["lead"], critics["date"]) == ("criticise", "CHN", "GBR", "2020-06-29")
    assert {"GBR", "FRA", "DEU", "JPN"} == set(critics["members"])
    assert "27 autres pays" in critics["evidence"][0]["text"]
    letter = _by(doc, kind="open_letter")
    assert (letter["target"], letter["stance"], letter["members"]) == ("CHN", "criticise", [])
    assert letter["evidence"][0]["text"].startswith("Cette lettre ouverte")
    rejection = _by(doc, kind="statement")
    assert (rejection["stance"], rejection["target"], rejection["date"]) == ("reject", "CHN", "2020-09-09")
    assert "sans fondement" in rejection["evidence"][0]["text"]
    mechanism = _by(doc, kind="mechanism")
    assert (mechanism["forum"], mechanism["date"], mechanism["target"]) == ("General Assembly", "2016", "SYR")
    assert "RUS" not in mechanism["members"]


def test_vote_with_the_others_named_and_the_subject_in_the_sentence_before():
    text = ("The Security Council failed to adopt a draft resolution on Syria today. "
            "The draft received 13 votes in favour, with Russia voting against and China abstaining.")
    (vote,) = extract_text(text, PUBLISHED, "en").to_dict()["acts"]
    assert (vote["target"], vote["tally"], vote["positions"], vote["date"], vote["forum"]) == \
        ("SYR", {"yes": 13, "no": 1, "abstain": 1}, {"yes": [], "no": ["RUS"], "abstain": ["CHN"]}, "2020-09-10",
         "Security Council")


def test_target_of_an_earlier_act_answering_it_rejects():
    text = ("Twenty countries condemned the arrests of journalists in Belarus on Monday. "
            "Minsk said the statement amounted to meddling.")
    acts = extract_text(text, PUBLISHED, "en").to_dict()["acts"]
    assert [(a["kind"], a["stance"], a["target"], a["members"]) for a in acts] == \
        [("joint_statement", "criticise", "BLR", []), ("statement", "reject", "BLR", ["BLR"])]


def test_text_without_acts_gives_an_empty_list():
    doc = extract_text("Il a fait beau à Genève ce mardi. La France a gagné au football.", PUBLISHED, "fr").to_dict()
    assert doc["acts"] == []


# -- the failure classes of issue 15, each on a sentence of our own ----------------------------------

def _acts(text, lang="en", published=dt.date(2022, 3, 3)):     # a Thursday
    return extract_text(text, published, lang).to_dict()["acts"]


@pytest.mark.parametrize("text, lang, tally", [
    ("The Human Rights Council rejected the draft decision by 19 votes to 17, with 11 abstentions.", "en", (17, 19, 11)),
    ("Le Conseil a rejeté le projet par 19 voix contre 17, avec 11 abstentions.", "fr", (17, 19, 11)),
    ("The General Assembly adopted the resolution by 105 to 15, with 52 abstentions.", "en", (105, 15, 52)),
    ("Russia vetoed the draft on Syria; the vote was 13-2.", "en", (13, 2, None)),
])
def test_tallies_are_read_by_meaning(text, lang, tally):
    (vote,) = _acts(text, lang)
    assert (vote["tally"]["yes"], vote["tally"]["no"], vote["tally"]["abstain"]) == tally


def test_sponsors_are_not_the_target_and_a_resolution_on_a_state_names_it():
    (vote,) = _acts("Russia and China vetoed a draft resolution on Syria put forward by France, Germany and Portugal.")
    assert (vote["target"], vote["lead"], vote["forum"]) == ("SYR", None, "Security Council")
    assert vote["positions"]["no"] == ["RUS", "CHN"]
    (vote,) = _acts("The Council adopted an Iceland-led resolution on the Philippines by 18 votes to 14.")
    assert (vote["target"], vote["lead"]) == ("PHL", "ISL")


@pytest.mark.parametrize("text, lang", [
    ("Pakistan, on behalf of 60 countries, rejected interference in China's internal affairs.", "en"),
    ("Au nom de 45 pays, Cuba a salué les mesures prises par Pékin au Xinjiang.", "fr"),
])
def test_a_counter_statement_supports_the_state_it_defends(text, lang):
    (act,) = _acts(text, lang)
    assert (act["kind"], act["stance"], act["target"]) == ("joint_statement", "support", "CHN")


def test_a_state_answering_for_itself_rejects_and_one_defending_another_supports():
    acts = _acts("The Security Council voted on a draft on Myanmar on Friday; China and Russia vetoed it. "
                 "Myanmar's ambassador rejected the text. China's ambassador said the matter was Myanmar's internal affair.")
    replies = [(a["lead"], a["stance"], a["target"], a["date"]) for a in acts if a["kind"] == "statement"]
    assert replies == [("MMR", "reject", "MMR", "2022-02-25"), ("CHN", "support", "MMR", "2022-02-25")]


@pytest.mark.parametrize("text, lang, date", [
    ("Le Conseil des droits de l'homme a adopté mardi une résolution sur le Bélarus par 23 voix contre 2.", "fr", "2022-03-01"),
    ("On Thursday the General Assembly adopted a resolution on Myanmar by 134 votes to 9.", "en", "2022-03-03"),
    ("GENEVA, March 3 — The Human Rights Council yesterday adopted a resolution on Eritrea by 21 votes to 13.", "en", "2022-03-02"),
])
def test_dates_relative_to_publication_and_not_the_dateline(text, lang, date):
    (vote,) = _acts(text, lang)
    assert vote["date"] == date


def test_forum_named_in_another_sentence_and_topic_always_filled():
    acts = _acts("The Human Rights Council met in Geneva on Tuesday. Canada, on behalf of 44 countries, "
                 "urged China to give access to Xinjiang.")
    (act,) = acts
    assert (act["forum"], act["date"], act["topics"], act["lead"], act["count"]) == \
        ("Human Rights Council", "2022-03-01", ["xinjiang"], "CAN", 44)
    (vote,) = _acts("The Assembly adopted a resolution on Belarus by 23 votes to 2.")
    assert vote["topics"] == ["belarus"]


def test_a_date_relative_to_no_earlier_act_counts_from_publication():
    (act,) = _acts("La veille, quarante pays ont dénoncé la répression au Bélarus devant le Conseil des droits de l'homme.", "fr")
    assert (act["date"], act["count"], act["target"], act["topics"]) == ("2022-03-02", 40, "BLR", ["belarus"])


def test_an_act_on_a_subject_the_scheme_lacks_gets_its_top_concept():
    (act,) = _acts("Twenty countries criticised Nicaragua at the Human Rights Council.")
    assert (act["target"], act["topics"]) == ("NIC", ["human-rights"])


def test_several_acts_in_one_sentence():
    acts = _acts("At the Third Committee on Tuesday, Germany, on behalf of 39 countries, criticised China over Xinjiang, "
                 "and Cuba, on behalf of 45 States, praised Beijing.")
    assert [(a["lead"], a["count"], a["stance"], a["target"]) for a in acts] == \
        [("DEU", 39, "criticise", "CHN"), ("CUB", 45, "support", "CHN")]


def test_a_mechanism_created_to_get_around_the_veto_belongs_to_the_assembly():
    (act,) = _acts("In 2016, to get around the veto in the Security Council, the General Assembly created a mechanism "
                   "to investigate crimes committed in Syria.")
    assert (act["kind"], act["forum"], act["date"], act["target"]) == ("mechanism", "General Assembly", "2016", "SYR")


@pytest.mark.parametrize("text, lang, count", [
    ("Quarante-six États ont appuyé la Chine au Conseil des droits de l'homme.", "fr", 46),
    ("Forty-three countries criticised China at the Human Rights Council.", "en", 43),
    ("Cent trente-quatre États ont voté pour, neuf contre et vingt-huit se sont abstenus.", "fr", None),
])
def test_spelled_out_numbers_count_like_digits(text, lang, count):
    (act,) = _acts(text, lang)
    if count is None:
        assert act["tally"] == {"yes": 134, "no": 9, "abstain": 28}
    else:
        assert act["count"] == count


# -- the development and frozen test sets of issue 15 ----------------------------------------------

def _topic_slugs() -> set[str]:
    g = Graph().parse(DEFAULT_DATA / "topics.ttl")
    return {str(s).rsplit("/", 1)[-1] for s in g.subjects(None, GK.Topic)}


@pytest.mark.parametrize("name", ["dev", "test", "test2", "test3", "test4"])
def test_every_set_has_at_least_thirty_texts_in_both_languages(name):
    langs = [expected(p)["lang"] for p in set_cases(name)]
    assert len(langs) >= 30 and {"fr", "en"} <= set(langs)


@pytest.mark.parametrize("path", set_cases("dev") + set_cases("test") + set_cases("test2") + set_cases("test3") + set_cases("test4"), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_answer_files_are_well_formed(path):
    """Anchors found once, states among those named, topics of data/topics.ttl (the extractor is not run)."""
    assert check_answer_file(path, _topic_slugs()) == []


def test_development_set_meets_the_bar_of_issue_15():
    """On the development set: acts found ≥ 90 %, fields right ≥ 90 % of those acts, no state the text does not name.

    The frozen test set is not run here: it is scored once per release by ``bench/score_extract.py --set test``.
    """
    t = totals([score_fields(p, extract_file) for p in set_cases("dev")])
    assert t["found"] / t["expected"] >= 0.9, t
    assert t["fields_right"] / t["fields_all"] >= 0.9, t["fields"]
    assert t["states_named"] == t["states_reported"] and t["bystanders"] == 0


# -- RDF and accept ----------------------------------------------------------------------------

def test_extraction_graph_is_a_named_graph_marked_extracted():
    x = extract_file(TEXTS / "en_news_tibet.txt", dt.date(2023, 3, 10), "en")
    ds = extraction_graph(x)
    (graph_iri,) = ds.subjects(predicate=None, object=GK.ExtractedGraph)
    confidences = [o for _, _, o, g in ds.quads((None, GK.confidence, None, None)) if g == graph_iri]
    assert len(confidences) == len(x.acts) == 4


def test_accepted_acts_conform_with_the_shipped_data(tmp_path):
    """Accepted facts join a copy of data/ and the whole still passes the SHACL shapes."""
    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA, data)
    for name, published in (("fr_seed_paraphrase", "2020-09-10"), ("en_unpress_hrc_vote", "2022-10-06"),
                            ("fr_unpress_ag_vote_syrie", "2016-12-22")):
        doc = extract_file(TEXTS / f"{name}.txt", dt.date.fromisoformat(published), "auto").to_dict()
        accept(doc, ["all"]).serialize(data / "acts" / f"accepted-{name}.ttl", format="longturtle")
    result = build(data)
    assert result.report.conforms, [v.as_dict() for v in result.report.violations][:3]
    g = result.graph
    support = ID["act/un-hrc-2020-07-01-xinjiang-support"]
    assert (support, GK.target, state_iri("CHN")) in g
    assert {int(g.value(c, GK["count"])) for c in g.objects(support, GK.reportedCount)} == {46}
    vote = ID["act/un-hrc-2022-10-06-xinjiang-vote"]
    france = position_iri("un-hrc-2022-10-06-xinjiang-vote", "FRA")
    assert (france, GK.act, vote) in g and (france, GK.stance, GK.yes) in g
    evidence = g.value(support, GK.evidence)
    assert "46 Etats" in str(g.value(evidence, GK.excerpt))
    assert str(g.value(g.value(evidence, PROV.wasDerivedFrom), DCTERMS.identifier)).endswith("fr_seed_paraphrase.txt")


# -- CLI ---------------------------------------------------------------------------------------

def test_cli_help():
    for command in ("extract", "accept"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and "Example: graphkit " + command in result.output


def test_cli_extract_json_and_accept(tmp_path):
    runner = CliRunner()
    out = tmp_path / "acts.json"
    result = runner.invoke(main, ["extract", str(TEXTS / "fr_news_hong_kong.txt"), "--published", "2020-07-02", "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    validate_json(doc)
    assert [a["stance"] for a in doc["acts"]] == ["criticise", "support", "reject"]
    ttl = tmp_path / "accepted.ttl"
    result = runner.invoke(main, ["accept", str(out), "a1", "a3", "-o", str(ttl)])
    assert result.exit_code == 0, result.output
    g = Graph().parse(ttl)
    excerpts = {str(o) for o in g.objects(None, GK.excerpt)}
    assert any("au nom de 27 pays" in e for e in excerpts) and any("Pékin a rejeté" in e for e in excerpts)
    assert len(set(g.subjects(GK.evidence, None)) & set(g.subjects(None, GK.JointStatement))) == 1


@pytest.mark.parametrize("fmt, parser", [("turtle", Graph), ("trig", Dataset)])
def test_cli_extract_rdf(tmp_path, fmt, parser):
    result = CliRunner().invoke(main, ["extract", str(TEXTS / "en_unpress_sc_syria.txt"), "--published", "2017-02-28",
                                       "--format", fmt])
    assert result.exit_code == 0, result.output
    g = parser().parse(data=result.output, format=fmt)
    assert any(True for _ in g.triples((None, GK.confidence, None))) if fmt == "turtle" else \
        any(True for _ in g.quads((None, GK.confidence, None, None)))


@pytest.mark.parametrize("content, message", [
    (b"", "empty"), (b"  \n\n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
    ("Déclaration de la Chine".encode("latin-1"), "not UTF-8"),
])
def test_cli_extract_bad_input(tmp_path, content, message):
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2020-09-10"])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_cli_extract_no_act_exits_zero(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("The weather in Geneva was fine on Tuesday.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2020-09-10"])
    assert result.exit_code == 0 and json.loads(result.output)["acts"] == []


def test_cli_extract_refuses_to_write_into_data():
    result = CliRunner().invoke(main, ["extract", str(TEXTS / "en_news_tibet.txt"), "--published", "2023-03-10",
                                       "-o", str(DEFAULT_DATA / "acts" / "x.json")])
    assert result.exit_code == 2 and "never written into data/" in result.output
    assert not (DEFAULT_DATA / "acts" / "x.json").exists()


def test_cli_usage_errors(tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["extract", str(TEXTS / "en_news_tibet.txt")])
    assert result.exit_code == 2 and "--published" in result.output
    result = runner.invoke(main, ["extract", str(TEXTS / "en_news_tibet.txt"), "--published", "10/03/2023"])
    assert result.exit_code == 2 and "not a date" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(main, ["accept", str(bad), "a1", "-o", str(tmp_path / "o.ttl")])
    assert result.exit_code == 2 and "not JSON" in result.output
    good = tmp_path / "good.json"
    good.write_text(extract_file(TEXTS / "en_news_tibet.txt", dt.date(2023, 3, 10)).to_json(), encoding="utf-8")
    result = runner.invoke(main, ["accept", str(good), "a9", "-o", str(tmp_path / "o.ttl")])
    assert result.exit_code == 2 and "valid ids: a1, a2, a3, a4" in result.output
    assert not (tmp_path / "o.ttl").exists()
