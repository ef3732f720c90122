"""«Ledere med minoritetsbakgrunn i % av alle ledere» on a unit's page: a share of
the leader rows of the position groups, hidden where it would name 1–4 people and
shown otherwise, whatever other position groups' counts are hidden."""

import pytest
from django.core.exceptions import ValidationError

from circulars.models import Question
from reporting.exports.statistics import TopicData, TopicStatistics

K = Question.Kind
POSITIONS = Question(
    key="stillingsgrupper",
    label="Stillingsgrupper",
    kind=K.TABLE,
    counts_people=True,
    rows=[{"key": k, "label": k} for k in ("fagarbeider", "mellomleder", "direktor")],
    columns=[
        {"key": "kvinner", "label": "Kvinner", "kind": K.INTEGER},
        {"key": "menn", "label": "Menn", "kind": K.INTEGER},
    ],
)
SHARE = Question(
    key="ledere-minoritet",
    label="Ledere med minoritetsbakgrunn i % av alle ledere",
    kind=K.PERCENT,
    people_group="stillingsgrupper",
    people_rows=["mellomleder", "direktor"],
)
# 40 leaders, two of the counts 1–4 («<5» on the page), and 3 + 50 skilled workers.
FORTY = {
    "fagarbeider": {"kvinner": 3, "menn": 50},
    "mellomleder": {"kvinner": 20, "menn": 16},
    "direktor": {"kvinner": 2, "menn": 2},
}


def marks(positions: dict, share) -> tuple[str, str]:
    """The share's mark on the unit's page, and the mark of its director women."""
    data = TopicData(
        2026,
        [POSITIONS, SHARE],
        {7: {"stillingsgrupper": positions, "ledere-minoritet": share}},
    )
    statistics = TopicStatistics(data, with_totals=False)
    return (
        statistics.unit_mark(7, "ledere-minoritet"),
        statistics.unit_mark(7, "stillingsgrupper", "direktor", "kvinner"),
    )


@pytest.mark.parametrize(
    ("positions", "share", "mark"),
    [
        (FORTY, 25, ""),  # 10 of 40 leaders: shown beside the hidden director counts
        (FORTY, 0, ""),  # nobody: 0 names no one
        (FORTY, 5, "x"),  # 2 of 40 leaders
        (FORTY, 10, "x"),  # 4 of 40
        (FORTY, 12.5, ""),  # 5 of 40
        ({"mellomleder": {"kvinner": 20, "menn": 20}}, 5, "x"),  # 2, no count hidden
        ({"mellomleder": {"kvinner": 3}, "fagarbeider": {"menn": 80}}, 0, "x"),
    ],
)
def test_the_leader_share_is_hidden_only_where_it_names_one_to_four(
    positions, share, mark
):
    assert marks(positions, share)[0] == mark


def test_the_director_counts_stay_hidden_beside_a_shown_share():
    assert marks(FORTY, 25) == ("", "<5")


@pytest.mark.parametrize(
    ("rows", "group", "says"),
    [
        ("mellomleder", "stillingsgrupper", "Skriv radenes nøkler som en liste"),
        ([""], "stillingsgrupper", "Skriv radenes nøkler som en liste"),
        (["mellomleder"], "", "Skriv også hvilket spørsmål som teller gruppen"),
    ],
)
def test_an_administrator_is_told_what_is_wrong_with_the_rows(rows, group, says):
    question = Question(
        key="andel", label="Andel", kind=K.PERCENT, people_group=group, people_rows=rows
    )
    with pytest.raises(ValidationError) as refused:
        question.clean()
    assert says in " ".join(refused.value.message_dict["people_rows"])
