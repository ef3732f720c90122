"""Give units their reports when a circular is published or a unit is added, and
close them (carrying answers over to a replacement) when it is withdrawn."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from circulars.signals import circular_published, circular_withdrawn

from .models import Unit
from .services.circulars import (
    ensure_reports_for_circular,
    ensure_reports_for_unit,
    withdraw_reports,
)


@receiver(circular_published)
def create_reports_on_publish(sender, circular, by, **kwargs):
    ensure_reports_for_circular(circular=circular)


@receiver(circular_withdrawn)
def close_reports_on_withdraw(sender, circular, by, **kwargs):
    withdraw_reports(circular=circular, by=by)


@receiver(post_save, sender=Unit)
def create_reports_for_new_unit(sender, instance, **kwargs):
    if instance.active:
        ensure_reports_for_unit(unit=instance)
