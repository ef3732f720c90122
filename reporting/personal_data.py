"""What the portal holds about one person, for them to see and download."""

from django.db.models import Q
from django.utils import timezone

from .models import AuditEvent, MentorNomination, Report


def _when(value) -> str:
    return timezone.localtime(value).isoformat(timespec="minutes") if value else ""


def personal_data(user) -> dict:
    """Everything stored about `user`: account, roles, sign-in, what they did, and
    where their name or address is stored with a report or a mentor nomination."""
    email = user.email or "\x00"  # no address: match nothing
    identity = getattr(user, "sso_identity", None)
    reports = Report.objects.select_related("unit", "circular")
    return {
        "konto": {
            "brukernavn": user.username,
            "fornavn": user.first_name,
            "etternavn": user.last_name,
            "e-post": user.email,
            "aktiv": user.is_active,
            "opprettet": _when(user.date_joined),
            "sist innlogget": _when(user.last_login),
            "kommunekonto": identity.subject if identity else "",
            "roller": ", ".join(group.name for group in user.groups.order_by("name")),
        },
        "enheter": [
            {
                "enhet": m.unit.name,
                "rolle": m.get_role_display(),
                "stilling": m.title,
                "telefon": m.phone,
            }
            for m in user.memberships.select_related("unit")
        ],
        "innlogginger og endringer": [
            {
                "tidspunkt": _when(e.at),
                "hendelse": e.get_action_display(),
                "IP-adresse": e.ip_address or "",
                "objekt": e.object_repr,
            }
            for e in AuditEvent.objects.filter(actor=user).order_by("-at")[:1000]
        ],
        "rapporter": [
            {
                "rapport": str(report),
                "sendt inn av deg": report.submitted_by_id == user.pk,
                "signert av deg": report.signed_by_id == user.pk,
                "oppført som OXLO-kontakt": report.contact_email.lower()
                == email.lower(),
            }
            for report in reports.filter(
                Q(submitted_by=user)
                | Q(signed_by=user)
                | Q(contact_email__iexact=email)
            )
        ],
        "mentorforslag": [
            {
                "rapport": str(m.report),
                "navn": m.name,
                "stilling": m.title,
                "e-post": m.email,
                "fagfelt": m.field,
            }
            for m in MentorNomination.objects.filter(
                email__iexact=email
            ).select_related("report__unit", "report__circular")
        ],
    }
