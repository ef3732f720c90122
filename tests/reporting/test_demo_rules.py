"""`seed_demo --fill` answers as a sensible unit would: every rule of the seeded
circulars holds, and last year's figures are close to this year's."""

import pytest
from django.core.management import call_command

from reporting.models import SectionAnswer
from reporting.rules import section_violations

pytestmark = pytest.mark.django_db


def test_seed_demo_fill_gives_answers_that_break_no_rule(seeded):
    call_command("seed_demo", "--fill", verbosity=0)
    answers = SectionAnswer.objects.select_related(
        "report__circular", "section"
    ).prefetch_related("section__questions", "section__rules")
    filled = [a for a in answers if a.data]
    assert len(filled) > 100
    broken = {
        f"{a.report} {a.section.number}": [v.message for v in section_violations(a)]
        for a in filled
    }
    assert {k: v for k, v in broken.items() if v} == {}
    assert sum(a.section.rules.count() for a in filled) > 300

    frogner = sorted(
        (
            a
            for a in filled
            if a.report.unit.slug == "bydel-frogner"
            and a.section.topic == "arbeidsgiver"
        ),
        key=lambda a: a.report.circular.reporting_year,
    )
    last_year, this_year = (a.data["ansatte"]["antall"] for a in frogner)
    for gender in ("kvinner", "menn"):
        assert abs(this_year[gender] - last_year[gender]) <= 0.2 * last_year[gender]
    share = frogner[-1].data["midlertidige-andel"]["antall"]["kvinner"]
    temporary = frogner[-1].data["midlertidige"]["antall"]["kvinner"]
    assert share == round(100 * temporary / this_year["kvinner"], 1)
