"""A circular whose section computes, hides and checks answers, like 4.7 does."""

from circulars.models import Question, Rule
from circulars.services import publish_circular
from reporting.models import Report
from tests import factories

K = Question.Kind
GENDERS = [
    {"key": "kvinner", "label": "Kvinner", "kind": "integer"},
    {"key": "menn", "label": "Menn", "kind": "integer"},
]


def women_men(section, key, label, order, **extra):
    return factories.QuestionFactory(
        section=section,
        key=key,
        label=label,
        kind=K.TABLE,
        rows=[{"key": "antall", "label": label}],
        columns=extra.pop("columns", GENDERS),
        order=order,
        totals=Question.Totals.ROWS,
        **extra,
    )


def ruled_circular(unit, *, publish=True):
    """A circular to `unit`'s kind with one section of computed values,
    conditional questions, «Annet» and rules; published unless told not to."""
    circular = factories.CircularFactory(audience=[unit.kind])
    section = factories.SectionFactory(
        circular=circular, number="4.3.6", topic="arbeidsgiver", title="HR"
    )
    women_men(section, "ansatte", "Antall ansatte", 1)
    women_men(section, "midlertidige", "Midlertidig ansatte", 2)
    women_men(
        section,
        "midlertidige-andel",
        "Andel midlertidig ansatte (%)",
        3,
        columns=[
            {
                "key": gender,
                "label": label,
                "kind": "percent",
                "formula": f"100 * {{midlertidige.antall.{gender}}} / "
                f"{{ansatte.antall.{gender}}}",
            }
            for gender, label in (("kvinner", "Kvinner"), ("menn", "Menn"))
        ],
    )
    factories.QuestionFactory(
        section=section,
        key="samarbeid",
        label="Samarbeid med rådet?",
        kind=K.YES_NO,
        order=4,
    )
    factories.QuestionFactory(
        section=section,
        key="samarbeid-tekst",
        label="Beskriv samarbeidet",
        kind=K.LONG_TEXT,
        required=True,
        shown_when_key="samarbeid",
        shown_when_value="Ja",
        order=5,
    )
    factories.QuestionFactory(
        section=section,
        key="hvordan",
        label="Hvordan er guiden brukt?",
        kind=K.MULTIPLE_CHOICE,
        choices=["Ledermøte", "Workshop", "Annet"],
        order=6,
    )
    factories.QuestionFactory(
        section=section,
        key="lonn",
        label="Kvinners lønn i % av menns",
        kind=K.DECIMAL,
        order=7,
    )
    factories.QuestionFactory(
        section=section,
        key="tiltak",
        label="Tiltak",
        kind=K.LIST,
        columns=[
            {"key": "tittel", "label": "Tiltak", "kind": "short_text"},
            {"key": "start", "label": "Startdato", "kind": "date"},
            {"key": "frist", "label": "Frist", "kind": "date"},
        ],
        order=8,
    )
    rules = [
        (
            "midlertidige-ansatte",
            "midlertidige.antall.*",
            "lte",
            "ansatte.antall.*",
            "Det kan ikke være flere midlertidig ansatte enn ansatte.",
            False,
        ),
        (
            "tiltak-datoer",
            "tiltak.*.start",
            "lte",
            "tiltak.*.frist",
            "Fristen kan ikke være før startdatoen.",
            False,
        ),
        (
            "lonn-over",
            "lonn",
            "lte",
            "150",
            "Kvinners lønn er over 150 % av menns. Stemmer tallet?",
            True,
        ),
    ]
    for order, (key, left, operator, right, message, explainable) in enumerate(rules):
        Rule.objects.create(
            section=section,
            key=key,
            left=left,
            operator=operator,
            right=right,
            message=message,
            explainable=explainable,
            order=order,
        )
    if publish:
        publish_circular(circular=circular, by=None)
    return circular


def ruled_answer(unit):
    circular = ruled_circular(unit)
    return (
        Report.objects.get(circular=circular, unit=unit)
        .answers.select_related("report__circular", "section")
        .get()
    )
