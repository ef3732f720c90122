"""The main pages in English, and the same pages in bokmål with Norwegian figures."""

from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from circulars.models import Question
from reporting.models import Report
from reporting.services import save_section_answer

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"


class TextNodes(HTMLParser):
    """The visible text of a page, one stripped string per text node."""

    def __init__(self):
        super().__init__()
        self.texts, self.headings, self._skip, self._heading = [], [], 0, None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag in ("h1", "h2", "h3"):
            self._heading = []

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1
        if tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append(" ".join(" ".join(self._heading).split()))
            self._heading = None

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._skip:
            self.texts.append(text)
            if self._heading is not None:
                self._heading.append(text)


def read(page: str) -> TextNodes:
    parser = TextNodes()
    parser.feed(page)
    return parser


@pytest.fixture(scope="module")
def bokmal_strings():
    """Bokmål interface texts whose English differs: they must not show in English."""
    return {
        e.msgid
        for e in polib.pofile(str(CATALOGUE)).translated_entries()
        if e.msgstr and e.msgstr != e.msgid and "%" not in e.msgid
    }


@pytest.fixture
def demo(seeded, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "irrelevant")
    call_command("seed_demo", verbosity=0)
    users = get_user_model().objects
    report = (
        Report.objects.filter(unit__slug="bydel-frogner")
        .order_by("-circular__reporting_year")
        .first()
    )
    return {
        "kontakt": users.get(username="kontakt"),
        "radgiver": users.get(username="radgiver"),
        "admin": users.get(username="admin"),
        "report": report,
        "answer": report.answers.order_by("section__order").first(),
    }


def pages(demo):
    report, answer = demo["report"], demo["answer"]
    return [
        ("kontakt", reverse("reporting:home"), "Reports to fill in"),
        ("kontakt", reverse("reporting:report_detail", args=[report.pk]), "Sections"),
        (
            "kontakt",
            reverse("reporting:section_edit", args=[report.pk, answer.section_id]),
            "Save draft",
        ),
        ("radgiver", reverse("reporting:matrix"), "Status"),
        ("radgiver", reverse("reporting:review_report", args=[report.pk]), "Actions"),
        ("radgiver", reverse("circulars:library"), "Circular"),
        ("radgiver", reverse("reporting:export_start"), "Request export"),
        ("kontakt", reverse("reporting:report_oxlo", args=[report.pk]), "mentor"),
        ("kontakt", reverse("reporting:report_submit", args=[report.pk]), "Submit"),
        (
            "kontakt",
            reverse("reporting:section_history", args=[report.pk, answer.section_id]),
            "History",
        ),
        ("radgiver", reverse("reporting:notification_settings"), "Save"),
        ("admin", reverse("reporting:audit_log"), "Audit log"),
        (
            "kontakt",
            reverse("circulars:circular_detail", args=[report.circular_id]),
            "Sections and questions",
        ),
        ("kontakt", reverse("circulars:privacy"), "Privacy"),
        ("kontakt", reverse("circulars:accessibility"), "Accessibility"),
    ]


def english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def test_the_main_pages_read_in_english_with_no_bokmal_left(
    client, demo, bokmal_strings
):
    # The circular's own answer options are content, written in bokmål by design.
    options = {
        choice
        for question in Question.objects.filter(
            section__circular=demo["report"].circular
        )
        for choice in question.choices or []
    }
    english(client)
    for who, url, english_word in pages(demo):
        client.force_login(demo[who])
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        text = read(page)
        assert '<html lang="en"' in page, url
        assert english_word in page, url
        assert "Log out" in page, url
        assert not set(text.headings) & bokmal_strings, url
        assert not (set(text.texts) - options) & bokmal_strings, url


def test_choosing_english_through_the_switcher_keeps_the_person_on_the_page(
    client, demo
):
    client.force_login(demo["kontakt"])
    here = reverse("reporting:report_detail", args=[demo["report"].pk])
    response = client.post(reverse("set_language"), {"language": "en", "next": here})
    assert response.url == here
    assert "Sections" in client.get(here).content.decode()


def test_bokmal_pages_write_dates_and_figures_the_norwegian_way(client, demo):
    report = demo["report"]
    client.force_login(demo["kontakt"])
    overview = client.get(reverse("reporting:report_detail", args=[report.pk]))
    assert report.circular.deadline.strftime("%d.%m.%Y") in overview.content.decode()

    answer = report.answers.filter(section__questions__kind="decimal").first()
    question = answer.section.questions.filter(kind="decimal").first()
    save_section_answer(
        answer=answer,
        data={**answer.data, question.key: 1234.5},
        based_on=answer.version,
        by=demo["kontakt"],
    )
    client.force_login(demo["radgiver"])
    review = client.get(reverse("reporting:review_report", args=[report.pk]))
    assert "1\xa0234,5" in review.content.decode()
