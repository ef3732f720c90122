import re

import pytest
from django.core import mail
from django.urls import reverse

from circulars.services import publish_circular
from reporting.models import NotificationPreference, Report, ReviewComment
from reporting.services import add_comment, approve_report, reply_to_comment
from tests import factories

from .review_helpers import filled_report, submitted_report

pytestmark = pytest.mark.django_db

REPORT_PAGES = [
    ("get", "reporting:review_report"),
    ("post", "reporting:return_report"),
    ("post", "reporting:approve_report"),
    ("post", "reporting:reopen_report"),
    ("post", "reporting:add_comment"),
]


@pytest.fixture
def report(unit, contact):
    return submitted_report(unit, contact)


def _call(client, method, url):
    return getattr(client, method)(url)


@pytest.mark.parametrize(("method", "name"), REPORT_PAGES)
def test_anonymous_visitors_are_sent_to_login_from_review_urls(
    client, report, method, name
):
    response = _call(client, method, reverse(name, args=[report.pk]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("method", "name"), REPORT_PAGES)
def test_a_contact_of_another_unit_gets_not_found_on_review_urls(
    client, report, other_contact, method, name
):
    client.force_login(other_contact)
    assert _call(client, method, reverse(name, args=[report.pk])).status_code == 404


@pytest.mark.parametrize(("method", "name"), REPORT_PAGES)
def test_the_units_own_contact_is_forbidden_on_review_urls(
    client, report, contact, method, name
):
    client.force_login(contact)
    assert _call(client, method, reverse(name, args=[report.pk])).status_code == 403
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


@pytest.mark.parametrize(
    ("method", "name"),
    [
        ("get", "reporting:matrix"),
        ("get", "reporting:matrix_csv"),
        ("post", "reporting:matrix_bulk"),
    ],
)
def test_only_advisers_reach_the_matrix(client, contact, method, name):
    url = reverse(name)
    assert _call(client, method, url).status_code == 302
    client.force_login(contact)
    assert _call(client, method, url).status_code == 403


def test_comment_urls_keep_other_units_out(client, report, adviser, other_contact):
    comment = add_comment(report=report, text="Hvorfor?", by=adviser)
    urls = [
        ("get", reverse("reporting:report_comments", args=[report.pk])),
        ("post", reverse("reporting:reply_comment", args=[comment.pk])),
        ("post", reverse("reporting:resolve_comment", args=[comment.pk])),
    ]
    for method, url in urls:
        assert _call(client, method, url).status_code == 302
    client.force_login(other_contact)
    for method, url in urls:
        assert _call(client, method, url).status_code == 404


def test_notification_settings_need_login(client):
    response = client.get(reverse("reporting:notification_settings"))
    assert response.status_code == 302


def test_adviser_sees_the_answers_status_and_actions(client, report, adviser):
    client.force_login(adviser)
    response = client.get(reverse("reporting:review_report", args=[report.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vi har en plan for universell utforming." in page
    assert "Sendt inn" in page
    assert "Returner for retting" in page
    assert "Godkjenn rapporten" in page


def test_adviser_returns_with_a_reason_and_the_unit_sees_it(
    client, report, adviser, contact, django_capture_on_commit_callbacks
):
    client.force_login(adviser)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("reporting:return_report", args=[report.pk]),
            {"retur-reason": "Tallene i 4.3 mangler"},
            follow=True,
        )
    assert "med status «Returnert for retting»" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED
    assert mail.outbox[0].to == [contact.email]
    client.force_login(contact)
    page = client.get(reverse("reporting:report_comments", args=[report.pk]))
    assert "Tallene i 4.3 mangler" in page.content.decode()


def test_returning_without_reason_shows_the_error_beside_the_field(
    client, report, adviser
):
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:return_report", args=[report.pk]), {"retur-reason": ""}
    )
    assert response.status_code == 400
    assert "Skriv en begrunnelse for å returnere." in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def test_approving_with_open_comments_gives_a_clear_message(client, report, adviser):
    add_comment(report=report, text="Mangler tall", by=adviser)
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:approve_report", args=[report.pk]), follow=True
    )
    assert "åpne kommentarer som må løses først" in response.content.decode()
    report.refresh_from_db()
    assert report.status == Report.Status.SUBMITTED


def test_approving_a_draft_through_the_page_is_refused_not_a_server_error(
    client, unit, contact, adviser
):
    draft = filled_report(unit, contact)
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:approve_report", args=[draft.pk]), follow=True
    )
    assert response.status_code == 200
    assert "kan ikke godkjennes" in response.content.decode()


def test_administrator_reopens_an_approved_report_from_the_page(
    client, report, adviser, administrator
):
    approve_report(report=report, by=adviser)
    client.force_login(administrator)
    page = client.get(reverse("reporting:review_report", args=[report.pk]))
    assert "Gjenåpne rapporten" in page.content.decode()
    client.post(
        reverse("reporting:reopen_report", args=[report.pk]),
        {"gjenapne-reason": "Feil i tabellen"},
    )
    report.refresh_from_db()
    assert report.status == Report.Status.RETURNED


def test_comment_thread_from_adviser_to_contact_and_back(
    client, report, adviser, contact
):
    section = report.circular.sections.get()
    client.force_login(adviser)
    client.post(
        reverse("reporting:add_comment", args=[report.pk]),
        {"kommentar-text": "Utdyp planen", "kommentar-section": section.pk},
    )
    comment = ReviewComment.objects.get()
    assert comment.section == section

    client.force_login(contact)
    page = client.get(reverse("reporting:report_comments", args=[report.pk]))
    assert "Utdyp planen" in page.content.decode()
    client.post(
        reverse("reporting:reply_comment", args=[comment.pk]),
        {f"svar-{comment.pk}-text": "Planen er vedtatt i bydelsutvalget."},
    )
    assert comment.replies.get().author == contact
    assert (
        client.post(reverse("reporting:resolve_comment", args=[comment.pk])).status_code
        == 403
    )

    client.force_login(adviser)
    client.post(reverse("reporting:resolve_comment", args=[comment.pk]))
    comment.refresh_from_db()
    assert not comment.is_open


def test_an_empty_comment_keeps_the_page_and_says_what_is_missing(
    client, report, adviser
):
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:add_comment", args=[report.pk]),
        {"kommentar-text": "", "kommentar-section": ""},
    )
    assert response.status_code == 400
    assert "Skriv en kommentar." in response.content.decode()
    assert not ReviewComment.objects.exists()


def test_person_turns_off_approval_mails_and_chooses_a_digest_for_reminders(
    client, contact
):
    client.force_login(contact)
    assert client.get(reverse("reporting:notification_settings")).status_code == 200
    choices = {
        "submitted": "immediate",
        "returned": "immediate",
        "approved": "off",
        "commented": "immediate",
        "reminder": "digest",
        "export": "immediate",
    }
    client.post(reverse("reporting:notification_settings"), choices)
    saved = dict(contact.notification_preferences.values_list("kind", "delivery"))
    assert saved["approved"] == NotificationPreference.Delivery.OFF
    assert saved["reminder"] == NotificationPreference.Delivery.DIGEST


def test_bulk_approve_from_the_matrix_reports_each_refusal(
    client, report, adviser, other_unit, other_contact
):
    draft = filled_report(other_unit, other_contact)
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:matrix_bulk"),
        {"action": "approve", "reports": [report.pk, draft.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "1 rapporter godkjent." in page
    assert "Helseetaten" in page
    report.refresh_from_db()
    assert report.status == Report.Status.APPROVED


def test_bulk_action_without_rows_says_so(client, adviser):
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:matrix_bulk"), {"action": "remind"}, follow=True
    )
    assert "Velg minst én rapport." in response.content.decode()


def test_bulk_remind_from_the_matrix_mails_units_that_have_not_submitted(
    client, unit, contact, adviser
):
    draft = filled_report(unit, contact)
    client.force_login(adviser)
    client.post(
        reverse("reporting:matrix_bulk"), {"action": "remind", "reports": [draft.pk]}
    )
    assert [m.to for m in mail.outbox] == [[contact.email]]


def test_a_contact_cannot_bulk_approve(client, report, contact):
    client.force_login(contact)
    response = client.post(
        reverse("reporting:matrix_bulk"), {"action": "approve", "reports": [report.pk]}
    )
    assert response.status_code == 403


@pytest.mark.parametrize("sections", [1, 6])
def test_review_page_query_count_does_not_grow_with_sections_or_comments(
    client, unit, contact, adviser, sections, django_assert_max_num_queries
):
    circular = factories.CircularFactory(audience=[unit.kind])
    for _ in range(sections):
        section = factories.SectionFactory(circular=circular)
        factories.QuestionFactory(section=section, table=True)
        factories.QuestionFactory(section=section, measures=True)
    publish_circular(circular=circular, by=None)
    report = Report.objects.get(circular=circular, unit=unit)
    for section in circular.sections.all():
        comment = add_comment(report=report, section=section, text="Se", by=adviser)
        reply_to_comment(comment=comment, text="Ok", by=contact)
    client.force_login(adviser)
    with django_assert_max_num_queries(22):
        response = client.get(reverse("reporting:review_report", args=[report.pk]))
    assert response.content.decode().count("Historikk for") == sections


def test_administrators_assign_units_to_an_advisers_portfolio(
    client, administrator, adviser, unit
):
    client.force_login(administrator)
    url = reverse("admin:reporting_adviserassignment_add")
    response = client.post(url, {"adviser": adviser.pk, "unit": unit.pk})
    assert response.status_code == 302
    assert list(adviser.portfolio.values_list("unit__name", flat=True)) == [
        "Bydel Frogner"
    ]


def test_approve_is_disabled_with_the_reason_while_comments_are_open(
    client, report, adviser
):
    add_comment(report=report, text="Hvor mange bygg?", by=adviser)
    client.force_login(adviser)
    page = client.get(reverse("reporting:review_report", args=[report.pk]))
    html = page.content.decode()
    assert "1 kommentar er åpen" in html
    assert (
        'disabled aria-describedby="godkjenn-hvorfor">Godkjenn rapporten</button>'
        in html
    )


def test_approve_is_enabled_when_no_comment_is_open(client, report, adviser):
    client.force_login(adviser)
    html = client.get(
        reverse("reporting:review_report", args=[report.pk])
    ).content.decode()
    [button] = re.findall(r"<button[^>]*>Godkjenn rapporten</button>", html)
    assert "disabled" not in button
    assert "godkjenn-hvorfor" not in html


def test_approving_says_which_status_the_report_now_has(client, report, adviser):
    client.force_login(adviser)
    response = client.post(
        reverse("reporting:approve_report", args=[report.pk]), follow=True
    )
    html = response.content.decode()
    assert "har fått status «Godkjent» og er låst" in html
    assert "kan returneres eller godkjennes når enheten har sendt" not in html
    assert "Rapporten er godkjent og låst." in html
