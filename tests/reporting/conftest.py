import pytest

from circulars.models import Question
from reporting.models import Report
from tests import factories

K = Question.Kind


@pytest.fixture
def rich_report(unit):
    """Frogner's open report to a circular with one question of every kind."""
    from circulars.services import publish_circular

    circular = factories.CircularFactory(audience=[unit.kind])
    section = factories.SectionFactory(
        circular=circular, number="4.3.1", topic="funksjonsnedsettelse"
    )
    factories.QuestionFactory(section=section, key="plan", required=True)
    factories.QuestionFactory(
        section=section, key="navn", kind=K.SHORT_TEXT, max_length=20
    )
    factories.QuestionFactory(
        section=section,
        key="antall",
        kind=K.INTEGER,
        min_value=0,
        change_threshold=50,
    )
    factories.QuestionFactory(section=section, key="belop", kind=K.DECIMAL)
    factories.QuestionFactory(section=section, key="andel", kind=K.PERCENT)
    factories.QuestionFactory(section=section, key="rad", kind=K.YES_NO)
    factories.QuestionFactory(
        section=section, key="valg", kind=K.CHOICE, choices=["Ja", "Nei"]
    )
    factories.QuestionFactory(
        section=section,
        key="flere",
        kind=K.MULTIPLE_CHOICE,
        choices=["Workshop", "Kurs"],
    )
    factories.QuestionFactory(section=section, key="dato", kind=K.DATE)
    factories.QuestionFactory(section=section, key="ansatte", table=True)
    factories.QuestionFactory(section=section, key="tiltak", measures=True)
    publish_circular(circular=circular, by=None)
    return Report.objects.get(circular=circular, unit=unit)


@pytest.fixture
def rich_answer(rich_report):
    return rich_report.answers.get()


def approved_previous_report(unit, answer, data):
    """An approved report of `unit` for the year before `answer`'s, same topic."""
    from circulars.services import publish_circular
    from reporting.services import approve_report, submit_report

    year = answer.report.circular.reporting_year - 1
    circular = factories.CircularFactory(
        audience=[unit.kind], year=year, reporting_year=year
    )
    section = factories.SectionFactory(
        circular=circular, topic=answer.section.topic, number="4.3.1"
    )
    for question in answer.section.questions.all():
        factories.QuestionFactory(
            section=section,
            key=question.key,
            kind=question.kind,
            choices=question.choices,
            rows=question.rows,
            columns=question.columns,
            change_threshold=question.change_threshold,
        )
    publish_circular(circular=circular, by=None)
    report = Report.objects.get(circular=circular, unit=unit)
    previous = report.answers.get()
    previous.data = data
    previous.required_missing = 0
    previous.version = 1
    previous.save()
    submit_report(
        report=report,
        signed_off_name="Bydelsdirektør",
        signed_off_title="",
        by=factories.contact_of(unit),
    )
    approve_report(report=report, by=factories.adviser())
    return report
