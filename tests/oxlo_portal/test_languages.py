import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation


def render(source, **context):
    return Template("{% load humanize %}" + source).render(Context(context))


def test_figures_are_written_the_norwegian_way():
    with translation.override("nb"):
        assert render('{{ n|floatformat:"1g" }}', n=Decimal("1234.5")) == "1\xa0234,5"
        assert render("{{ n|intcomma }}", n=1234567) == "1\xa0234\xa0567"
        assert render("{{ n }}", n=Decimal("0.5")) == "0,5"


def test_years_and_ids_are_never_grouped():
    with translation.override("nb"):
        assert render("{{ year }}/{{ pk }}", year=2026, pk=12345) == "2026/12345"


def test_dates_are_written_day_month_year_with_points():
    with translation.override("nb"):
        assert render("{{ d }}", d=datetime.date(2017, 1, 31)) == "31.01.2017"
    with translation.override("en"):
        assert render("{{ d }}", d=datetime.date(2017, 1, 31)) == "31.01.2017"


def test_the_header_offers_a_language_switcher(client, db):
    page = client.get(reverse("circulars:library")).content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert '<input type="hidden" name="language" value="en">' in page
    assert 'lang="en"><span class="portal-icon portal-icon--language"' in page


@pytest.mark.parametrize(
    ("language", "heading"),
    [("nb", "Logg inn i OXLO-portalen"), ("en", "Log in to the OXLO portal")],
)
def test_choosing_a_language_translates_the_pages(client, db, language, heading):
    response = client.post(
        reverse("set_language"), {"language": language, "next": reverse("login")}
    )
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert heading in page
    assert f'<html lang="{language}"' in page
