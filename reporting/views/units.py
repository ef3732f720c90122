"""A unit's page, and the OXLO network (contacts and mentors) for advisers."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..exports.network import network_workbook
from ..models import Report, Unit, UnitAlias
from ..permissions import sees_all_units
from ..selectors import oxlo_network, reporting_years


def unit_detail(request, slug):
    """The unit, its OXLO contact and its reports; an old slug redirects."""
    unit = Unit.objects.for_user(request.user).filter(slug=slug).first()
    if unit is None:
        alias = UnitAlias.objects.filter(
            slug=slug, unit__in=Unit.objects.for_user(request.user)
        ).first()
        if alias is None:
            raise Http404
        return redirect(alias.unit, permanent=True)
    reports = (
        Report.objects.filter(unit=unit)
        .select_related("circular")
        .order_by("-circular__reporting_year", "circular__kind")
    )
    return render(
        request, "reporting/unit_detail.html", {"unit": unit, "reports": reports}
    )


def _network_year(request) -> tuple[int | None, list[int]]:
    if not sees_all_units(request.user):
        raise PermissionDenied
    years = reporting_years()
    try:
        year = int(request.GET.get("ar") or years[0])
    except (ValueError, IndexError):
        year = None
    if year is not None and year not in years:
        raise Http404
    return year, years


def network(request):
    """Every unit's OXLO contact and nominated mentors for a reporting year."""
    year, years = _network_year(request)
    rows = oxlo_network(year) if year else []
    return render(
        request,
        "reporting/review/network.html",
        {"year": year, "years": years, "rows": rows},
    )


def network_xlsx(request):
    """The same list as a workbook, for the OXLO network's mailing lists."""
    year, _years = _network_year(request)
    if year is None:
        raise Http404
    response = HttpResponse(
        network_workbook(oxlo_network(year), year=year),
        content_type=(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
    )
    filename = _("oxlo-nettverket-%(year)s.xlsx") % {"year": year}
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
