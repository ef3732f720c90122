"""Every hostile value typed into every free-text field of every registered form:
refused with a message next to the field (and nothing else typed lost), or stored
and shown inert wherever it is shown. Never a 500.

Another area's form joins with one line in FORMS: where it is, who opens it, which
form on the page, and the pages that show what it stored.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.test import Client
from django.urls import reverse

from reporting.models import GroupMapping, Report
from tests.forms import read_form
from tests.hostile import HOSTILE_VALUES, shown_raw

ERROR_MARKS = ("errorlist", "field-error", "pkt-alert--error", "errornote")


def admin_change(obj) -> str:
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


def admin_list(model) -> str:
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")


@dataclass
class HostileForm:
    url: Callable  # World -> the page with the form
    user: str = "anonymous"  # a role in World.users
    form: Callable = field(default=lambda w: None)  # World -> its id or action
    shown_at: Callable = field(default=lambda w: [])  # World -> pages showing it
    extra: dict = field(default_factory=dict)  # the button a person presses
    prepare: Callable = field(default=lambda w: None)  # World -> the form's state


FORMS = {
    "login": HostileForm(lambda w: reverse("login"), form=lambda w: "login-form"),
    "password change": HostileForm(
        lambda w: reverse("password_change"),
        "owner_contact",
        lambda w: "password-change-form",
    ),
    "admin circular": HostileForm(
        lambda w: admin_change(w.draft_section.circular),
        "administrator",
        lambda w: "circular_form",
        lambda w: [admin_list(w.draft_section.circular)],
    ),
    "admin section and questions": HostileForm(
        lambda w: admin_change(w.draft_section),
        "administrator",
        lambda w: "section_form",
        lambda w: [admin_list(w.draft_section)],
    ),
    "admin document": HostileForm(
        lambda w: admin_change(w.document),
        "administrator",
        lambda w: "document_form",
        lambda w: [admin_list(w.document), reverse("circulars:library")],
    ),
    "admin unit": HostileForm(
        lambda w: admin_change(w.unit),
        "administrator",
        lambda w: "unit_form",
        lambda w: [admin_list(w.unit)],
    ),
    "admin group mapping": HostileForm(
        lambda w: admin_change(GroupMapping.objects.get()),
        "administrator",
        lambda w: "groupmapping_form",
        lambda w: [admin_list(GroupMapping)],
    ),
    "invitation": HostileForm(
        lambda w: reverse("reporting:unit_team", args=[w.unit.slug]),
        "adviser",
        lambda w: "invite-form",
        lambda w: [reverse("reporting:unit_team", args=[w.unit.slug])],
    ),
    # The e-mailed link of the world's open invitation, by someone with no account.
    "invitation accepted with a password": HostileForm(
        lambda w: reverse("reporting:invitation_accept", args=["verdens-invitasjon"]),
        form=lambda w: "accept-form",
        shown_at=lambda w: [reverse("reporting:my_data"), reverse("reporting:home")],
        extra={"password": "1"},
    ),
    "leader's return note": HostileForm(
        lambda w: reverse("reporting:report_sign", args=[w.report.pk]),
        "owner_leader",
        lambda w: "leader-return-form",
        lambda w: [reverse("reporting:report_detail", args=[w.report.pk])],
        extra={"return": "1"},
        prepare=lambda w: at_the_leader(w),
    ),
    "review comment": HostileForm(
        lambda w: reverse("reporting:review_report", args=[w.report.pk]),
        "adviser",
        lambda w: reverse("reporting:add_comment", args=[w.report.pk]),
        lambda w: [reverse("reporting:report_comments", args=[w.report.pk])],
    ),
    "comment reply": HostileForm(
        lambda w: reverse("reporting:report_comments", args=[w.report.pk]),
        "owner_contact",
        lambda w: reverse("reporting:reply_comment", args=[w.comment.pk]),
        lambda w: [reverse("reporting:report_detail", args=[w.report.pk])],
    ),
    "return reason": HostileForm(
        lambda w: reverse("reporting:review_report", args=[w.report.pk]),
        "adviser",
        lambda w: reverse("reporting:return_report", args=[w.report.pk]),
        lambda w: [reverse("reporting:report_detail", args=[w.report.pk])],
    ),
    "section answer": HostileForm(
        lambda w: reverse("reporting:section_edit", args=section_ids(w)),
        "owner_contact",
        lambda w: "section-form",
        lambda w: [
            reverse("reporting:report_detail", args=[w.every_kind.report_id]),
            reverse("reporting:section_history", args=section_ids(w)),
        ],
    ),
    "oxlo contact": HostileForm(
        lambda w: reverse("reporting:report_oxlo", args=[w.every_kind.report_id]),
        "owner_contact",
        lambda w: "contact-form",
        extra={"contact": "1"},
    ),
    "mentor nomination": HostileForm(
        lambda w: reverse("reporting:report_oxlo", args=[w.every_kind.report_id]),
        "owner_contact",
        lambda w: "mentor-form",
        extra={"mentor": "1"},
    ),
    # The typed sign-off is for units without a leader in the portal: the other
    # unit's report to the same circular.
    "submit sign-off": HostileForm(
        lambda w: reverse("reporting:report_submit", args=[leaderless(w).pk]),
        "other_contact",
        lambda w: "submit-form",
        lambda w: [reverse("reporting:report_detail", args=[leaderless(w).pk])],
    ),
}


def at_the_leader(world) -> None:
    """The world's signed report returned by the adviser, then sent to the leader
    again: the leader may now return it with a note."""
    from reporting.services.review import return_report
    from reporting.services.signing import send_to_leader

    report = return_report(
        report=world.report, reason="Rett tallene.", by=world.users["adviser"]
    )
    send_to_leader(report=report, by=world.users["owner_contact"])


def leaderless(world) -> Report:
    return Report.objects.get(
        unit__memberships__user=world.users["other_contact"],
        circular=world.every_kind.report.circular,
    )


def section_ids(world) -> list[int]:
    return [world.every_kind.report_id, world.every_kind.section_id]


def client_for(world, role: str) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def page(response) -> str:
    assert response.status_code < 500
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("value_name", HOSTILE_VALUES)
@pytest.mark.parametrize("form_name", FORMS)
def test_hostile_value_is_refused_with_a_message_or_stored_inert(
    submitted_world, form_name, value_name
):
    world = submitted_world
    spec, value = FORMS[form_name], HOSTILE_VALUES[value_name]
    spec.prepare(world)
    client = client_for(world, spec.user)
    url = spec.url(world)
    selector = spec.form(world)
    form = read_form(page(client.get(url)), selector)
    target = form.action or url
    fields = form.text_fields
    assert fields, f"{form_name}: no text field found on {url}"
    stored = False
    # Fields that refuse the value get their old value back and the rest are
    # sent again, so a strict slug does not hide what a free-text field does.
    for _ in range(3):
        response = client.post(
            target, {**form.data, **spec.extra, **dict.fromkeys(fields, value)}
        )
        html = page(response)
        assert not shown_raw(value, html), f"{form_name} echoes {value_name} raw"
        if response.status_code not in (200, 400):
            stored = True
            break
        assert any(mark in html for mark in ERROR_MARKS), (
            f"{form_name} refused {value_name} without saying why"
        )
        again = read_form(html, selector)
        for name in set(fields) - again.invalid:
            if name in again.data and "password" not in name:
                assert again.data[name][0].strip() == value.strip(), (
                    f"{form_name} lost what was typed in {name}"
                )
        fields = [name for name in fields if name not in again.invalid]
        if not fields or not again.invalid:
            break
    if stored:
        for shown in [url, *spec.shown_at(world)]:
            html = page(client.get(shown))
            assert not shown_raw(value, html), f"{shown} shows {value_name} raw"
