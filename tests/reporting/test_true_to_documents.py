"""Issue 15: the seeded data says what Oslo kommune's documents say."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from circulars.models import Circular
from circulars.services import PublishError, publish_circular
from reporting.models import Report, Unit, UnitAlias
from reporting.seed import unit_slug
from tests import factories

pytestmark = pytest.mark.django_db

# «Merk følgende punkter for mangfolds- og integreringsarbeidet» on the seed page.
ETAT_POINTS = ["4.3", "4.4", "4.6", "4.7"]
BYDEL_POINTS = ["4.3.1", "4.3.2", "4.3.5", "4.3.6"]


def _numbers(circular):
    return list(circular.sections.order_by("order").values_list("number", flat=True))


def test_the_points_per_audience_are_the_seed_pages(seeded):
    reporting = Circular.objects.exclude(reporting_year=None)
    for circular in reporting.filter(kind=Circular.Kind.RUNDSKRIV):
        assert _numbers(circular) == ETAT_POINTS
    for circular in reporting.filter(kind=Circular.Kind.FELLESSKRIV):
        assert _numbers(circular) == BYDEL_POINTS


def test_the_discrimination_table_is_in_46_and_435_without_the_ombud(seeded):
    for circular in Circular.objects.exclude(reporting_year=None):
        section = circular.sections.get(questions__key="diskriminering-tabell")
        assert section.number in ("4.6", "4.3.5")
        table = section.questions.get(key="diskriminering-tabell")
        labels = [column["label"] for column in table.columns]
        assert "Brakt inn for Diskrimineringsnemnda" in labels
        assert not any("ombud" in label.lower() for label in labels)


def test_seed_oslo_seeds_only_facts(db):
    call_command("seed_oslo", verbosity=0)
    [circular] = Circular.objects.all()
    assert circular.citation == "Rundskriv 8/2017"
    assert circular.designation == (
        "Rundskriv 8/2017 til bydelene, etatene, de kommunale foretakene og "
        "byrådsavdelingene"
    )
    assert (circular.case_number, circular.archive_code) == ("201204898-35", "911")


def test_only_rundskriv_8_2017_has_archive_data_and_examples_say_so(seeded, client):
    for circular in Circular.objects.exclude(number=8, year=2017):
        assert circular.example
        assert circular.case_number == circular.archive_code == ""
    page = client.get(reverse("circulars:library")).content.decode()
    assert "Eksempel" in page


def test_a_real_circular_needs_archive_data_in_oslos_formats(administrator):
    draft = factories.CircularFactory(case_number="", archive_code="")
    factories.QuestionFactory(section=factories.SectionFactory(circular=draft))
    with pytest.raises(PublishError) as refused:
        publish_circular(circular=draft, by=administrator)
    assert "saksnummer" in str(refused.value) and "arkivkode" in str(refused.value)
    draft.case_number, draft.archive_code = "2026-17", "9x"
    draft.save()
    with pytest.raises(PublishError) as refused:
        publish_circular(circular=draft, by=administrator)
    assert "201204898-35" in str(refused.value)
    draft.case_number, draft.archive_code = "202612345-1", "034.1"
    draft.save()
    assert publish_circular(circular=draft, by=administrator).status == "published"


def test_norwegian_letters_are_transliterated_in_slugs():
    assert unit_slug("Bydel Østensjø") == "bydel-ostensjo"
    assert unit_slug("Bydel Grünerløkka") == "bydel-grunerlokka"
    assert unit_slug("Æøå ÆØÅ") == "aeoa-aeoa"


def test_the_ostensjo_page_answers_under_both_slugs(seeded, client, adviser):
    unit = Unit.objects.get(name="Bydel Østensjø")
    assert unit.slug == "bydel-ostensjo"
    UnitAlias.objects.create(slug="bydel-stensjo", unit=unit)
    client.force_login(adviser)
    page = client.get("/enheter/bydel-ostensjo/")
    assert page.status_code == 200 and "Bydel Østensjø" in page.content.decode()
    old = client.get("/enheter/bydel-stensjo/")
    assert old.status_code == 301 and old["Location"] == "/enheter/bydel-ostensjo/"


def test_a_contact_sees_only_their_own_units_page(client, contact, other_unit):
    client.force_login(contact)
    own = contact.memberships.get().unit
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other_unit.get_absolute_url()).status_code == 404
    UnitAlias.objects.create(slug="gammel", unit=other_unit)
    assert client.get("/enheter/gammel/").status_code == 404


def test_units_answering_to_bystyret_get_no_report(seeded):
    for name in ("Bystyrets sekretariat", "Kommunerevisjonen"):
        unit = Unit.objects.get(name=name)
        assert not unit.reports_to_byradet
        assert not Report.objects.filter(unit=unit).exists()
    assert Report.objects.filter(unit__name="Klimaetaten").exists()


def _network(client, adviser, units):
    for index in range(units):
        unit = factories.UnitFactory()
        report = factories.report_for(unit)
        report.mentors.create(
            name=f"Mentor {index}",
            title="x",
            email="m@oslo.kommune.no",
            field="HR",
            informed=True,
        )
    client.force_login(adviser)
    return reverse("reporting:network")


@pytest.mark.parametrize("units", [2, 8])
def test_the_network_overview_lists_every_unit_in_fixed_queries(
    client, adviser, units, django_assert_max_num_queries
):
    url = _network(client, adviser, units)
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    for unit in Unit.objects.reporting():
        assert unit.name in page
    assert f"Mentor {units - 1}" in page


def test_the_network_workbook_has_every_unit(client, adviser):
    import io

    from openpyxl import load_workbook

    _network(client, adviser, 3)
    year = Report.objects.first().circular.reporting_year
    response = client.get(reverse("reporting:network_xlsx") + f"?ar={year}")
    book = load_workbook(io.BytesIO(response.content))
    contacts, mentors = book.worksheets
    names = {row[0] for row in contacts.iter_rows(min_row=2, values_only=True)}
    assert names == set(Unit.objects.reporting().values_list("name", flat=True))
    assert mentors.max_row == 4


def test_contacts_may_not_see_the_network(client, contact):
    client.force_login(contact)
    assert client.get(reverse("reporting:network")).status_code == 403
    assert client.get(reverse("reporting:network_xlsx")).status_code == 403


def test_circulars_are_cited_in_lower_case_mid_sentence(
    contact, unit, django_capture_on_commit_callbacks
):
    from django.core import mail

    from reporting.services import return_report
    from tests.reporting.review_helpers import submitted_report

    report = submitted_report(unit, contact)
    assert report.circular.cited.startswith("rundskriv ")
    with django_capture_on_commit_callbacks(execute=True):
        return_report(report=report, reason="Rett tallene.", by=factories.adviser())
    body = mail.outbox[-1].body
    assert f"etter {report.circular.cited}" in body
    assert "etter Rundskriv" not in body
