"""What base.html shows about the logged-in person."""

from .permissions import is_administrator, is_adviser, role_label


def portal_user(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    memberships = list(user.memberships.select_related("unit"))
    return {
        "portal_units": [m.unit for m in memberships],
        "portal_role": role_label(user, memberships),
        "portal_is_adviser": is_adviser(user),
        "portal_is_administrator": is_administrator(user),
    }
