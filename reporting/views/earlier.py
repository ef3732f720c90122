"""Earlier answers in a section: last year's, to copy after seeing them side by
side, and the section's own saved versions, to restore."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..errors import NotAllowed, ReportingError
from ..permissions import can_edit_section
from ..selectors import previous_answers, section_history
from ..services import restore_section_version
from .reports import answer_form, readable_report, section_answer


def section_copy(request, pk, section_pk):
    """This year's answers beside last year's, before «Bruk fjorårets svar»
    fills them in (the page for browsers without JavaScript)."""
    report = readable_report(request, pk)
    answer = section_answer(report, section_pk)
    if not can_edit_section(request.user, report, answer.section):
        raise PermissionDenied
    form = answer_form(answer, previous_answers(report))
    which = request.GET.get("sporsmal", "")
    keys = form.last_year_keys(which)
    if not keys:
        messages.info(request, _("Det finnes ikke noe svar fra i fjor å bruke her."))
        return redirect("reporting:section_edit", report.pk, section_pk)
    rows = [
        (question, answer.data.get(question.key), form.typed(question))
        for question in form.questions
        if question.key in keys
    ]
    return render(
        request,
        "reporting/section_copy.html",
        {
            "report": report,
            "answer": answer,
            "rows": rows,
            "previous": form.previous,
            "which": which,
            "previous_year": (report.circular.reporting_year or 1) - 1,
        },
    )


def section_history_view(request, pk, section_pk):
    """Every saved version of the section: who, when, and what changed."""
    report = readable_report(request, pk)
    answer = section_answer(report, section_pk)
    return render(
        request,
        "reporting/section_history.html",
        {
            "report": report,
            "answer": answer,
            "history": section_history(answer),
            "can_restore": can_edit_section(request.user, report, answer.section),
        },
    )


@require_POST
def section_restore(request, pk, section_pk):
    """Save an earlier version of the section again, as its newest version."""
    report = readable_report(request, pk)
    answer = section_answer(report, section_pk)
    version = request.POST.get("version", "")
    try:
        restore_section_version(
            answer=answer,
            version=int(version) if version.isdigit() and len(version) < 9 else 0,
            by=request.user,
        )
    except NotAllowed as error:
        raise PermissionDenied from error
    except ReportingError as error:
        messages.error(request, str(error))
        return redirect("reporting:section_history", report.pk, section_pk)
    messages.success(
        request,
        _("Versjon %(version)s er gjenopprettet som en ny versjon.")
        % {"version": version},
    )
    return redirect("reporting:section_edit", report.pk, section_pk)
