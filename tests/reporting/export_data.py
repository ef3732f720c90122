"""Reports with an answer to every question kind, for the export tests."""

from circulars.models import Question, UnitKind
from circulars.services import publish_circular
from reporting.models import Report
from reporting.services import approve_report, save_section_answer, submit_report
from tests import factories

K = Question.Kind


def every_kind_circular(
    *, year=2026, audience=(UnitKind.ETAT,), threshold=None, totals=Question.Totals.NONE
):
    """A published circular whose one section asks every kind of question; a
    `threshold` asks for an explanation of a bigger change in «antall», `totals`
    whether its figures add up across units."""
    circular = factories.CircularFactory(
        audience=list(audience),
        year=year,
        reporting_year=year,
        case_number="202600024-1",
        archive_code="210",
    )
    section = factories.SectionFactory(
        circular=circular,
        number="4.7",
        title="Arbeidsgiverrollen",
        topic="arbeidsgiver",
    )
    spec = [
        ("tekst", K.LONG_TEXT, {}),
        ("kort", K.SHORT_TEXT, {}),
        ("antall", K.INTEGER, {"change_threshold": threshold, "totals": totals}),
        ("snitt", K.DECIMAL, {}),
        ("andel", K.PERCENT, {}),
        ("ja-nei", K.YES_NO, {}),
        ("valg", K.CHOICE, {"choices": ["Ja", "Nei", "Under arbeid"]}),
        ("flere", K.MULTIPLE_CHOICE, {"choices": ["Ledermøte", "Workshop"]}),
        ("dato", K.DATE, {}),
    ]
    for order, (key, kind, extra) in enumerate(spec):
        factories.QuestionFactory(
            section=section,
            key=key,
            label=f"Spørsmål {key}",
            kind=kind,
            order=order,
            **extra,
        )
    factories.QuestionFactory(
        section=section, key="ansatte", label="Ansatte per gruppe", table=True, order=20
    )
    factories.QuestionFactory(
        section=section, key="tiltak", label="Tiltak i året", measures=True, order=21
    )
    return publish_circular(circular=circular, by=None)


def answers(index: int, **overrides) -> dict:
    data = {
        "tekst": f"Langt svar fra enhet {index}.",
        "kort": f"Kort svar {index}",
        "antall": 10 + index,
        "snitt": 2.5,
        "andel": 40.5,
        "ja-nei": index % 2 == 0,
        "valg": "Under arbeid",
        "flere": ["Workshop"],
        "dato": "2026-03-01",
        "ansatte": {
            "ledere": {"kvinner": 2 + index, "menn": 7},
            "andre": {"kvinner": 30, "menn": 25 + index},
        },
        "tiltak": [{"tittel": f"Tiltak nummer {index}", "status": "Planlagt"}],
    }
    data.update(overrides)
    return data


def fill(report: Report, data: dict, *, by, approve_by=None) -> Report:
    for answer in report.answers.all():
        save_section_answer(answer=answer, data=data, based_on=answer.version, by=by)
    if approve_by:
        submit_report(
            report=report,
            signed_off_name="Lise Leder",
            signed_off_title="Virksomhetsleder",
            by=by,
        )
        approve_report(report=report, by=approve_by)
    report.refresh_from_db()
    return report
