"""What freezes with a published circular: querysets that refuse bulk writes
reaching one, and the base of its sections and questions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FrozenCircular(Exception):
    """A published circular, its sections and questions can no longer change."""


class FrozenQuerySet(models.QuerySet):
    """Refuses bulk writes that would reach rows of a frozen circular, or move
    rows into one along `parent_field`."""

    frozen_lookup = "circular__status__in"
    parent_field = "circular"
    # How the parent model reaches its circular's status.
    parent_frozen_lookup = "status__in"

    def _refuse(self):
        raise FrozenCircular(_("Et publisert rundskriv kan ikke endres."))

    def _touches_frozen(self) -> bool:
        return self.filter(**{self.frozen_lookup: Circular.FROZEN_STATUSES}).exists()

    def _parents_frozen(self, parent_ids) -> bool:
        if not self.parent_field:
            return False
        parent = self.model._meta.get_field(self.parent_field).related_model
        return parent.objects.filter(
            pk__in=[pk for pk in parent_ids if pk is not None],
            **{self.parent_frozen_lookup: Circular.FROZEN_STATUSES},
        ).exists()

    def _parent_ids(self, objs) -> set:
        if not self.parent_field:
            return set()
        return {getattr(obj, f"{self.parent_field}_id") for obj in objs}

    def update(self, **kwargs):
        moved_to = {
            getattr(value, "pk", value)
            for name, value in kwargs.items()
            if self.parent_field
            and name in (self.parent_field, f"{self.parent_field}_id")
        }
        if self._touches_frozen() or self._parents_frozen(moved_to):
            self._refuse()
        return super().update(**kwargs)

    def delete(self):
        if self._touches_frozen():
            self._refuse()
        return super().delete()

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        if self._parents_frozen(self._parent_ids(objs)):
            self._refuse()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        existing = self.filter(pk__in=[obj.pk for obj in objs])
        if existing._touches_frozen() or self._parents_frozen(self._parent_ids(objs)):
            self._refuse()
        return super().bulk_update(objs, fields, *args, **kwargs)


class QuestionQuerySet(FrozenQuerySet):
    frozen_lookup = "section__circular__status__in"
    parent_field = "section"
    parent_frozen_lookup = "circular__status__in"


class CircularQuerySet(FrozenQuerySet):
    frozen_lookup = "status__in"
    parent_field = None

    def published(self):
        return self.filter(status=Circular.Status.PUBLISHED)

    def public(self):
        """Circulars anyone may read: published ones and the withdrawn archive."""
        return self.filter(status__in=Circular.FROZEN_STATUSES)


class FrozenChild(models.Model):
    """A part of a circular that is frozen with it."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._check_not_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_not_frozen()
        return super().delete(*args, **kwargs)

    def owning_circular_id(self) -> int | None:
        raise NotImplementedError

    def _check_not_frozen(self):
        ids = {self.owning_circular_id()}
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).first()
            if stored:
                ids.add(stored.owning_circular_id())
        if Circular.objects.filter(
            pk__in=ids, status__in=Circular.FROZEN_STATUSES
        ).exists():
            raise FrozenCircular(_("Et publisert rundskriv kan ikke endres."))


from .circulars import Circular  # noqa: E402 (Circular uses the querysets above)
