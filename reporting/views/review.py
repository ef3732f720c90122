"""Advisers' pages: the completeness matrix, one report's review, comments, actions.

Each view: find the report through `Report.objects.for_user` (a foreign id is a
404), check the role (403), validate the form, call a service, redirect.
"""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import lateness, services
from ..errors import ReportingError
from ..exports.formulas import csv_field
from ..forms.review import (
    ApproveForm,
    BulkActionForm,
    CommentForm,
    MatrixFilterForm,
    NotificationPreferencesForm,
    ReopenForm,
    ReplyForm,
    ReturnForm,
)
from ..matrix import build_matrix, reporting_years
from ..models import Report, ReviewComment
from ..permissions import (
    can_edit_report,
    is_administrator,
    is_adviser,
    is_member,
    sees_all_units,
)
from ..selectors import comment_threads, report_history, section_reviews

FORM_PREFIXES = {
    "return_form": "retur",
    "approve_form": "godkjenn",
    "reopen_form": "gjenapne",
    "comment_form": "kommentar",
}


def _require_adviser(user) -> None:
    if not is_adviser(user):
        raise PermissionDenied


def _reviewable(request, pk: int) -> Report:
    """The report if the person may read it (else 404) and review it (else 403)."""
    report = get_object_or_404(
        Report.objects.for_user(request.user).select_related(
            "unit", "circular", "submitted_by", "approved_by"
        ),
        pk=pk,
    )
    if not (is_adviser(request.user) or is_administrator(request.user)):
        raise PermissionDenied
    return report


def _matrix_for(request):
    years = reporting_years()
    data = request.GET.copy()
    portfolio = list(request.user.portfolio.values_list("unit_id", flat=True))
    data.setdefault("year", str(years[0]) if years else "")
    data.setdefault("units", "mine" if portfolio else "alle")
    form = MatrixFilterForm(data, years=years)
    clean = form.cleaned_data if form.is_valid() else {}
    mine = clean.get("units") == "mine"
    matrix = build_matrix(
        year=clean.get("year", years[0] if years else None),
        kinds=clean.get("kind", []),
        statuses=clean.get("status", []),
        unit_ids=portfolio if mine else None,
        sort=clean.get("sort") or "enhet",
    )
    return form, matrix


def matrix(request):
    """Who has delivered what: units × sections for one reporting year."""
    _require_adviser(request.user)
    form, matrix = _matrix_for(request)
    query = request.GET.copy()
    query.pop("sort", None)
    return render(
        request,
        "reporting/review/matrix.html",
        {
            "form": form,
            "matrix": matrix,
            "query": query.urlencode(),
            "sort": form.data.get("sort") or "enhet",
            "bulk_form": BulkActionForm(user=request.user),
        },
    )


def matrix_csv(request):
    """The matrix as it is filtered, for a spreadsheet."""
    _require_adviser(request.user)
    _form, matrix = _matrix_for(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="oxlo-matrise-{matrix.year}.csv"'
    )
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte order mark.
    writer = csv.writer(response, delimiter=";")

    def write(values):
        writer.writerow([csv_field(value) for value in values])

    write(
        [
            _("Enhet"),
            _("Type"),
            _("Rundskriv"),
            _("Status"),
            _("Sendt inn"),
            _("Dager forsinket"),
            *[f"{c.label} {c.title}" for c in matrix.columns],
        ]
    )
    for group in matrix.groups:
        for row in group.rows:
            report = row.report
            submitted = (
                lateness.oslo_date(report.submitted_at).strftime("%d.%m.%Y")
                if report.submitted_at
                else ""
            )
            write(
                [
                    report.unit.name,
                    group.label,
                    report.circular.designation,
                    report.get_status_display(),
                    submitted,
                    row.days_late or "",
                    *[cell.label for cell in row.cells],
                ]
            )
    return response


@require_POST
def matrix_bulk(request):
    """Approve or remind the rows chosen in the matrix."""
    _require_adviser(request.user)
    form = BulkActionForm(request.POST, user=request.user)
    back = request.POST.get("next") or ""
    target = redirect(
        f"{reverse('reporting:matrix')}?{back}" if back else reverse("reporting:matrix")
    )
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return target
    reports = list(form.cleaned_data["reports"])
    if form.cleaned_data["action"] == "approve":
        approved, refused = services.bulk_approve(reports=reports, by=request.user)
        if approved:
            messages.success(
                request, _("%(count)d rapporter godkjent.") % {"count": len(approved)}
            )
        for report, reason in refused.items():
            messages.error(request, f"{report.unit.name}: {reason}")
    else:
        sent = services.bulk_remind(reports=reports, by=request.user)
        messages.success(request, _("%(count)d påminnelser sendt.") % {"count": sent})
    return target


def review_report(request, pk: int, **forms):
    """Every section's answers beside last year's, comments, history and actions."""
    report = _reviewable(request, pk)
    comments = comment_threads(report)
    context = {
        "report": report,
        "sections": section_reviews(report, comments=comments),
        "report_comments": [c for c in comments if c.section_id is None],
        "open_comments": sum(c.is_open for c in comments),
        "history": report_history(report),
        "attachments": report.attachments.filter(section__isnull=True),
        "can_review": is_adviser(request.user),
        "can_reopen": is_administrator(request.user)
        and report.status == Report.Status.APPROVED,
        "return_form": forms.get("return_form") or ReturnForm(prefix="retur"),
        "approve_form": forms.get("approve_form") or ApproveForm(prefix="godkjenn"),
        "reopen_form": forms.get("reopen_form") or ReopenForm(prefix="gjenapne"),
        "comment_form": forms.get("comment_form") or CommentForm(prefix="kommentar"),
        "comment_error_key": forms.get("comment_key"),
    }
    status = 400 if forms else 200
    return render(
        request, "reporting/review/report_review.html", context, status=status
    )


def _transition(request, pk, form_class, form_name, call, done):
    """Validate the action's form, call the service, say what has now happened."""
    report = _reviewable(request, pk)
    form = form_class(request.POST, prefix=FORM_PREFIXES[form_name])
    if not form.is_valid():
        return review_report(request, pk, **{form_name: form})
    try:
        call(report, form.cleaned_data)
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done % {"unit": report.unit.name})
    return redirect("reporting:review_report", pk=report.pk)


@require_POST
def return_report(request, pk: int):
    return _transition(
        request,
        pk,
        ReturnForm,
        "return_form",
        lambda report, data: services.return_report(
            report=report, reason=data["reason"], by=request.user
        ),
        _(
            "Rapporten er returnert til %(unit)s med status «Returnert for "
            "retting». Enhetens kontaktpersoner varsles på e-post med begrunnelsen."
        ),
    )


@require_POST
def approve_report(request, pk: int):
    return _transition(
        request,
        pk,
        ApproveForm,
        "approve_form",
        lambda report, data: services.approve_report(
            report=report, case_number=data["case_number"], by=request.user
        ),
        _(
            "Rapporten fra %(unit)s har fått status «Godkjent» og er låst. "
            "Enheten varsles på e-post."
        ),
    )


@require_POST
def reopen_report(request, pk: int):
    return _transition(
        request,
        pk,
        ReopenForm,
        "reopen_form",
        lambda report, data: services.reopen_report(
            report=report, reason=data["reason"], by=request.user
        ),
        _(
            "Rapporten fra %(unit)s er gjenåpnet og har status «Returnert for "
            "retting». Enheten kan rette og sende den inn på nytt."
        ),
    )


@require_POST
def add_comment(request, pk: int):
    """An adviser comments on the report or, with `section`, on one section."""
    report = _reviewable(request, pk)
    form = CommentForm(request.POST, prefix="kommentar")
    if not form.is_valid():
        return review_report(
            request,
            pk,
            comment_form=form,
            comment_key=form.data.get("kommentar-section") or "rapport",
        )
    section = None
    if form.cleaned_data["section"]:
        section = get_object_or_404(
            report.circular.sections, pk=form.cleaned_data["section"]
        )
    anchor = f"#kapittel-{section.pk}" if section else "#kommentarer"
    try:
        comment = services.add_comment(
            report=report,
            section=section,
            text=form.cleaned_data["text"],
            by=request.user,
        )
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Kommentaren er lagt til."))
        anchor = f"#kommentar-{comment.pk}"
    return redirect(reverse("reporting:review_report", args=[report.pk]) + anchor)


def _comment_for(request, pk: int) -> ReviewComment:
    return get_object_or_404(
        ReviewComment.objects.filter(
            report__in=Report.objects.for_user(request.user)
        ).select_related("report__unit", "parent"),
        pk=pk,
    )


def _back_to(request, comment: ReviewComment) -> str:
    """Back to the comment where the person came from: the review page for an
    adviser, the chapter (or the report page) for the unit's people."""
    thread = comment.parent or comment
    anchor = f"#kommentar-{thread.pk}"
    if is_adviser(request.user):
        url = reverse("reporting:review_report", args=[comment.report_id])
    elif thread.section_id:
        url = reverse(
            "reporting:section_edit", args=[comment.report_id, thread.section_id]
        )
    else:
        url = reverse("reporting:report_detail", args=[comment.report_id])
    return url + anchor


@require_POST
def reply_comment(request, pk: int):
    """The unit's contact (or an adviser) answers a comment."""
    comment = _comment_for(request, pk)
    if not (is_adviser(request.user) or is_member(request.user, comment.report.unit)):
        raise PermissionDenied
    form = ReplyForm(request.POST, prefix=f"svar-{comment.pk}")
    if not form.is_valid():
        messages.error(request, _("Skriv et svar før du sender."))
    else:
        try:
            services.reply_to_comment(
                comment=comment, text=form.cleaned_data["text"], by=request.user
            )
        except ReportingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Svaret ditt er lagret."))
    return redirect(_back_to(request, comment))


@require_POST
def resolve_comment(request, pk: int):
    """An adviser marks a comment as resolved."""
    comment = _comment_for(request, pk)
    _require_adviser(request.user)
    try:
        services.resolve_comment(comment=comment, by=request.user)
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Kommentaren er markert som løst."))
    return redirect(_back_to(request, comment))


def report_comments(request, pk: int):
    """The report's comments as the unit sees them, with reply forms."""
    report = get_object_or_404(
        Report.objects.for_user(request.user).select_related("unit", "circular"),
        pk=pk,
    )
    if not (sees_all_units(request.user) or is_member(request.user, report.unit)):
        raise PermissionDenied
    return render(
        request,
        "reporting/review/report_comments.html",
        {
            "report": report,
            "comments": comment_threads(report),
            "can_reply": is_member(request.user, report.unit)
            or is_adviser(request.user),
            "can_resolve": is_adviser(request.user),
            "can_edit": can_edit_report(request.user, report),
        },
    )


def notification_settings(request):
    """Each person chooses, per kind of e-mail: at once, daily digest, or off."""
    form = NotificationPreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.set_notification_preferences(
            user=request.user, choices=form.cleaned_data, by=request.user
        )
        messages.success(request, _("Varslingsinnstillingene er lagret."))
        return redirect("reporting:notification_settings")
    return render(
        request, "reporting/review/notification_settings.html", {"form": form}
    )
