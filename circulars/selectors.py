"""Reads for the library pages."""

from django.utils.translation import gettext as _

from .models import Circular, UnitKind


def library_circulars_by_audience() -> list[tuple[str, list[Circular]]]:
    """Public circulars grouped under the audience they are addressed to."""
    circulars = list(Circular.objects.public().select_related("replaces"))
    groups = []
    bydeler = [c for c in circulars if c.audience == [UnitKind.BYDEL]]
    groups.append((_("Fellesskriv til bydelene"), bydeler))
    others = [c for c in circulars if c not in bydeler]
    groups.append((_("Rundskriv til etater, foretak og byomfattende tiltak"), others))
    return [(title, items) for title, items in groups if items]
