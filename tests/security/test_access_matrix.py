"""The access matrix, generated from the URL resolver: every pattern of the project,
its ids filled with objects of one unit, requested by eight people with every method.

A view added tomorrow is in this test tomorrow: it fails until ACCESS below says
who may use it and KWARGS knows which object of the world fills each URL parameter.
The people allowed must reach the object (no 404), so the others' refusal is a
refusal of a real object of another unit, never of an id that happens not to exist.
Nothing may answer with a 500.
"""

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from reporting.models import Invitation, Report, token_digest
from reporting.services.units import mentor_decline_url
from tests.security.admin_pages import superuser_only_pages

ROLES = [
    "anonymous",
    "other_contact",
    "owner_contact",
    "owner_contributor",  # the world's one chapter is assigned to them
    "unassigned_contributor",  # in the unit, but given no chapter
    "owner_leader",
    "adviser",
    "administrator",
]
LOGGED_IN = ROLES[1:]
EVERYONE = ROLES
REVIEWERS = ["adviser", "administrator"]
# The unit's people: the contact and contributors write (a contributor only the
# chapters given to them), the leader reads and signs.
UNIT = ["owner_contact", "owner_contributor", "unassigned_contributor", "owner_leader"]
WRITERS = ["owner_contact", "owner_contributor"]

# Who may use each view: {url name (or "namespace:*"): roles allowed}. Allowed means
# "anything but a 500"; everyone else must be refused: anonymous sent to a login
# page, the others 403/404 (or 405 for a method the view refuses anyway).
ACCESS: dict[str, list[str]] = {
    "healthz": EVERYONE,
    "favicon": EVERYONE,
    "login": EVERYONE,
    "logout": EVERYONE,
    "set_language": EVERYONE,
    "password_change": LOGGED_IN,
    "password_reset": EVERYONE,
    "password_reset_done": EVERYONE,
    "password_reset_confirm": EVERYONE,
    "password_reset_complete": EVERYONE,
    "oidc_authentication_init": EVERYONE,
    "oidc_authentication_callback": EVERYONE,
    "password_change_done": LOGGED_IN,
    "circulars:library": EVERYONE,
    "circulars:circular_detail": EVERYONE,
    "circulars:document_detail": EVERYONE,
    "circulars:privacy": EVERYONE,
    "circulars:accessibility": EVERYONE,
    "document_file": EVERYONE,
    # The world's is a draft's; a public circular's PDF is everyone's.
    "circular_attachment": ["administrator"],
    "reporting:home": LOGGED_IN,
    "reporting:audit_log": ["administrator"],
    "reporting:notification_settings": LOGGED_IN,
    "reporting:matrix": REVIEWERS,
    "reporting:matrix_csv": REVIEWERS,
    "reporting:matrix_bulk": REVIEWERS,
    "reporting:review_report": REVIEWERS,
    "reporting:return_report": REVIEWERS,
    "reporting:approve_report": REVIEWERS,
    "reporting:reopen_report": REVIEWERS,
    "reporting:add_comment": REVIEWERS,
    "reporting:reply_comment": [*UNIT, *REVIEWERS],
    "reporting:resolve_comment": REVIEWERS,
    "reporting:report_comments": [*UNIT, *REVIEWERS],
    "reporting:report_detail": [*UNIT, *REVIEWERS],
    "reporting:report_oxlo": [*UNIT, *REVIEWERS],
    "reporting:report_sign": ["owner_leader"],
    "reporting:chapter_assign": ["owner_contact"],
    "reporting:section_edit": [*UNIT, *REVIEWERS],
    "reporting:section_history": [*UNIT, *REVIEWERS],
    "reporting:attachment_download": [*UNIT, *REVIEWERS],
    "reporting:report_submit": ["owner_contact"],
    "reporting:report_receipt": [*UNIT, *REVIEWERS],
    "reporting:mentor_delete": ["owner_contact"],
    # The nominee has no account: the signed link is the key.
    "reporting:mentor_decline": EVERYONE,
    "reporting:unit_detail": [*UNIT, *REVIEWERS],
    "reporting:network": REVIEWERS,
    "reporting:network_xlsx": REVIEWERS,
    "reporting:section_autosave": WRITERS,
    "reporting:attachment_upload": WRITERS,
    "reporting:attachment_delete": WRITERS,
    "reporting:section_copy": WRITERS,
    "reporting:section_restore": WRITERS,
    "reporting:session_keepalive": LOGGED_IN,
    "reporting:unit_team": [*UNIT, *REVIEWERS],
    "reporting:my_data": LOGGED_IN,
    "reporting:deactivate_member": REVIEWERS,
    "reporting:invitation_revoke": REVIEWERS,
    # The e-mailed link is the key: anyone holding it may accept once.
    "reporting:invitation_accept": EVERYONE,
    "reporting:circular_preview": ["administrator"],
    "reporting:export_start": REVIEWERS,
    "reporting:report_export": [*UNIT, *REVIEWERS],
    "reporting:publication_overview": REVIEWERS,
    "reporting:summary_edit": REVIEWERS,
    "reporting:assessment_edit": REVIEWERS,
    # An export job is its orderer's alone (here the owning unit's contact).
    "reporting:export_detail": ["owner_contact"],
    "reporting:export_status": ["owner_contact"],
    "reporting:export_download": ["owner_contact"],
    "reporting:export_retry": ["owner_contact"],
    "admin:login": EVERYONE,
    "admin:logout": EVERYONE,
    "admin:*": ["administrator"],
}
# What the Administrator role holds no permission for (login attempts, groups,
# task results, deleting people) is a superuser's alone (tests/security/
# test_admin_roles.py).
ACCESS |= dict.fromkeys(superuser_only_pages(), [])

# Views whose normal answer is the login page (so "sent to login" is no refusal).
ENDS_AT_LOGIN = {"logout", "admin:logout"}

# How to fill URL parameters, most specific first: (url name, kwarg),
# (namespace, kwarg), kwarg. Each entry takes the World and the pattern's view and
# gives an object of the world (its pk goes into the URL) or a name; never
# an id written down, which would point at whatever the database handed out.
KWARGS = {
    ("circulars", "pk"): lambda w, view: w.report.circular,
    ("circulars", "slug"): lambda w, view: w.document.slug,
    ("reporting", "pk"): lambda w, view: w.report,
    ("reporting:reply_comment", "pk"): lambda w, view: w.comment,
    ("reporting:resolve_comment", "pk"): lambda w, view: w.comment,
    ("reporting:circular_preview", "pk"): lambda w, view: w.report.circular,
    ("reporting:export_detail", "pk"): lambda w, view: w.export_job,
    ("reporting:export_status", "pk"): lambda w, view: w.export_job,
    ("reporting:export_download", "pk"): lambda w, view: w.export_job,
    ("reporting:export_retry", "pk"): lambda w, view: w.export_job,
    ("reporting:mentor_decline", "token"): lambda w, view: mentor_token(w.mentor),
    ("reporting", "slug"): lambda w, view: w.unit.slug,
    "user_pk": lambda w, view: w.users["owner_contact"],
    ("reporting:invitation_accept", "token"): lambda w, view: "verdens-invitasjon",
    "invitation_pk": lambda w, view: Invitation.objects.get(
        token_hash=token_digest("verdens-invitasjon")
    ),
    "section_pk": lambda w, view: w.section,
    ("reporting", "year"): lambda w, view: w.report.circular.reporting_year,
    ("reporting", "topic"): lambda w, view: w.section.topic,
    "mentor_pk": lambda w, view: w.mentor,
    "attachment_pk": lambda w, view: w.attachment,
    # The admin's own parameters.
    "object_id": lambda w, view: w.admin_object(view),
    ("admin:view_on_site", "object_id"): lambda w, view: w.report,
    ("admin:circulars_circular_publish", "pk"): lambda w, view: w.draft_circular,
    ("admin:circulars_circular_withdraw", "pk"): lambda w, view: w.draft_circular,
    ("admin:circulars_circular_copy", "pk"): lambda w, view: w.draft_circular,
    ("admin:circulars_circular_replace", "pk"): lambda w, view: w.draft_circular,
    ("admin:auth_user_password_change", "id"): lambda w, view: w.users["other_contact"],
    "app_label": lambda w, view: "reporting",
    "uidb64": lambda w, view: urlsafe_base64_encode(
        force_bytes(w.users["owner_contact"].pk)
    ),
    "token": lambda w, view: "ugyldig-lenke",
    "content_type_id": lambda w, view: ContentType.objects.get_for_model(Report),
    # The admin's catch-all: its point is a path that matches nothing.
    "url": lambda w, view: "finnes-ikke/",
    ("circular_attachment", "name"): lambda w, view: w.draft_circular.attachment.name,
    ("document_file", "name"): lambda w, view: w.document.file.name,
}

# Views that delete their object: after the first person allowed has done so, the
# others allowed find nothing there.
DELETES_ITS_OBJECT = {"reporting:mentor_delete", "reporting:attachment_delete"}


def mentor_token(mentor) -> str:
    return mentor_decline_url(mentor).rstrip("/").rsplit("/", 1)[1]


# Views whose every answer is "not found" by design, for everyone.
FINDS_NOTHING = {"admin/(?P<url>.*)$"}

LOGIN_URLS = ("/logg-inn/", "/admin/login/")
SKIP_METHODS = {"head", "options", "trace"}


@dataclass
class Route:
    name: str
    pattern: URLPattern
    namespace: str
    prefix: str
    resolver: URLResolver

    def path(self, kwargs) -> str:
        if self.pattern.name:
            return reverse(self.name, kwargs=kwargs or None)
        # An unnamed pattern (the admin's catch-all): reverse it by its view.
        return (
            "/" + self.prefix + self.resolver.reverse(self.pattern.callback, **kwargs)
        )


def walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or namespace
            if namespace and entry.namespace:
                ns = f"{namespace}:{entry.namespace}"
            yield from walk(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            name = entry.name or f"{prefix}{entry.pattern}"
            if namespace and entry.name:
                name = f"{namespace}:{entry.name}"
            yield Route(name, entry, namespace, prefix, resolver)


ROUTES = list(walk(get_resolver()))


def methods_of(view) -> list[str]:
    """GET and POST always; other methods a class-based view says it handles."""
    view_class = getattr(view, "view_class", None)
    extra = []
    if view_class is not None:
        extra = [
            m.upper()
            for m in view_class.http_method_names
            if m not in {"get", "post", *SKIP_METHODS} and hasattr(view_class, m)
        ]
    return ["GET", "POST", *extra]


def allowed_roles(name: str, namespace: str) -> list[str]:
    for key in (name, f"{namespace}:*"):
        if key in ACCESS:
            return ACCESS[key]
    pytest.fail(
        f"The URL {name!r} has no line in ACCESS in {__file__}: say who may use it."
    )


def fill(name: str, namespace: str, kwarg: str, world, view) -> str:
    """The URL parameter from the world's object, which must be in the database."""
    for key in ((name, kwarg), (namespace, kwarg), kwarg):
        if key in KWARGS:
            value = KWARGS[key](world, view)
            break
    else:
        pytest.fail(
            f"The URL {name!r} takes a parameter {kwarg!r} this test cannot fill. "
            f"Add it to KWARGS in {__file__} (e.g. {kwarg!r}: lambda w, view: "
            f"w.report, or keyed ({namespace!r}, {kwarg!r}) if it means something "
            f"else here), and give the view its line in ACCESS."
        )
    if not isinstance(value, Model):
        return str(value)
    if not type(value)._default_manager.filter(pk=value.pk).exists():
        pytest.fail(f"{name}: {kwarg}={value.pk} is no {type(value).__name__} saved.")
    return str(value.pk)


def test_the_matrix_sees_the_projects_urls():
    names = {route.name for route in ROUTES}
    assert {"healthz", "login", "reporting:home", "circulars:library"} <= names


@pytest.mark.parametrize("route", ROUTES, ids=[route.name for route in ROUTES])
def test_url_answers_each_role_as_the_table_says_and_never_500(world, sso, route):
    name, pattern, namespace = route.name, route.pattern, route.namespace
    kwargs = {
        kwarg: fill(name, namespace, kwarg, world, pattern.callback)
        for kwarg in pattern.pattern.regex.groupindex
    }
    path = route.path(kwargs)
    allowed = allowed_roles(name, namespace)
    wrong = []
    deleted = False
    for role in ROLES:
        client = Client()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        statuses = set()
        for method in methods_of(pattern.callback):
            response = client.generic(method, path)
            statuses.add(response.status_code)
            # The test client raises on an exception in a view; a 500 from a
            # handler that caught it is just as wrong.
            assert response.status_code < 500, f"{method} {path} as {role}: 500"
            if role not in allowed and not refused(role, response):
                wrong.append(f"{method} {path} as {role}: {response.status_code}")
            if (
                role in allowed
                and sent_to_login(response)
                and name not in ENDS_AT_LOGIN
            ):
                wrong.append(f"{method} {path} as {role}: sent to login")
        if role in allowed and not statuses <= {404, 405}:
            deleted = name in DELETES_ITS_OBJECT
        elif role in allowed and name not in FINDS_NOTHING and not deleted:
            wrong.append(
                f"{path} as {role}: {sorted(statuses)}, the view never found its "
                f"object (does KWARGS give it the right one?)"
            )
    assert not wrong, (
        f"{name} does not answer as ACCESS says (add the view there if these "
        f"people may use it):\n" + "\n".join(wrong)
    )


def sent_to_login(response) -> bool:
    location = response.headers.get("Location", "")
    return response.status_code == 302 and location.startswith(LOGIN_URLS)


def refused(role: str, response) -> bool:
    if sent_to_login(response):
        return True
    if response.status_code == 404:  # nothing there, or nothing for this person
        return True
    if response.status_code in {401, 405}:  # JSON "log in again"; wrong method
        return True
    return role != "anonymous" and response.status_code == 403


# docs/access.md: the table above as people read it, kept current by the test below.
ACCESS_DOC = Path(__file__).resolve().parents[2] / "docs" / "access.md"
ROLE_HEADINGS = {
    "anonymous": "anonymous",
    "other_contact": "another unit's contact",
    "owner_contact": "the unit's contact",
    "owner_contributor": "contributor given the chapter",
    "unassigned_contributor": "contributor not given it",
    "owner_leader": "the unit's leader",
    "adviser": "adviser",
    "administrator": "administrator",
}


REGENERATE = (
    "OXLO_WRITE_ACCESS_DOC=1 pytest tests/security/test_access_matrix.py -k docs_access"
)
ADMIN_IN_DOC = {"admin:login", "admin:logout", "admin:index"}


def readable(pattern: str) -> str:
    """A regular expression's address as the others are written: `<name>`."""
    return re.sub(r"\(\?P<(\w+)>([\w/]*)[^)]*\)", r"\2<\1>", pattern).strip("^$")


def access_doc() -> str:
    """Markdown: who may use each address of the portal, from ACCESS."""
    lines = [
        "# Who may use each address",
        "",
        "Generated from `ACCESS` in `tests/security/test_access_matrix.py`, the",
        "table that test checks against every URL of the project with each person",
        "below and every method. Regenerate with",
        f"`{REGENERATE}`.",
        "",
        "✓ may open it (what the page then lets them change may still depend on",
        "the report's status and their role: the leader reads the OXLO page, only",
        "the contact changes it); – refused: sent to the login page, 403 or 404",
        "(another unit's objects are never found). «The unit» owns the object in",
        "the address; «the chapter» is the one in the address.",
        "",
        "| address | name | " + " | ".join(ROLE_HEADINGS.values()) + " |",
        "| --- | --- |" + " :-: |" * len(ROLES),
    ]
    for route in ROUTES:
        if route.namespace == "admin" and route.name not in ADMIN_IN_DOC:
            continue
        allowed = allowed_roles(route.name, route.namespace)
        marks = " | ".join("✓" if role in allowed else "–" for role in ROLES)
        address = "/" + route.prefix + readable(str(route.pattern.pattern))
        lines.append(f"| `{address}` | `{route.name}` | {marks} |")
    lines += [
        "",
        "An export job is its orderer's alone (in the test, the unit's contact).",
        "Every other page of the Django admin (`/admin/…`) is the administrator's;",
        "those of models the Administrator role holds no permission for (see",
        "`reporting/roles.py`) are a superuser's alone.",
        "",
    ]
    return "\n".join(lines)


def test_docs_access_is_the_table_the_matrix_checks():
    if os.environ.get("OXLO_WRITE_ACCESS_DOC"):
        ACCESS_DOC.write_text(access_doc(), encoding="utf-8")
    assert ACCESS_DOC.read_text(encoding="utf-8") == access_doc(), (
        f"docs/access.md is not the table in ACCESS: regenerate it with {REGENERATE}"
    )
