from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reporting"
    verbose_name = _("Rapportering")

    def ready(self):
        from django.db.models.signals import post_migrate

        from oxlo_portal import checks  # noqa: F401

        from . import signals  # noqa: F401
        from .roles import sync_roles_after_migrate
        from .services import audit  # noqa: F401

        post_migrate.connect(sync_roles_after_migrate, sender=self)
