"""One unit's world for the security tests: objects in every state a URL or a form
can point at, and the eight people who knock on them."""

import datetime
from dataclasses import dataclass

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.files.base import ContentFile
from django.utils import timezone

from circulars.models import Question, Rule
from reporting.models import (
    AdviserAssignment,
    Attachment,
    ChapterAssignment,
    ExportJob,
    GroupMapping,
    Invitation,
    Membership,
    MentorNomination,
    PortalRole,
    Report,
    ReviewComment,
    SectionAnswer,
    SentReminder,
    token_digest,
)
from tests import factories
from tests.reporting.export_data import every_kind_circular


@dataclass
class World:
    """One unit's objects in every state a URL can point at, and its people."""

    unit: object
    report: Report
    section: object
    answer: SectionAnswer
    comment: ReviewComment
    mentor: MentorNomination
    attachment: Attachment
    export_job: ExportJob
    document: object
    draft_section: object
    users: dict
    every_kind: SectionAnswer | None = None  # a draft section asking every kind

    @property
    def draft_circular(self):
        return self.draft_section.circular

    def admin_object(self, view):
        """An object of the model the admin view edits."""
        model = view.model_admin.model
        obj = model._default_manager.order_by("pk").first()
        if obj is None:
            pytest.fail(f"The world has no {model.__name__} for the admin's pages.")
        return obj


@pytest.fixture
def submitted_world(world):
    """The world with its report submitted (for the adviser's forms) and a second,
    draft report whose one section asks every kind of question."""
    from reporting.services import save_section_answer
    from reporting.services.signing import send_to_leader, sign_report

    save_section_answer(
        answer=world.answer,
        data={"plan": "Plan.", "antall": 3},
        based_on=world.answer.version,
        by=world.users["owner_contact"],
    )
    send_to_leader(report=world.report, by=world.users["owner_contact"])
    sign_report(report=world.report, by=world.users["owner_leader"])
    every_kind_circular(audience=(world.unit.kind,), year=2027)
    world.every_kind = SectionAnswer.objects.select_related("report", "section").get(
        report__unit=world.unit, report__circular__year=2027
    )
    return world


def admin_rows(*, report, adviser, user):
    """One row of each model the admin shows that the world has no other reason
    to make: a task in the database queue, a reminder, an assignment, and what
    django-axes records of logins."""
    from reporting.tasks import run_export

    run_export.using(backend="database").enqueue(job_id=0)
    SentReminder.objects.create(report=report, recipient=user, stage="deadline")
    AdviserAssignment.objects.create(adviser=adviser, unit=report.unit)
    GroupMapping.objects.create(
        claim_value="frogner-oxlo", role=PortalRole.CONTACT, unit=report.unit
    )
    Invitation.objects.create(
        email="ny@oslo.kommune.no",
        unit=report.unit,
        role=Membership.Role.CONTRIBUTOR,
        token_hash=token_digest("verdens-invitasjon"),
        invited_by=adviser,
        expires_at=timezone.now() + datetime.timedelta(days=14),
    )
    request = {
        "user_agent": "Chromium",
        "ip_address": "127.0.0.1",
        "username": user.username,
        "http_accept": "text/html",
        "path_info": "/logg-inn/",
    }
    AccessAttempt.objects.create(
        **request, get_data="", post_data="", failures_since_start=1
    )
    AccessFailureLog.objects.create(**request)
    AccessLog.objects.create(**request)


@pytest.fixture
def world(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    settings.TASKS = {
        **settings.TASKS,
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    unit = factories.UnitFactory(name="Bydel Frogner", slug="bydel-frogner")
    owner = factories.contact_of(unit, user__username="eier")
    leader = factories.leader_of(unit, user__username="leder")
    contributor = factories.contributor_of(unit, user__username="bidragsyter")
    unassigned = factories.contributor_of(unit, user__username="uten-kapittel")
    other = factories.contact_of(factories.UnitFactory(), user__username="fremmed")
    report = factories.report_for(unit)
    answer = report.answers.select_related("section").first()
    ChapterAssignment.objects.create(
        report=report, section=answer.section, contributor=contributor
    )
    adviser = factories.adviser(username="radgiver")
    draft_section = factories.SectionFactory()
    factories.QuestionFactory(section=draft_section, kind=Question.Kind.SHORT_TEXT)
    # A rule beside the questions, so the admin's rule fields get hostile input too.
    Rule.objects.create(
        section=draft_section,
        key="regel",
        left="antall",
        operator=Rule.Operator.AT_MOST,
        right="10",
        message="Høyst ti.",
    )
    comment = ReviewComment.objects.create(
        report=report, section=answer.section, author=adviser, text="Mangler tall."
    )
    mentor = MentorNomination.objects.create(
        report=report,
        name="Kari Nordmann",
        title="Rådgiver",
        email="kari@oslo.kommune.no",
        field="Rekruttering",
        informed=True,
        created_by=owner,
    )
    attachment = Attachment(
        report=report,
        section=answer.section,
        stored_name="vedlegg.pdf",
        original_name="vedlegg.pdf",
        content_type="application/pdf",
        size=9,
        uploaded_by=owner,
    )
    attachment.file.save("vedlegg.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    export_job = ExportJob.objects.create(
        kind=ExportJob.Kind.REPORT_PDF,
        status=ExportJob.Status.DONE,
        progress=100,
        requested_by=owner,
        report=report,
    )
    export_job.file.save("rapport.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    document = factories.DocumentFactory()
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    draft_section.circular.attachment.save(
        "utkast.pdf", ContentFile(b"%PDF-1.7\n"), save=True
    )
    admin_rows(report=report, adviser=adviser, user=owner)
    return World(
        unit=unit,
        report=report,
        section=answer.section,
        answer=answer,
        comment=comment,
        mentor=mentor,
        attachment=attachment,
        export_job=export_job,
        document=document,
        draft_section=draft_section,
        users={
            "anonymous": None,
            "other_contact": other,
            "owner_contact": owner,
            "owner_contributor": contributor,
            "unassigned_contributor": unassigned,
            "owner_leader": leader,
            "adviser": adviser,
            "administrator": factories.administrator(username="admin"),
        },
    )
