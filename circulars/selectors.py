"""Reads for the library pages."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Circular, UnitKind

# How a group heading names each kind of unit ("Til bydelene og etatene").
AUDIENCE_PLURALS = {
    UnitKind.BYDEL: gettext_lazy("bydelene"),
    UnitKind.ETAT: gettext_lazy("etatene"),
    UnitKind.FORETAK: gettext_lazy("de kommunale foretakene"),
    UnitKind.BYRADSAVDELING: gettext_lazy("byrådsavdelingene"),
}


@dataclass
class AudienceGroup:
    title: str
    slug: str
    circulars: list[Circular]


def public_circulars() -> QuerySet[Circular]:
    """Published and withdrawn circulars with what their pages show about them."""
    return (
        Circular.objects.public()
        .select_related("replaces")
        .prefetch_related(
            Prefetch(
                "replaced_by",
                queryset=Circular.objects.public(),
                to_attr="public_replacements",
            )
        )
    )


def _audience_title(kinds: tuple[str, ...]) -> str:
    if set(kinds) == set(UnitKind.values):
        return _("Til alle bydeler, etater, foretak og byrådsavdelinger")
    names = [str(AUDIENCE_PLURALS[kind]) for kind in kinds]
    if len(names) == 1:
        return _("Til %(names)s") % {"names": names[0]}
    return _("Til %(names)s og %(last)s") % {
        "names": ", ".join(names[:-1]),
        "last": names[-1],
    }


def library_circulars_by_audience() -> list[AudienceGroup]:
    """Public circulars grouped under the audience they are addressed to: those
    to everyone first, then in the order of the unit kinds."""
    order = list(UnitKind.values)
    groups: dict[tuple[str, ...], list[Circular]] = {}
    for circular in public_circulars().prefetch_related("sections"):
        kinds = tuple(sorted(set(circular.audience) & set(order), key=order.index))
        groups.setdefault(kinds, []).append(circular)

    def position(kinds):
        return (len(kinds) != len(order), [order.index(k) for k in kinds])

    return [
        AudienceGroup(
            title=_audience_title(kinds) if kinds else _("Uten mottakere"),
            slug="-".join(kinds) or "ingen",
            circulars=circulars,
        )
        for kinds, circulars in sorted(groups.items(), key=lambda g: position(g[0]))
    ]
