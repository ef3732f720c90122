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


def has_unit_role(user: AbstractBaseUser, unit, *roles: str) -> bool:
    """The person is in the unit with one of `roles` (Membership.Role values)."""
    if not user.is_authenticated:
        return False
    return unit.memberships.filter(user=user, role__in=roles).exists()


def manages_oxlo_page(user: AbstractBaseUser, unit) -> bool:
    """The unit's contacts name its OXLO contact and propose and remove mentors;
    contributors write only their chapters, and the leader reads and signs."""
    return has_unit_role(user, unit, "contact")


def is_contributor_only(user: AbstractBaseUser, unit) -> bool:
    """A contributor of the unit who is not also its contact: writes only the
    chapters given to them."""
    return has_unit_role(user, unit, "contributor") and not has_unit_role(
        user, unit, "contact"
    )


def can_edit_report(user: AbstractBaseUser, report) -> bool:
    """The unit's contacts and contributors edit while the report is open to them
    (a contributor only their chapters: can_edit_section); its leader signs."""
    return report.is_editable and has_unit_role(
        user, report.unit, "contact", "contributor"
    )


def can_submit_report(user: AbstractBaseUser, report) -> bool:
    """Only the unit's contacts send the report on (to its leader or advisers)."""
    return report.is_editable and has_unit_role(user, report.unit, "contact")


def can_sign_report(user: AbstractBaseUser, report) -> bool:
    from .models import Report

    return report.status == Report.Status.SIGNING and has_unit_role(
        user, report.unit, "leader"
    )


def can_export_report(user: AbstractBaseUser, report) -> bool:
    return user.has_perm("reporting.export_report") or is_member(user, report.unit)


def role_label(user: AbstractBaseUser, memberships=()) -> str:
    """The person's role as shown in the header: the portal-wide one, else their
    roles in their units (kontaktperson, bidragsyter, leder)."""
    if is_administrator(user):
        return ADMIN_GROUP
    if is_adviser(user):
        return ADVISER_GROUP
    roles = dict.fromkeys(str(m.get_role_display()) for m in memberships)
    return ", ".join(roles) or CONTACT_GROUP


def can_manage_team(user: AbstractBaseUser, unit) -> bool:
    """Advisers and administrators invite people to a unit and deactivate them."""
    return sees_all_units(user)


def can_edit_section(user: AbstractBaseUser, report, section) -> bool:
    """Contacts edit every chapter of an open report, contributors only theirs."""
    if not report.is_editable:
        return False
    if has_unit_role(user, report.unit, "contact"):
        return True
    return (
        has_unit_role(user, report.unit, "contributor")
        and report.assignments.filter(section=section, contributor=user).exists()
    )
