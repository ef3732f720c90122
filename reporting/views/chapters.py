"""The contact gives chapters to contributors."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..errors import ReportingError
from ..models import Membership
from ..permissions import has_unit_role
from ..services.chapters import assign_chapter
from .reports import readable_report, section_answer


@require_POST
def chapter_assign(request, pk, section_pk):
    report = readable_report(request, pk)
    if not has_unit_role(request.user, report.unit, Membership.Role.CONTACT):
        raise PermissionDenied
    answer = section_answer(report, section_pk)
    try:
        ids = [int(value) for value in request.POST.getlist("contributor")[:100]]
        assign_chapter(
            report=report, section=answer.section, contributor_ids=ids, by=request.user
        )
    except ValueError:
        messages.error(request, _("Velg bidragsytere i enheten."))
    except ReportingError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Bidragsyterne for %(number)s er lagret.")
            % {"number": answer.section.number},
        )
    return redirect(f"{report.get_absolute_url()}#kapittel-{answer.section_id}")
