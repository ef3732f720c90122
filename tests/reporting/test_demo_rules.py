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

    # Every unit reported last year too, with figures close to this year's.
    staff = {}
    for answer in filled:
        if answer.section.topic == "arbeidsgiver":
            year = answer.report.circular.reporting_year
            staff.setdefault(answer.report.unit.slug, {})[year] = answer
    approved = {a.report.unit.slug for a in filled if a.report.status == "approved"}
    assert len(staff) > 10 and set(staff) <= approved
    assert {len(years) for years in staff.values()} == {2}
    for years in staff.values():
        last_year, this_year = (
            years[y].data["ansatte"]["antall"] for y in sorted(years)
        )
        for gender in ("kvinner", "menn"):
            assert abs(this_year[gender] - last_year[gender]) <= 0.2 * last_year[gender]
    frogner = staff["bydel-frogner"][max(staff["bydel-frogner"])].data
    share = frogner["midlertidige-andel"]["antall"]["kvinner"]
    temporary = frogner["midlertidige"]["antall"]["kvinner"]
    assert share == round(100 * temporary / frogner["ansatte"]["antall"]["kvinner"], 1)
