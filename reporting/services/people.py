"""People and their roles: single sign-on, where the identity provider's group
claims give the roles (GroupMapping), and deactivation that keeps history."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils.translation import gettext as _

from ..errors import NoAccess
from ..models import (
    AuditEvent,
    GroupMapping,
    Membership,
    PortalRole,
    SingleSignOnIdentity,
)
from ..permissions import ADMIN_GROUP, ADVISER_GROUP
from .audit import record

User = get_user_model()

PORTAL_GROUPS = {
    PortalRole.ADVISER: ADVISER_GROUP,
    PortalRole.ADMINISTRATOR: ADMIN_GROUP,
}
# When one person's groups give several roles in the same unit, the first wins.
UNIT_ROLE_ORDER = [
    Membership.Role.CONTACT,
    Membership.Role.LEADER,
    Membership.Role.CONTRIBUTOR,
]
MAX_GROUPS = 500  # Entra ID sends at most 200 groups in a token


def claimed_groups(claims: dict) -> list[str]:
    """The group claim as a bounded list of strings, whatever the provider sent."""
    groups = claims.get(settings.OIDC_CLAIMS["groups"]) or []
    if isinstance(groups, str):
        groups = [groups]
    if not isinstance(groups, list):
        return []
    # PostgreSQL text holds no NUL: such a group can match no mapping anyway.
    names = (str(group).replace("\x00", "")[:200] for group in groups[:MAX_GROUPS])
    return [name for name in names if name]


def _claim(claims: dict, name: str, limit: int) -> str:
    value = claims.get(settings.OIDC_CLAIMS[name])
    return str(value).replace("\x00", "").strip()[:limit] if value else ""


def sign_in_with_claims(*, issuer: str, claims: dict, invitation=None):
    """The person a verified ID token names, with their roles set from its group
    claim; made on first sign-in if a group or an invitation gives them a role.

    Raises NoAccess (and makes no account) when nothing gives them a role."""
    subject = _claim(claims, "subject", 255)
    if not subject:
        raise NoAccess
    user = _sign_in(
        issuer=issuer, subject=subject, claims=claims, invitation=invitation
    )
    if not user.is_active:
        raise NoAccess(
            _("Kontoen din i OXLO-portalen er deaktivert. Kontakt %(contact)s.")
            % {"contact": settings.OXLO_ACCESS_CONTACT}
        )
    if not has_a_role(user):
        raise NoAccess
    return user


@transaction.atomic
def _sign_in(*, issuer, subject, claims, invitation):
    from .invitations import accept_invitation

    mappings = list(
        GroupMapping.objects.filter(claim_value__in=claimed_groups(claims))
        .select_related("unit")
        .order_by("pk")
    )
    identity = (
        SingleSignOnIdentity.objects.select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    user = identity.user if identity else None
    if user is None:
        if not mappings and invitation is None:
            raise NoAccess
        user = _new_user(claims)
    if identity is None:
        SingleSignOnIdentity.objects.create(user=user, issuer=issuer, subject=subject)
        record(AuditEvent.Action.SSO_LINKED, by=user, subject=user, detail=issuer)
    if invitation is not None:
        accept_invitation(invitation=invitation, user=user)
    _update_profile(user, claims)
    sync_claimed_roles(user=user, mappings=mappings)
    return user


def _new_user(claims: dict):
    base = (
        _claim(claims, "username", 140)
        or _claim(claims, "email", 140)
        or _claim(claims, "subject", 140)
    )
    username, n = base, 1
    while User.objects.filter(username=username).exists():
        n += 1
        username = f"{base}-{n}"
    user = User(username=username)
    user.set_unusable_password()  # signs in with the municipal account only
    user.save()
    return user


def _update_profile(user, claims: dict) -> None:
    fields = {
        "email": _claim(claims, "email", 254),
        "first_name": _claim(claims, "given_name", 150),
        "last_name": _claim(claims, "family_name", 150),
    }
    changed = [
        name for name, value in fields.items() if value and getattr(user, name) != value
    ]
    for name in changed:
        setattr(user, name, fields[name])
    if changed:
        user.save(update_fields=changed)


def sync_claimed_roles(*, user, mappings: list[GroupMapping]) -> None:
    """Give `user` exactly the roles their groups map to: the portal-wide groups,
    and the unit memberships that came from claims. Invited memberships stay."""
    wanted_groups = {PORTAL_GROUPS[m.role] for m in mappings if m.role in PORTAL_GROUPS}
    held = set(
        user.groups.filter(name__in=PORTAL_GROUPS.values()).values_list(
            "name", flat=True
        )
    )
    wanted_units: dict[int, str] = {}
    for mapping in sorted(
        (m for m in mappings if m.unit_id),
        key=lambda m: UNIT_ROLE_ORDER.index(m.role),
    ):
        wanted_units.setdefault(mapping.unit_id, mapping.role)
    changes = []
    for name in held - wanted_groups:
        user.groups.remove(Group.objects.get(name=name))
        changes.append(_("ikke lenger %(role)s") % {"role": name})
    for name in wanted_groups - held:
        user.groups.add(Group.objects.get(name=name))
        changes.append(name)
    memberships = {m.unit_id: m for m in user.memberships.select_related("unit")}
    for unit_id, membership in memberships.items():
        if membership.from_claims and unit_id not in wanted_units:
            membership.delete()
            changes.append(_("ikke lenger med i %(unit)s") % {"unit": membership.unit})
    units = {m.unit_id: m.unit for m in mappings if m.unit_id}
    for unit_id, role in wanted_units.items():
        membership = memberships.get(unit_id)
        if membership is None:
            Membership.objects.create(
                user=user, unit=units[unit_id], role=role, from_claims=True
            )
        elif membership.from_claims and membership.role != role:
            membership.role = role
            membership.save(update_fields=["role"])
        else:
            continue
        changes.append(
            _("%(role)s i %(unit)s")
            % {"role": Membership.Role(role).label, "unit": units[unit_id]}
        )
    if changes:
        record(
            AuditEvent.Action.ROLES_FROM_CLAIMS,
            by=user,
            subject=user,
            detail="; ".join(str(change) for change in changes),
        )


def has_a_role(user) -> bool:
    return (
        user.is_superuser
        or user.memberships.exists()
        or user.groups.filter(name__in=PORTAL_GROUPS.values()).exists()
    )
