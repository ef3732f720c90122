"""Which admin pages the Administrator role may not open, read from the roles
themselves (reporting/roles.py): a model page needs the model's permission for it,
and what the role lacks is a superuser's alone."""

from django.contrib import admin

from reporting.permissions import ADMIN_GROUP
from reporting.roles import ROLES

# The permissions that open each admin view of a model (any one of them does).
VIEW_NEEDS = {
    "changelist": ("view", "change"),
    "change": ("view", "change"),
    "history": ("view", "change"),
    "add": ("add",),
    "delete": ("delete",),
}


def model_pages():
    """(url name, app_label, model_name, view) of every registered model's pages."""
    for model in admin.site._registry:
        meta = model._meta
        for view in VIEW_NEEDS:
            yield (
                f"admin:{meta.app_label}_{meta.model_name}_{view}",
                meta.app_label,
                meta.model_name,
                view,
            )


def superuser_only_pages() -> set[str]:
    """Admin url names the Administrator role holds no permission for."""
    held = set(ROLES[ADMIN_GROUP])
    return {
        name
        for name, app_label, model_name, view in model_pages()
        if not any(
            f"{app_label}.{action}_{model_name}" in held for action in VIEW_NEEDS[view]
        )
    }
