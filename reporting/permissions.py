"""Who may do what: pure predicates over a user (and an object), checked on the
server in every view. Roles are Django groups created by a data migration."""

from django.contrib.auth.models import AbstractBaseUser

CONTACT_GROUP = "Kontaktperson"
ADVISER_GROUP = "Rådgiver"
ADMIN_GROUP = "Administrator"


def is_adviser(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm("reporting.review_report")


def is_administrator(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm("circulars.publish_circular")


def sees_all_units(user: AbstractBaseUser) -> bool:
    """Advisers and administrators read every unit's reports."""
    return is_adviser(user) or is_administrator(user)


def is_member(user: AbstractBaseUser, unit) -> bool:
    if not user.is_authenticated:
        return False
    return unit.memberships.filter(user=user).exists()


def can_edit_report(user: AbstractBaseUser, report) -> bool:
    """Only the unit's own people edit, and only while the report is open to them."""
    return report.is_editable and is_member(user, report.unit)


def can_export_report(user: AbstractBaseUser, report) -> bool:
    return user.has_perm("reporting.export_report") or is_member(user, report.unit)


def role_label(user: AbstractBaseUser) -> str:
    """The person's role as shown in the header."""
    if is_administrator(user):
        return ADMIN_GROUP
    if is_adviser(user):
        return ADVISER_GROUP
    return CONTACT_GROUP


def can_manage_team(user: AbstractBaseUser, unit) -> bool:
    """Advisers and administrators invite people to a unit and deactivate them."""
    return sees_all_units(user)
