"""Administrators preview a circular's forms as a unit of one kind sees them."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from circulars.models import Circular, UnitKind

from ..forms.answers import SectionAnswerForm
from ..permissions import is_administrator


def circular_preview(request, pk):
    """Every section's form, read-only and never saved; drafts included."""
    if not is_administrator(request.user):
        raise PermissionDenied
    circular = get_object_or_404(Circular, pk=pk)
    audience = [kind for kind in UnitKind if kind.value in circular.audience]
    requested = request.GET.get("kind")
    kind = next(
        (k for k in audience if k.value == requested),
        audience[0] if audience else None,
    )
    sections = circular.sections.prefetch_related("questions")
    forms = []
    for section in sections:
        form = SectionAnswerForm(
            questions=section.questions.all(), prefix=f"s{section.pk}"
        )
        form.disable()
        forms.append((section, form))
    return render(
        request,
        "reporting/circular_preview.html",
        {"circular": circular, "audience": audience, "kind": kind, "forms": forms},
    )
