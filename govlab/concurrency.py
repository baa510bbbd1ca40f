"""Optimistic locking: a second editor's save is refused, never silently applied.

Models that opt in have an integer ``version``. A form carries the version it was
read at; the save succeeds only if the row still has that version, and bumps it.
"""

from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class EditConflict(Exception):
    """Someone else saved the record since it was read; ``current`` is their version."""

    message = _(
        "Someone else saved this record while you were editing it. Your changes "
        "have not been saved: compare them with the current version below."
    )

    def __init__(self, current: models.Model):
        super().__init__(str(self.message))
        self.current = current


def save_versioned(
    instance: models.Model,
    *,
    read_version: int,
    update_fields: list[str] | None = None,
) -> None:
    """Save an existing row only if it is still at ``read_version``; bump the version.

    Raises EditConflict carrying the row as the other editor left it. Call inside
    the caller's transaction so related writes roll back with a refused save.
    """
    model = type(instance)
    updated = model.objects.filter(pk=instance.pk, version=read_version).update(
        version=F("version") + 1
    )
    if not updated:
        raise EditConflict(model.objects.get(pk=instance.pk))
    instance.version = read_version + 1
    fields = None if update_fields is None else [*update_fields, "version"]
    instance.save(update_fields=fields)
