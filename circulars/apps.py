from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CircularsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "circulars"
    verbose_name = _("Rundskriv")
