"""Nothing lost: which records django-reversion keeps every version of.

Every save of a registered model made inside a revision is kept with who made it,
when, and a comment. The admins of these models inherit reversion's VersionAdmin
(through govlab.admin.TranslatedVersionAdmin or RegistryAdmin), so an admin save is
recorded by itself and OPDC staff see "History", restore an earlier version (with
a comparison against the record now) and recover deleted records. Restoring never
takes a record's optimistic-locking ``version`` back (see govlab.admin).

Any other write (a service, an admin action, an import) opens a revision itself::

    from govlab.history import revision

    with revision(user=user, comment="Approved progress update"):
        project.save()

``revision`` is ``reversion.create_revision()`` with the user and comment set; it
is atomic, and a revision opened inside another one joins it. Register models here
only, never with ``@reversion.register`` elsewhere: registering twice is an error.

What a version brings along ("follow"): restoring or recovering an event brings
back its date spans, and a progress update its links and attachments. Many-to-many
ids (a project's agencies, an event's organisers) are stored with the record itself.
A project does not follow its stage changes: those are a record of what happened,
and restoring an earlier version must not delete them.
"""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import reversion
from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator

from govlab.dates import format_date

# Long texts are cut in comparisons so a table of differences stays readable.
DISPLAY_CHARS = 300

# app_label.ModelName -> what a version of it brings along.
REGISTERED = {
    "agencies.Agency": (),
    "projects.IssueArea": (),
    "projects.Project": (),
    "projects.StageChange": (),
    "events.Event": ("date_spans",),
    "events.EventDateSpan": (),
    "updates.ProjectUpdate": ("links", "attachments"),
    "updates.UpdateLink": (),
    "updates.UpdateAttachment": (),
    "updates.ProjectProposal": (),
}


def register_models() -> None:
    """Register the registry's models; safe to call more than once."""
    for label, follow in REGISTERED.items():
        model = apps.get_model(label)
        if not reversion.is_registered(model):
            reversion.register(model, follow=follow)


@contextmanager
def revision(*, user=None, comment: str = "") -> Iterator[None]:
    """Keep every registered record saved in the block as one revision by ``user``."""
    with reversion.create_revision():
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        if comment:
            reversion.set_comment(str(comment))
        yield


# What changes between two states of a record, for the people comparing them.


@dataclass(frozen=True)
class Difference:
    """One field that differs: its label and both values as a reader sees them."""

    name: str
    label: str
    before: str
    after: str


def comparable_fields(model: type[models.Model]) -> list[models.Field]:
    """Fields an editor sets, each language's column once; no bookkeeping."""
    translated = _translated_field_names(model)
    opts = model._meta
    return [
        field
        for field in [*opts.fields, *opts.many_to_many]
        if field.editable and not field.primary_key and field.name not in translated
    ]


def normalised(field: models.Field, value: Any) -> Any:
    """A value of ``field`` in one comparable shape, whatever it was read from."""
    if field.many_to_many:
        return tuple(sorted(getattr(item, "pk", item) for item in value or ()))
    if isinstance(value, models.Model):
        return value.pk
    return None if value in ("", None) else value


def values_of(instance: models.Model, fields: list[models.Field]) -> dict[str, Any]:
    """The stored values of ``fields`` on ``instance``, normalised, by field name."""
    return {
        field.name: normalised(field, field.value_from_object(instance))
        for field in fields
    }


def version_values(version, fields: list[models.Field]) -> dict[str, Any]:
    """The values a reversion Version holds, normalised, by field name."""
    stored = version.field_dict
    return {
        field.name: normalised(field, stored.get(field.attname))
        for field in fields
        if field.attname in stored
    }


def differences(
    fields: list[models.Field], before: dict[str, Any], after: dict[str, Any]
) -> list[Difference]:
    """The fields whose value differs between two normalised states."""
    return [
        Difference(
            name=field.name,
            label=capfirst(field.verbose_name),
            before=display(field, before[field.name]),
            after=display(field, after[field.name]),
        )
        for field in fields
        if field.name in before
        and field.name in after
        and before[field.name] != after[field.name]
    ]


def display(field: models.Field, value: Any) -> str:
    """A normalised value as text: names for related records, labels for choices."""
    if value in (None, ()):
        return "—"
    if field.many_to_many:
        related = field.related_model._base_manager.filter(pk__in=value)
        return ", ".join(sorted(str(item) for item in related))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, datetime.datetime):
        local = timezone.localtime(value)
        return f"{format_date(local.date())} {local:%H:%M}"
    if isinstance(value, datetime.date):
        return format_date(value)
    return Truncator(str(value)).chars(DISPLAY_CHARS)


def _translated_field_names(model: type[models.Model]) -> set[str]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return set()
    return set(options.all_fields)
