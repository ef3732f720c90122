"""The contact's side of a report: overview, sections, autosave, history, submit."""

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from oxlo_portal.views import answers_in_json

from ..chapters import chapters, correction_start
from ..errors import ReportingError, ReportLocked, StaleAnswer
from ..forms.answers import SectionAnswerForm
from ..forms.report import SubmitForm
from ..models import Membership, Report
from ..permissions import (
    can_edit_report,
    can_edit_section,
    can_sign_report,
    can_submit_report,
    has_unit_role,
    is_contributor_only,
    is_member,
)
from ..rules import section_violations
from ..selectors import (
    assigned_chapters,
    chapter_contributors,
    editing_message,
    editing_now,
    leader_note,
    open_comments,
    previous_answers,
    report_overview,
    unit_contributors,
)
from ..services import save_section_answer, submit_report
from ..services.chapters import mark_editing
from ..services.signing import leaders_of, send_to_leader
from ..submission import (
    answers_with_questions,
    latest_receipt,
    submission_problems,
    submission_summary,
)


def readable_report(request, pk) -> Report:
    """The report if the user may read it; any other id is a 404."""
    return get_object_or_404(
        Report.objects.for_user(request.user).select_related("circular", "unit"), pk=pk
    )


def editable_report(request, pk) -> Report:
    """The report if the user is one of the unit's contacts or contributors (not
    its leader, who reads and signs); else 404 or 403."""
    report = readable_report(request, pk)
    if not has_unit_role(
        request.user,
        report.unit,
        Membership.Role.CONTACT,
        Membership.Role.CONTRIBUTOR,
    ):
        raise PermissionDenied
    return report


NOT_YOUR_CHAPTER = gettext_lazy(
    "Kontaktpersonen har ikke gitt deg dette kapittelet. Du kan lese det, men bare "
    "skrive i kapitlene du har fått. Be kontaktpersonen om å gi deg kapittelet hvis "
    "du skal skrive i det."
)


def check_can_save(request, report: Report, section) -> None:
    """Refuse a save before the request's data is read or any form is built: 403
    for anyone who may not edit this chapter (outside the unit, the leader, a
    contributor it is not assigned to), `ReportLocked` once the report is sent."""
    if not is_member(request.user, report.unit):
        raise PermissionDenied
    if not report.is_editable:
        raise ReportLocked
    if not can_edit_section(request.user, report, section):
        if is_contributor_only(request.user, report.unit):
            raise PermissionDenied(NOT_YOUR_CHAPTER)
        raise PermissionDenied


def section_answer(report: Report, section_pk):
    return get_object_or_404(
        report.answers.select_related("section", "updated_by").prefetch_related(
            "section__questions", "section__rules"
        ),
        section_id=section_pk,
    )


def report_detail(request, pk):
    """Every section with its completeness, last edit and open comments."""
    report = readable_report(request, pk)
    answers = report_overview(report)
    comments = open_comments(report)
    editing = editing_now(report, exclude=request.user)
    assigned = chapter_contributors(report)
    for answer in answers:
        answer.open_comments = [
            c for c in comments if c.section_id == answer.section_id
        ]
        answer.editing = editing_message(editing.get(answer.section_id, []))
        answer.contributors = assigned.get(answer.section_id, [])
    can_edit = can_edit_report(request.user, report)
    return render(
        request,
        "reporting/report_detail.html",
        {
            "report": report,
            "answers": answers,
            "chapters": chapters(answers),
            "comments": [c for c in comments if c.section_id is None],
            "can_edit": can_edit,
            "can_submit": can_submit_report(request.user, report),
            "unit_contributors": unit_contributors(report.unit),
            "can_sign": can_sign_report(request.user, report),
            "leader_note": leader_note(report),
            "correction_url": correction_start(report, answers, comments)
            if can_edit and report.status == Report.Status.RETURNED
            else None,
            "receipt": latest_receipt(report) if report.submitted_at else None,
            "is_member": is_member(request.user, report.unit),
        },
    )


def _section_context(request, report, answer, form, **extra):
    can_edit = can_edit_section(request.user, report, answer.section)
    if can_edit:
        mark_editing(report=report, section=answer.section, by=request.user)
    else:
        form.disable()
    not_assigned = (
        not can_edit
        and report.is_editable
        and is_contributor_only(request.user, report.unit)
    )
    form.violations = section_violations(answer)
    return {
        "report": report,
        "answer": answer,
        "section": answer.section,
        "form": form,
        "blocks": form.blocks(),
        "can_edit": can_edit,
        "not_your_chapter": NOT_YOUR_CHAPTER if not_assigned else "",
        "your_chapters": (
            assigned_chapters(report, request.user) if not_assigned else []
        ),
        "is_member": is_member(request.user, report.unit),
        "has_previous": bool(form.previous),
        "previous_year": (report.circular.reporting_year or 1) - 1,
        "comments": open_comments(report, answer.section),
        "last_year_values": _last_year_values(form) if can_edit else {},
        "chapters": chapters(
            report_overview(report), current_section_id=answer.section_id
        ),
        "attachments": report.attachments.filter(section=answer.section),
        "session_seconds": renew_session(request),
        "editing": _editing(request, report, answer.section),
        **extra,
    }


def _editing(request, report, section) -> str:
    """«‹navn› redigerer dette kapittelet» for the others who have it open."""
    names = editing_now(report, exclude=request.user).get(section.pk, [])
    return editing_message(names)


def warn_about_rules(request, answer) -> None:
    """A saved draft keeps answers that break rules; say so, do not refuse."""
    broken = section_violations(answer)
    if broken:
        messages.warning(
            request,
            ngettext(
                "%(count)s svar bryter en regel i rundskrivet. Se varselet i "
                "kapittelet.",
                "%(count)s svar bryter regler i rundskrivet. Se varslene i kapittelet.",
                len(broken),
            )
            % {"count": len(broken)},
        )


def answer_form(answer, previous, data=None, *, use_previous=()):
    return SectionAnswerForm(
        data,
        questions=answer.section.questions.all(),
        rules=answer.section.rules.all(),
        stored=answer.data,
        raw=answer.raw,
        previous=previous.get(answer.section.topic, {}),
        use_previous=use_previous,
        initial={"based_on": answer.version},
    )


def _last_year_values(form) -> dict:
    """Last year's answers as field values, for «Bruk fjorårets svar» in the
    browser (filled in only after the person has seen and confirmed them)."""
    if not form.previous:
        return {}
    return SectionAnswerForm(
        questions=form.questions, stored=form.previous, rules=form.rules
    ).field_values()


def _store(form, answer, by):
    """Save everything the form holds: valid values, and the rest as typed."""
    return save_section_answer(
        answer=answer,
        data=form.to_data(),
        raw=form.raw_values(),
        invalid=len(form.content_errors()),
        based_on=form.cleaned_data["based_on"],
        by=by,
    )


def _saved_message(request, answer) -> None:
    messages.success(
        request,
        _("Utkastet er lagret %(time)s.")
        % {"time": time_format(timezone.localtime(), "H:i")},
    )
    if answer.invalid:
        messages.warning(
            request,
            ngettext(
                "%(count)s svar er lagret slik du skrev det, men må rettes før "
                "rapporten kan sendes inn.",
                "%(count)s svar er lagret slik du skrev dem, men må rettes før "
                "rapporten kan sendes inn.",
                answer.invalid,
            )
            % {"count": answer.invalid},
        )


def section_edit(request, pk, section_pk):
    """The section's form; POST saves a draft as typed, valid or not."""
    report = readable_report(request, pk)
    answer = section_answer(report, section_pk)
    if request.method == "POST":
        try:
            check_can_save(request, report, answer.section)
        except ReportLocked as error:
            messages.error(request, str(error))
            return redirect(report)
    previous = previous_answers(report)
    if request.method != "POST":
        form = answer_form(answer, previous)
        filled = form.last_year_keys(request.GET.get("fra_i_fjor", ""))
        if filled and can_edit_report(request.user, report):
            form = answer_form(answer, previous, use_previous=filled)
        return render(
            request,
            "reporting/section_form.html",
            _section_context(request, report, answer, form, filled=filled),
        )
    form = answer_form(answer, previous, request.POST)
    if not form.is_savable():
        return render(
            request,
            "reporting/section_form.html",
            _section_context(request, report, answer, form),
            status=400,
        )
    conflict = None
    try:
        answer = _store(form, answer, request.user)
    except ReportLocked as error:
        messages.error(request, str(error))
        return redirect(report)
    except StaleAnswer:
        answer.refresh_from_db()
        conflict = answer_form(answer, previous)
        # Saving again now deliberately replaces the other person's version.
        form.data = form.data.copy()
        form.data["based_on"] = answer.version
    else:
        _saved_message(request, answer)
        warn_about_rules(request, answer)
        which = request.POST.get("copy", "")
        if form.last_year_keys(which):
            # Without JavaScript: what is typed is saved, last year's is shown
            # beside it, and fills the fields only once the person confirms.
            copy_url = reverse("reporting:section_copy", args=[report.pk, section_pk])
            return redirect(f"{copy_url}?{urlencode({'sporsmal': which})}")
        return redirect("reporting:section_edit", report.pk, section_pk)
    return render(
        request,
        "reporting/section_form.html",
        _section_context(request, report, answer, form, conflict=conflict),
        status=409,
    )


def _field_errors(form) -> dict:
    return {
        name: [error["message"] for error in errors.get_json_data()]
        for name, errors in form.content_errors().items()
    }


@answers_in_json
@login_not_required
@require_POST
def section_autosave(request, pk, section_pk):
    """JSON: save one section as typed, valid or not (each field's message comes
    back with the save); 401 when the session has expired, 409 on conflict, 423
    when the report is locked, 400 for a request the form cannot take (413 for
    too much data: `oxlo_portal.views`)."""
    if not request.user.is_authenticated:
        return JsonResponse(
            {"error": _("Økten din er utløpt. Logg inn igjen.")}, status=401
        )
    report = readable_report(request, pk)
    answer = section_answer(report, section_pk)
    try:
        check_can_save(request, report, answer.section)
    except ReportLocked as error:
        return JsonResponse({"error": str(error)}, status=423)
    form = answer_form(answer, previous_answers(report), request.POST)
    if not form.is_savable():
        return JsonResponse(
            {"error": _("Skjemaet kunne ikke lagres."), "errors": form.errors},
            status=400,
        )
    try:
        answer = _store(form, answer, request.user)
    except ReportLocked as error:
        return JsonResponse({"error": str(error)}, status=423)
    except StaleAnswer as error:
        answer.refresh_from_db()
        return JsonResponse(
            {
                "error": str(error),
                "version": answer.version,
                "saved": answer.data,
                "saved_by": str(answer.updated_by or ""),
            },
            status=409,
        )
    mark_editing(report=report, section=answer.section, by=request.user)
    saved_at = time_format(timezone.localtime(answer.updated_at), "H:i")
    return JsonResponse(
        {
            "version": answer.version,
            "saved_at": saved_at,
            "status": _("Lagret %(time)s") % {"time": saved_at},
            "answered": answer.answered,
            "required_missing": answer.required_missing,
            "errors": _field_errors(form),
            "summary": [
                {"id": id_, "label": str(label), "message": str(message)}
                for id_, label, message in form.error_links()
            ],
            "explain": form.keys_needing_explanation(),
            "editing": _editing(request, report, answer.section),
            "rules": _rule_links(form, answer),
            "session_seconds": renew_session(request),
        }
    )


def _rule_links(form, answer) -> list[dict]:
    """The broken rules for the warnings at the top, refreshed with each autosave."""
    form.violations = section_violations(answer)
    return [
        {"id": id_, "message": str(message)} for id_, message in form.violation_links()
    ]


RENEW_SESSION_EVERY = 60  # seconds; a renewal is a database write


def renew_session(request) -> int:
    """Renew the session from now, at most once a minute (autosave calls this every
    few seconds); return the seconds it has left, for the page's timer."""
    session, now = request.session, int(time.time())
    renewed = session.get("renewed_at", 0)
    if now - renewed >= RENEW_SESSION_EVERY:
        session["renewed_at"] = renewed = now
    return session.get_expiry_age() - (now - renewed)


@require_POST
def session_keepalive(request):
    """Renew the session so a person who is still working is not logged out."""
    return JsonResponse({"session_seconds": renew_session(request)})


def report_submit(request, pk):
    """Every answer per chapter, each question still in the way linked to its
    field, then: send to the unit's leader to sign, or, in a unit with no leader
    in the portal, the typed sign-off, confirmation and submit."""
    report = readable_report(request, pk)
    if not has_unit_role(request.user, report.unit, Membership.Role.CONTACT):
        raise PermissionDenied(
            _("Bare enhetens kontaktperson sender inn rapporten.")
            if is_member(request.user, report.unit)
            else ""
        )
    leaders = leaders_of(report.unit)
    if request.method == "POST" and "to_leader" in request.POST:
        try:
            send_to_leader(report=report, by=request.user)
        except ReportingError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Rapporten er sendt til %(names)s for signering.")
                % {
                    "names": ", ".join(u.get_full_name() or u.username for u in leaders)
                },
            )
            return redirect(report)
    answers = answers_with_questions(report)
    problems = submission_problems(report, answers) if report.is_editable else []
    form = SubmitForm(
        request.POST or None,
        unit=report.unit,
        initial={
            "signed_off_name": report.signed_off_name,
            "signed_off_title": report.signed_off_title,
        },
    )
    if request.method == "POST" and not leaders and form.is_valid():
        try:
            submit_report(
                report=report,
                signed_off_name=form.cleaned_data["signed_off_name"],
                signed_off_title=form.cleaned_data["signed_off_title"],
                by=request.user,
            )
        except ReportingError as error:
            messages.error(request, str(error))
            problems = submission_problems(report)
        else:
            messages.success(
                request, _("Rapporten er sendt inn. Den er låst til rådgiveren svarer.")
            )
            return redirect("reporting:report_receipt", report.pk)
    return render(
        request,
        "reporting/report_submit.html",
        {
            "report": report,
            "problems": problems,
            "summary": submission_summary(answers, problems),
            "receipt": None if report.is_editable else latest_receipt(report),
            "form": form,
            "leaders": leaders,
        },
        status=400 if request.method == "POST" else 200,
    )


def report_receipt(request, pk):
    """The receipt of the report's latest submission: reference, time, who, next."""
    report = readable_report(request, pk)
    receipt = latest_receipt(report)
    if receipt is None:
        messages.info(
            request, _("Rapporten er ikke sendt inn ennå, så den har ingen kvittering.")
        )
        return redirect(report)
    return render(
        request, "reporting/report_receipt.html", {"report": report, "receipt": receipt}
    )
