"""What a reader sees of the circular's additions: «Annet» carries what the unit
wrote, and a question hidden by its condition is not printed."""

import pytest
from pypdf import PdfReader

from circulars.models import Question
from reporting.exports.report_pdf import build_report_pdf
from reporting.services import save_section_answer
from tests.reporting.rules_world import ruled_answer


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


@pytest.mark.django_db
def test_the_units_pdf_leaves_hidden_questions_out_and_shows_explained_rules(
    unit, contact
):
    answer = ruled_answer(unit)
    save_section_answer(
        answer=answer,
        data={
            "samarbeid": False,
            "hvordan": ["Annet"],
            "_annet": {"hvordan": "Quiz"},
            "lonn": 180,
            "_regelforklaringer": {"lonn-over": "Én kvinnelig leder."},
        },
        based_on=answer.version,
        by=contact,
    )
    path, _peak = build_report_pdf(answer.report)
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Samarbeid med rådet?" in text
    assert "Beskriv samarbeidet" not in text
    assert "Annet: Quiz" in text
    assert "Bryter en regel i rundskrivet:" in text
    assert "Én kvinnelig leder." in text


def test_a_replacement_circular_keeps_the_annet_text_and_rule_explanations():
    from reporting.carry_over import carried_data

    question = Question(
        key="hvordan", kind=Question.Kind.MULTIPLE_CHOICE, choices=["Annet"]
    )
    data = {
        "hvordan": ["Annet"],
        "borte": "x",
        "_annet": {"hvordan": "Quiz", "borte": "y"},
        "_regelforklaringer": {"lonn-over": "Én leder."},
    }
    assert carried_data([question], [question], data) == {
        "hvordan": ["Annet"],
        "_annet": {"hvordan": "Quiz"},
        "_regelforklaringer": {"lonn-over": "Én leder."},
    }
