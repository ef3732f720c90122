"""Plausible demo answers: a unit's figures stay close from one year to the next,
parts never exceed their wholes, dates come in order, and every rule of the
circular holds."""

import datetime
import random
from decimal import Decimal

from circulars.models import Question

from .rules import derive, violations

K = Question.Kind
MEASURE_TITLES = [
    "Kurs i klarspråk for saksbehandlere",
    "Tolketjeneste i alle brukermøter",
    "Universelt utformet inngangsparti",
    "Anonymiserte søknader ved rekruttering",
    "Mentorordning for nyansatte",
    "Kartlegging av ufrivillig deltid",
    "Tilgjengelighetserklæring for nettsidene",
    "Markering av OXLO-uka med åpent hus",
    "Samarbeid med rådet for personer med funksjonsnedsettelse",
    "Lederopplæring i likeverdige tjenester",
]
SENTENCES = [
    "Virksomheten har fulgt opp tiltakene i handlingsplanen gjennom året.",
    "Arbeidet er forankret i ledergruppen og drøftet med tillitsvalgte.",
    "Brukerundersøkelsen viser at flere opplever tjenestene som tilgjengelige.",
    "Vi ser fortsatt utfordringer i rekruttering til lederstillinger.",
    "Tiltakene evalueres årlig, og resultatene brukes i neste års plan.",
    "OXLO-guiden er brukt i opplæring av nye medarbeidere.",
    "Det er gjennomført kartlegging av risiko for diskriminering i alle avdelinger.",
    "Rådet for personer med funksjonsnedsettelse har gitt innspill til planen.",
]
# A count table that is a share of another, per cell: (whole, lowest, highest).
PART_OF = {
    "midlertidige": ("ansatte", 0.04, 0.15),
    "deltid": ("ansatte", 0.10, 0.35),
    "ufrivillig-deltid": ("deltid", 0.05, 0.30),
}
# (question key, column key or None) -> the unit's usual range.
RANGES = {
    ("ansatte", "kvinner"): (40, 900),
    ("ansatte", "menn"): (30, 700),
    ("foreldrepermisjon", "kvinner"): (16, 30),
    ("foreldrepermisjon", "menn"): (8, 15),
    ("stillingsgrupper", "kvinner"): (0, 80),
    ("stillingsgrupper", "menn"): (0, 80),
    ("stillingsgrupper", "lonn"): (86, 103),
    ("lonnsgap", None): (88, 99),
    ("diskriminering-tabell", "mottatt"): (0, 6),
    ("diskriminering-tabell", "behandlet"): (0, 5),
    ("diskriminering-tabell", "nemnd"): (0, 1),
    ("ledere-minoritet", None): (5, 30),
}
DEFAULT_RANGES = {K.INTEGER: (0, 400), K.DECIMAL: (80, 105), K.PERCENT: (5, 95)}
YEAR_TO_YEAR = (0.93, 1.07)
FIT_ROUNDS = 5


class DemoAnswers:
    """Answers for one unit and reporting year."""

    def __init__(self, *, unit_slug: str, year: int, deadline: datetime.date | None):
        self.unit_slug, self.year = unit_slug, year
        self.deadline = deadline or datetime.date(year + 1, 2, 20)
        self.rng = random.Random(f"{unit_slug}-{year}")

    def _steady(self, path: tuple, low: float, high: float) -> float:
        """The unit's own figure at `path`, moving a few per cent a year."""
        base = random.Random(f"{self.unit_slug}:{path}").uniform(low, high)
        return base * self.rng.uniform(*YEAR_TO_YEAR)

    def number(self, kind: str, key: str, column: str | None, row=None):
        low, high = RANGES.get((key, column), DEFAULT_RANGES[kind])
        value = self._steady((key, row, column), low, high)
        if kind == K.INTEGER:
            return round(value)
        value = round(value, 1)
        return min(value, 100.0) if kind == K.PERCENT else value

    def date_in_year(self, year: int | None = None) -> datetime.date:
        return datetime.date(year or self.year, 1, 1) + datetime.timedelta(
            days=self.rng.randint(0, 300)
        )

    def scalar(self, kind: str, key: str, spec: dict, column=None, row=None):
        choices = spec.get("choices") or []
        if kind in DEFAULT_RANGES:
            return self.number(kind, key, column, row)
        if kind == K.LONG_TEXT:
            return " ".join(self.rng.sample(SENTENCES, 3))
        if kind == K.SHORT_TEXT:
            return self.rng.choice(MEASURE_TITLES)
        if kind == K.YES_NO:
            return self.rng.random() < 0.75
        if kind == K.CHOICE:
            return self.rng.choice(choices)
        if kind == K.MULTIPLE_CHOICE:
            return self.rng.sample(choices, self.rng.randint(1, min(3, len(choices))))
        if kind == K.DATE:
            # Before the report: adopted, started or decided in the years up to it.
            return self.date_in_year(self.year - self.rng.randint(0, 3))
        raise ValueError(kind)

    def table(self, question: Question, data: dict) -> dict:
        whole = PART_OF.get(question.key)
        table = {}
        for row in question.rows:
            cells = {}
            for column in question.columns:
                kind = column.get("kind", K.SHORT_TEXT)
                of = (data.get(whole[0]) or {}).get(row["key"], {}) if whole else {}
                if isinstance(of.get(column["key"]), int):
                    share = self._steady((question.key, column["key"]), *whole[1:])
                    cells[column["key"]] = round(of[column["key"]] * share)
                else:
                    cells[column["key"]] = self.scalar(
                        kind, question.key, column, column["key"], row["key"]
                    )
            table[row["key"]] = cells
        return table

    def list_rows(self, question: Question) -> list:
        rows = []
        for _ in range(self.rng.randint(1, 3)):
            row = {
                column["key"]: self.scalar(
                    column.get("kind", K.SHORT_TEXT), question.key, column
                )
                for column in question.columns
            }
            start = self.date_in_year()
            dates = {
                "start": start,
                "frist": start + datetime.timedelta(days=self.rng.randint(30, 500)),
            }
            row |= {k: v for k, v in dates.items() if k in row}
            rows.append(row)
        return rows

    def answer(self, question: Question, data: dict):
        if question.kind == K.TABLE:
            return self.table(question, data)
        if question.kind == K.LIST:
            return self.list_rows(question)
        value = self.scalar(question.kind, question.key, {"choices": question.choices})
        if question.is_numeric and question.max_value is not None:
            value = min(value, float(question.max_value))
        return value

    def section(self, questions: list[Question], rules) -> dict:
        """Every question answered, then fitted to the section's rules."""
        data = {}
        for question in questions:
            data[question.key] = self.answer(question, data)
        return fit_rules(questions, list(rules), stored(data), self.deadline)


def stored(value):
    """Dates and Decimals in the JSON shapes documented on `Question`."""
    if isinstance(value, dict):
        return {k: stored(v) for k, v in value.items()}
    if isinstance(value, list):
        return [stored(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _fitted(operator: str, limit):
    step = datetime.timedelta(days=1) if isinstance(limit, datetime.date) else 1
    return {"lt": limit - step, "gt": limit + step}.get(operator, limit)


def fit_rules(questions, rules, data: dict, deadline) -> dict:
    """Move each value that breaks a rule onto the rule's limit."""
    data = derive(questions, data)
    for _ in range(FIT_ROUNDS):
        broken = violations(rules, questions, data, deadline=deadline)
        if not broken:
            break
        for violation in broken:
            value = stored(_fitted(violation.rule.operator, violation.limit))
            key, *cell = violation.path
            if cell:
                row, column = cell
                data[key][row][column] = value
            else:
                data[key] = value
        data = derive(questions, data)
    return data
