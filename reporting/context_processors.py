"""What base.html shows about the logged-in person."""

from .permissions import is_administrator, is_adviser, role_label


def portal_user(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    units = [m.unit for m in user.memberships.select_related("unit")]
    return {
        "portal_units": units,
        "portal_role": role_label(user),
        "portal_is_adviser": is_adviser(user),
        "portal_is_administrator": is_administrator(user),
    }
