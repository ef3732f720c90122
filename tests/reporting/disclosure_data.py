"""Six units' answers with counts of people small, zero and large, for the tests of
the disclosure rule and the statistics, and a checker that tries to recompute
hidden figures from what a workbook publishes."""

from fractions import Fraction

from circulars.models import Question, UnitKind
from circulars.services import publish_circular
from reporting.models import Report
from tests import factories
from tests.reporting.export_data import fill

K = Question.Kind
ROWS = [{"key": "ledere", "label": "Ledere"}, {"key": "andre", "label": "Andre"}]
GROUNDS = [
    {"key": "etnisitet", "label": "Etnisitet"},
    {"key": "alder", "label": "Alder"},
]
TOPIC_TITLE = "Likestilling og mangfold i arbeidsgiverrollen (HR og HMS)"


def circular(year: int):
    """A published circular asking counts of people, a share of them and yes/no."""
    circular = factories.CircularFactory(
        audience=[UnitKind.ETAT], year=year, reporting_year=year
    )
    section = factories.SectionFactory(
        circular=circular, number="4.7", title=TOPIC_TITLE, topic="arbeidsgiver"
    )
    integer = {"kind": "integer"}
    questions = [
        {
            "key": "plan",
            "label": "Har virksomheten en egen lokal handlingsplan?",
            "kind": K.YES_NO,
        },
        {
            "key": "totalt",
            "label": "Antall ansatte",
            "kind": K.TABLE,
            "counts_people": True,
            "rows": [{"key": "antall", "label": "Antall ansatte"}],
            "columns": [
                {"key": "kvinner", "label": "Kvinner", **integer},
                {"key": "menn", "label": "Menn", **integer},
            ],
        },
        {
            "key": "ansatte",
            "people_group": "totalt",
            "label": "Kjønnsfordeling og lønn per stillingsgruppe",
            "kind": K.TABLE,
            "counts_people": True,
            "totals": Question.Totals.BOTH,
            "rows": ROWS,
            "columns": [
                {"key": "kvinner", "label": "Kvinner", **integer},
                {"key": "menn", "label": "Menn", **integer},
                {
                    "key": "lonn",
                    "label": "Kvinners lønn i % av menns",
                    "kind": "decimal",
                },
            ],
        },
        {
            "key": "klager",
            "label": "Klager på diskriminering etter grunnlag",
            "kind": K.TABLE,
            "counts_people": True,
            "totals": Question.Totals.COLUMNS,
            "rows": GROUNDS,
            "columns": [
                {"key": "mottatt", "label": "Mottatt", **integer},
                {"key": "behandlet", "label": "Behandlet", **integer},
            ],
        },
        {
            "key": "andel",
            "label": "Andel midlertidig ansatte (%)",
            "kind": K.TABLE,
            "people_group": "ansatte",
            "rows": [{"key": "antall", "label": "Andel"}],
            "columns": [
                {"key": "kvinner", "label": "Kvinner", "kind": "percent"},
                {"key": "menn", "label": "Menn", "kind": "percent"},
            ],
        },
        {"key": "dato", "label": "Dato planen ble vedtatt", "kind": K.DATE},
    ]
    for order, spec in enumerate(questions):
        factories.QuestionFactory(section=section, order=order, **spec)
    return publish_circular(circular=circular, by=None)


def staff(ledere, andre, lonn=None):
    return {
        "ledere": {"kvinner": ledere[0], "menn": ledere[1], "lonn": lonn},
        "andre": {"kvinner": andre[0], "menn": andre[1]},
    }


def employees(table):
    """All employees by gender: the position groups added up."""
    return {
        gender: sum(row[gender] for row in table.values())
        for gender in ("kvinner", "menn")
    }


def complaints(etnisitet, alder):
    return {
        "etnisitet": {"mottatt": etnisitet[0], "behandlet": etnisitet[1]},
        "alder": {"mottatt": alder[0], "behandlet": alder[1]},
    }


ANSWERS_2026 = [
    {
        "plan": True,
        "ansatte": staff((2, 7), (30, 25), 95.5),
        "klager": complaints((3, 2), (0, 0)),
    },
    {
        "plan": True,
        "ansatte": staff((0, 6), (40, 3)),
        "klager": complaints((0, 0), (0, 0)),
    },
    {
        "plan": True,
        "ansatte": staff((8, 9), (12, 14), 101),
        "klager": complaints((6, 6), (1, 1)),
    },
    {
        "plan": True,
        "ansatte": staff((5, 1), (50, 60), 99),
        "klager": complaints((0, 0), (0, 0)),
    },
    {
        "plan": False,
        "ansatte": staff((6, 5), (20, 22)),
        "klager": complaints((7, 5), (0, 0)),
    },
    {
        "plan": None,
        "ansatte": staff((7, 8), (33, 31)),
        "klager": complaints((0, 0), (2, 2)),
    },
]
ANSWERS_2025 = [
    {
        "plan": False,
        "ansatte": staff((3, 7), (28, 25)),
        "klager": complaints((1, 1), (0, 0)),
    },
    {
        "plan": True,
        "ansatte": staff((0, 6), (38, 4)),
        "klager": complaints((0, 0), (0, 0)),
    },
    {
        "plan": True,
        "ansatte": staff((8, 10), (12, 13)),
        "klager": complaints((5, 5), (0, 0)),
    },
    {
        "plan": True,
        "ansatte": staff((5, 2), (49, 58)),
        "klager": complaints((0, 0), (0, 0)),
    },
]
NAMES = [f"Etat nummer {i}" for i in range(6)]


def publish_two_years(answers_2025=ANSWERS_2025, answers_2026=ANSWERS_2026):
    """Six units approved for 2026, the first four also for 2025 (or as many as
    the answers given)."""
    adviser = factories.adviser()
    units = [factories.UnitFactory(name=name) for name in NAMES[: len(answers_2026)]]
    contacts = [factories.contact_of(unit) for unit in units]
    for year, answers in ((2025, answers_2025), (2026, answers_2026)):
        circular(year)
        for unit, contact, data in zip(units, contacts, answers, strict=False):
            report = Report.objects.get(unit=unit, circular__reporting_year=year)
            data = {
                **data,
                "totalt": {"antall": employees(data["ansatte"])},
                "andel": {"antall": {"kvinner": 40.0, "menn": 60.0}},
                "dato": f"{year}-03-01",
            }
            fill(report, data, by=contact, approve_by=adviser)
    return units


def determined(equations: list[tuple[dict, Fraction]]) -> set:
    """The unknowns that linear equations ({unknown: coefficient}, constant) fix."""
    rows = [dict(coefficients) for coefficients, _constant in equations]
    pivots = {}
    for row in rows:
        for pivot, pivot_row in pivots.items():
            if pivot in row:
                factor = row[pivot]
                for name, value in pivot_row.items():
                    row[name] = row.get(name, 0) - factor * value
                row = {name: value for name, value in row.items() if value}
        row = {name: value for name, value in row.items() if value}
        if not row:
            continue
        pivot = min(row, key=str)
        row = {name: Fraction(value) / row[pivot] for name, value in row.items()}
        for other in pivots.values():
            if pivot in other:
                factor = other[pivot]
                for name, value in row.items():
                    other[name] = other.get(name, 0) - factor * value
                for name in [n for n, v in other.items() if not v]:
                    del other[name]
        pivots[pivot] = row
    return {pivot for pivot, row in pivots.items() if len(row) == 1}
