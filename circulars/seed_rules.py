"""The seed circulars' computed answers, conditions and rules between
answers (4.3–4.7 / 4.3.1–4.3.6), by question key. Administrators change them in
the admin beside the questions; `apply_seed_rules` adds them to a draft section.
"""

from django.core.exceptions import ValidationError

from .models import Rule
from .models.rules import question_problems, rule_problems

LTE, LT, GTE = Rule.Operator.AT_MOST, Rule.Operator.BELOW, Rule.Operator.AT_LEAST


def _share(part: str, whole: str) -> str:
    return f"100 * {{{part}}} / {{{whole}}}"


# key -> share of the whole per gender, computed from two count tables.
SHARES = {
    "midlertidige-andel": ("midlertidige", "ansatte"),
    "deltid-andel": ("deltid", "ansatte"),
}
# Question key -> changes to the question.
QUESTIONS = {
    "plan-periode": {"shown_when_key": "lokal-plan", "shown_when_value": "Ja"},
    "plan-vedtatt": {"shown_when_key": "lokal-plan", "shown_when_value": "Ja"},
    "rad-samarbeid-tekst": {
        "shown_when_key": "rad-samarbeid",
        "shown_when_value": "Ja",
    },
    "oxlo-guide-hvordan": {
        "shown_when_key": "oxlo-guide-brukt",
        "shown_when_value": "Ja",
    },
    "oxlo-guide-ansatte": {
        "shown_when_key": "oxlo-guide-brukt",
        "shown_when_value": "Ja",
    },
    "tillitsvalgte-hvordan": {
        "shown_when_key": "tillitsvalgte",
        "shown_when_value": "Ja",
    },
}
# Column formulas: question key -> {column key: formula}.
COLUMN_FORMULAS = {
    "stillingsgrupper": {"andel-kvinner": "100 * {kvinner} / ({kvinner} + {menn})"},
    **{
        key: {
            gender: _share(f"{part}.antall.{gender}", f"{whole}.antall.{gender}")
            for gender in ("kvinner", "menn")
        }
        for key, (part, whole) in SHARES.items()
    },
}


def rule(key, left, operator, right, message, *, explainable=False):
    return {
        "key": key,
        "left": left,
        "operator": operator,
        "right": right,
        "message": message,
        "explainable": explainable,
    }


MEASURE_DATES = rule(
    "tiltak-datoer",
    "tiltak.*.start",
    LTE,
    "tiltak.*.frist",
    "Fristen kan ikke være før startdatoen.",
)
RULES = [
    MEASURE_DATES,
    rule(
        "plan-vedtatt-for-rapport",
        "plan-vedtatt",
        LTE,
        "@frist",
        "Planen kan ikke være vedtatt etter rapportens frist.",
    ),
    rule(
        "behandlet-mottatt",
        "diskriminering-tabell.*.behandlet",
        LTE,
        "diskriminering-tabell.*.mottatt",
        "Flere klager behandlet enn mottatt. Gjelder det klager fra i fjor, "
        "forklar det.",
        explainable=True,
    ),
    rule(
        "nemnd-mottatt",
        "diskriminering-tabell.*.nemnd",
        LTE,
        "diskriminering-tabell.*.mottatt",
        "Flere saker for nemnda enn klager mottatt. Gjelder det klager fra i fjor, "
        "forklar det.",
        explainable=True,
    ),
    rule(
        "midlertidige-ansatte",
        "midlertidige.antall.*",
        LTE,
        "ansatte.antall.*",
        "Det kan ikke være flere midlertidig ansatte enn ansatte.",
    ),
    rule(
        "deltid-ansatte",
        "deltid.antall.*",
        LTE,
        "ansatte.antall.*",
        "Det kan ikke være flere deltidsansatte enn ansatte.",
    ),
    rule(
        "ufrivillig-deltid",
        "ufrivillig-deltid.antall.*",
        LTE,
        "deltid.antall.*",
        "Det kan ikke være flere ufrivillig deltidsansatte enn deltidsansatte.",
    ),
    rule(
        "foreldrepermisjon-uker",
        "foreldrepermisjon.antall.*",
        LTE,
        "49",
        "Foreldrepermisjonen er lengre enn 49 uker i snitt. Stemmer tallet?",
        explainable=True,
    ),
    rule(
        "lonn-over",
        "stillingsgrupper.*.lonn",
        LTE,
        "150",
        "Kvinners lønn er over 150 % av menns. Stemmer tallet?",
        explainable=True,
    ),
    rule(
        "lonn-under",
        "stillingsgrupper.*.lonn",
        GTE,
        "50",
        "Kvinners lønn er under 50 % av menns. Stemmer tallet?",
        explainable=True,
    ),
    rule(
        "lonnsgap-over",
        "lonnsgap",
        LTE,
        "150",
        "Samlet er kvinners lønn over 150 % av menns. Stemmer tallet?",
        explainable=True,
    ),
    rule(
        "lonnsgap-under",
        "lonnsgap",
        GTE,
        "50",
        "Samlet er kvinners lønn under 50 % av menns. Stemmer tallet?",
        explainable=True,
    ),
]


def _rule_keys(spec: dict) -> set[str]:
    return {
        text.split(".")[0]
        for text in (spec["left"], spec["right"])
        if not text[0].isdigit() and not text.startswith("@")
    }


def apply_seed_rules(section) -> list[str]:
    """Add the seed's conditions, formulas and rules that fit the draft
    section's questions; return what did not fit (none, for the seed's own)."""
    questions = {q.key: q for q in section.questions.all()}
    problems = []
    for key, question in questions.items():
        changes = dict(QUESTIONS.get(key, {}))
        formulas = COLUMN_FORMULAS.get(key, {})
        if formulas:
            changes["columns"] = [
                {**column, "formula": formulas[column["key"]]}
                if column["key"] in formulas
                else column
                for column in question.columns
            ]
        if changes.get("shown_when_key") not in (None, *questions):
            continue  # the question it depends on is in another section
        for name, value in changes.items():
            setattr(question, name, value)
        found = question_problems(question, questions)
        if found:
            problems += [f"{key}: {message}" for message in found.values()]
            continue
        if changes:
            question.save()
    for order, spec in enumerate(RULES):
        if not _rule_keys(spec) <= set(questions):
            continue
        candidate = Rule(section=section, order=order, **spec)
        found = rule_problems(candidate, questions)
        if found:
            problems += [f"{spec['key']}: {message}" for message in found]
            continue
        try:
            candidate.full_clean(exclude=["section"])
        except ValidationError as error:
            problems += error.messages
            continue
        candidate.save()
    return problems
