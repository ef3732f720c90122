"""Give units their reports when a circular is published or a unit is added, and
close them (carrying answers over to a replacement) when it is withdrawn."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from circulars.models import CircularEvent
from circulars.signals import circular_published, circular_withdrawn

from .models import Unit
from .services import (
    ensure_reports_for_circular,
    ensure_reports_for_unit,
    withdraw_reports,
)


@receiver(circular_published)
def create_reports_on_publish(sender, circular, **kwargs):
    ensure_reports_for_circular(circular=circular)


@receiver(circular_withdrawn)
def close_reports_on_withdraw(sender, circular, **kwargs):
    # The signal names no actor; the withdrawal just recorded does.
    event = (
        circular.events.filter(action=CircularEvent.Action.WITHDRAWN)
        .order_by("-at", "-pk")
        .first()
    )
    withdraw_reports(circular=circular, by=event.actor if event else None)


@receiver(post_save, sender=Unit)
def create_reports_for_new_unit(sender, instance, **kwargs):
    if instance.active:
        ensure_reports_for_unit(unit=instance)
