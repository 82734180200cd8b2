"""Shapes of reporting that the extractor reads (issue 15, round 3), each on a short text of our own.

Each test states what a careful reader takes from one sentence or two: the act, and the fields that shape is
about. The texts are written for these tests; the scored evaluation is on the hand-written sets
(``tests/extract_texts``).
"""
from __future__ import annotations

import datetime as dt

import pytest

from graphkit.extract import extract_text


def acts(text: str, published: dt.date) -> list[dict]:
    return [a.to_dict() for a in extract_text(text, published).acts]


def only(text: str, published: dt.date) -> dict:
    found = acts(text, published)
    assert len(found) == 1, found
    return found[0]


def test_a_release_may_open_on_the_letter_it_reports():
    a = only("Cette lettre ouverte a été adressée au Secrétaire général de l'ONU par des ONG qui dénoncent la "
             "répression en Chine.", dt.date(2020, 9, 10))
    assert a["kind"] == "open_letter" and a["target"] == "CHN"


def test_a_statement_named_again_is_not_a_new_act():
    found = acts("Q: On Tuesday the Netherlands read out a joint statement on behalf of 47 countries on Xinjiang.\n"
                 "A: We have noted this so-called joint statement. China firmly rejects it.", dt.date(2022, 6, 15))
    assert [a["kind"] for a in found] == ["joint_statement", "statement"]
    assert found[0]["lead"] == "NLD" and found[0]["count"] == 47 and found[0]["date"] == "2022-06-14"
    assert found[1]["stance"] == "reject" and found[1]["target"] == "CHN"


@pytest.mark.parametrize("text, tally", [
    ("The resolution passed 93-24 with 58 abstentions on Thursday.", {"yes": 93, "no": 24, "abstain": 58}),
    ("The Assembly's human rights committee on Tuesday condemned Syria, passing a resolution 106-15 with 57 abstentions.",
     {"yes": 106, "no": 15, "abstain": 57}),
    ("Le Conseil des droits de l'homme a rejeté jeudi, à 19 voix contre 17, une motion sur le Xinjiang.",
     {"yes": 17, "no": 19, "abstain": None}),
    ("The Assembly adopted the text on Wednesday, with 141 countries voting in favour and 35 abstaining. Only four "
     "states, Belarus, Syria, North Korea and Eritrea, joined Russia in voting no.", {"yes": 141, "no": 5, "abstain": 35}),
    ("Le texte a été approuvé mardi par l'Assemblée générale par 134 États. Neuf ont voté contre, parmi lesquels la "
     "Chine et la Russie, tandis que 28 se sont abstenus.", {"yes": 134, "no": 9, "abstain": 28}),
])
def test_tallies_written_in_many_ways(text, tally):
    assert only(text, dt.date(2022, 3, 3))["tally"] == tally


def test_a_veto_is_read_from_its_noun_and_cast_by_the_states_after_it():
    a = only("Et dès janvier 2007, un texte consacré à la Birmanie avait subi le même sort, victime d'un veto "
             "conjoint russe et chinois.", dt.date(2019, 3, 1))
    assert (a["kind"], a["forum"], a["date"], a["target"]) == ("vote", "Security Council", "2007-01", "MMR")
    assert sorted(a["positions"]["no"]) == ["CHN", "RUS"]


def test_states_abstaining_after_with_are_not_the_vetoing_state():
    a = only("Russia vetoed the draft, which received 11 votes in favour, with China, India and the United Arab "
             "Emirates abstaining.", dt.date(2022, 2, 26))
    assert a["positions"]["no"] == ["RUS"] and sorted(a["positions"]["abstain"]) == ["ARE", "CHN", "IND"]
    assert a["tally"] == {"yes": 11, "no": 1, "abstain": 3}


def test_the_same_result_as_an_earlier_vote_recalls_that_vote():
    found = acts("Le Conseil des droits de l'homme a adopté mardi une résolution sur l'Érythrée par 21 voix contre 13, "
                 "avec 13 abstentions, exactement le même résultat qu'en juillet 2019.", dt.date(2021, 7, 14))
    assert [(a["date"], a["tally"]["yes"]) for a in found] == [("2021-07-13", 21), ("2019-07", 21)]


def test_a_state_rejecting_talk_of_its_own_internal_affairs():
    a = only("Beijing's foreign ministry on Friday slammed the joint letter as interference in China's internal "
             "affairs.", dt.date(2019, 7, 13))
    assert (a["kind"], a["stance"], a["target"], a["lead"]) == ("statement", "reject", "CHN", "CHN")


def test_a_minister_in_his_own_ministry_release_speaks_for_his_state():
    text = ("Ministry of Foreign Affairs of Sri Lanka\nMedia Release\n\nColombo, 24 March 2021\n\n"
            "The Minister today rejected the resolution adopted by the Human Rights Council yesterday as an "
            "unwarranted intrusion.\n\nThe resolution was carried with 22 votes in favour, 11 against and 14 "
            "abstentions.")
    statement, vote = acts(text, dt.date(2021, 3, 24))
    assert (statement["kind"], statement["lead"], statement["stance"], statement["forum"]) == \
        ("statement", "LKA", "reject", None)
    assert (vote["kind"], vote["date"], vote["forum"], vote["tally"]["yes"]) == \
        ("vote", "2021-03-23", "Human Rights Council", 22)


def test_a_rough_figure_is_no_count():
    a = only("Une quarantaine de pays ont signé mardi une lettre dénonçant la répression au Xinjiang.",
             dt.date(2019, 7, 12))
    assert a["kind"] == "joint_letter" and a["count"] is None


def test_months_counted_from_the_act_before():
    found = acts("En septembre dernier, le Conseil des droits de l'homme avait adopté une résolution sur le Bélarus par "
                 "23 voix contre 2, avec 22 abstentions. Deux mois plus tôt, 22 États avaient approuvé un autre texte "
                 "sur le Bélarus, 5 s'y étant opposés et 20 s'étant abstenus.", dt.date(2021, 3, 24))
    assert [(a["date"], a["tally"]["yes"]) for a in found] == [("2020-09", 23), ("2020-07", 22)]


def test_an_explanation_of_vote_belongs_to_the_vote():
    found = acts("The Security Council today failed to adopt a draft resolution on Venezuela, after Russia and China "
                 "voted against it.\nExplaining his delegation's vote, the representative of China said the text "
                 "interfered in Venezuela's internal affairs.", dt.date(2019, 2, 28))
    assert len(found) == 1 and len(found[0]["evidence"]) == 2 and sorted(found[0]["positions"]["no"]) == ["CHN", "RUS"]


def test_a_vote_on_a_subject_named_in_its_subject_phrase():
    a = only("Le blocage n'est pas propre au dossier syrien : le 15 mars, la Russie avait opposé seule son veto à un "
             "projet de résolution sur l'Ukraine.", dt.date(2014, 5, 23))
    assert (a["topics"], a["target"], a["positions"]["no"]) == (["ukraine"], "RUS", ["RUS"])


@pytest.mark.parametrize("text", [
    "Des experts de l'ONU ont appelé la Chine à libérer les détenus.",
    "Some UN experts called on China to free the detainees.",
    "Plusieurs rapporteurs spéciaux ont exhorté la Chine à agir.",
])
def test_experts_without_a_number_call_with_no_count(text):
    a = only(text, dt.date(2020, 6, 27))
    assert (a["kind"], a["count"], a["target"]) == ("call", None, "CHN")


def test_a_spokesperson_speaking_of_a_letter_rejects_it_and_the_letter_is_an_act():
    statement, letter = acts("Beijing, 13 July 2019\n\nChina's Foreign Ministry spokesperson said on Friday that the "
                             "letter signed by 22 countries was a flagrant interference in China's internal affairs.",
                             dt.date(2019, 7, 13))
    assert (statement["kind"], statement["stance"], statement["target"], statement["date"]) == \
        ("statement", "reject", "CHN", "2019-07-12")
    assert (letter["kind"], letter["count"], letter["stance"], letter["target"], letter["date"]) == \
        ("joint_letter", 22, "criticise", "CHN", None)


def test_the_letter_already_reported_is_not_reported_twice():
    found = acts("On Monday, 22 countries signed a letter to the Human Rights Council urging China to end mass "
                 "detentions in Xinjiang. China's Foreign Ministry spokesperson said on Wednesday that the letter signed "
                 "by 22 countries was interference in China's internal affairs.", dt.date(2019, 7, 11))
    assert [(a["kind"], a["date"]) for a in found] == [("joint_letter", "2019-07-08"), ("statement", "2019-07-10")]


def test_a_state_denouncing_the_text_on_itself_rejects_it():
    found = acts("L'Assemblée générale des Nations unies a adopté vendredi une résolution sur les Rohingyas au Myanmar, "
                 "par 134 voix pour, 9 contre et 28 abstentions. Le représentant birman a dénoncé un texte partial.",
                 dt.date(2019, 12, 28))
    assert (found[1]["kind"], found[1]["stance"], found[1]["target"]) == ("statement", "reject", "MMR")
