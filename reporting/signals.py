"""Give units their reports when a circular is published or a unit is added."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from circulars.signals import circular_published

from .models import Unit
from .services import ensure_reports_for_circular, ensure_reports_for_unit


@receiver(circular_published)
def create_reports_on_publish(sender, circular, **kwargs):
    ensure_reports_for_circular(circular=circular)


@receiver(post_save, sender=Unit)
def create_reports_for_new_unit(sender, instance, **kwargs):
    if instance.active:
        ensure_reports_for_unit(unit=instance)
