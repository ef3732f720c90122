"""«Annet» carries what the unit wrote wherever an answer is read."""

from circulars.models import Question


def test_annet_carries_what_the_unit_wrote_wherever_the_answer_is_read():
    from reporting.rules import displayed

    question = Question(
        key="hvordan",
        kind=Question.Kind.MULTIPLE_CHOICE,
        choices=["Workshop", "Annet"],
    )
    data = {"hvordan": ["Workshop", "Annet"], "_annet": {"hvordan": "Frokostmøte"}}
    assert displayed(question, data) == ["Workshop", "Annet: Frokostmøte"]
    assert displayed(question, {"hvordan": ["Workshop"]}) == ["Workshop"]
