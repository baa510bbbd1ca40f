"""Read queries for alerts: a subscription from a link, what its digest lists."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language

from alerts.forms import FILTER_PARAMETERS, filters_validated
from alerts.models import Status, Subscription
from alerts.tokens import confirm_key, unsubscribe_key
from govlab import dates
from projects.filters import ProjectFilter
from projects.models import Project, Stage, Track
from projects.selectors import project_list


@dataclass(frozen=True)
class FilterTerm:
    """One filter of a subscription as a reader sees it: Track: Agency track."""

    label: str
    value: str


@dataclass
class Digest:
    """The published projects of a subscription's list changed in a period.

    ``new`` and ``updated`` hold at most digest_max_projects() each; the counts
    are the full numbers.
    """

    subscription: Subscription
    since: datetime.datetime
    until: datetime.datetime
    # Validated, so that the email can describe the filters in its own language.
    filterset: ProjectFilter
    new: list[Project] = field(default_factory=list)
    updated: list[Project] = field(default_factory=list)
    new_count: int = 0
    updated_count: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.new_count or self.updated_count)


class FiltersNoLongerValid(Exception):
    """A stored filter names something gone, such as an unpublished event."""


def digest_max_projects() -> int:
    return getattr(settings, "ALERTS_DIGEST_MAX_PROJECTS", 50)


def subscription_from_confirm_token(*, token: str) -> tuple[Subscription | None, bool]:
    """The subscription a confirmation link is for, and whether the link expired."""
    key, expired = confirm_key(token)
    if key is None:
        return None, False
    return Subscription.objects.filter(key=key).first(), expired


def subscription_from_unsubscribe_token(*, token: str) -> Subscription | None:
    key = unsubscribe_key(token)
    return None if key is None else Subscription.objects.filter(key=key).first()


def subscriptions_due() -> QuerySet[Subscription]:
    """Confirmed subscriptions, each of which may have a digest to send."""
    return Subscription.objects.filter(
        status=Status.CONFIRMED, confirmed_at__isnull=False
    ).order_by("pk")


def digest_get(*, subscription: Subscription, until: datetime.datetime) -> Digest:
    """Published projects of the list created or updated in (since, until].

    A fixed number of queries whatever the number of projects: one count, and
    only when something changed, the two lists.
    """
    filterset = filters_validated(subscription.filters)
    if not filterset.is_valid():
        raise FiltersNoLongerValid(subscription.pk)
    since = subscription.since
    digest = Digest(
        subscription=subscription, since=since, until=until, filterset=filterset
    )
    changed = project_list(filters=subscription.filters).filter(
        updated_at__gt=since, updated_at__lte=until
    )
    counts = changed.aggregate(
        total=Count("pk"), new=Count("pk", filter=Q(created_at__gt=since))
    )
    digest.new_count = counts["new"]
    digest.updated_count = counts["total"] - counts["new"]
    if digest.is_empty:
        return digest
    limit = digest_max_projects()
    digest.new = list(changed.filter(created_at__gt=since)[:limit])
    digest.updated = list(changed.filter(created_at__lte=since)[:limit])
    return digest


def filters_terms(*, filters: dict[str, str]) -> list[FilterTerm]:
    """Stored filters described in the active language; none if no longer valid."""
    filterset = filters_validated(filters)
    return filters_describe(filterset=filterset) if filterset.is_valid() else []


def filters_describe(*, filterset: ProjectFilter) -> list[FilterTerm]:
    """The filters of a valid FilterSet in the active language, in form order."""
    cleaned = filterset.form.cleaned_data
    terms = []
    for name in FILTER_PARAMETERS:
        value = cleaned.get(name)
        if value in (None, ""):
            continue
        label = str(filterset.form.fields[name].label)
        terms.append(FilterTerm(label, _describe_value(name, value)))
    return terms


def _describe_value(name: str, value) -> str:
    if name == "track":
        return str(Track(value).label)
    if name == "stage":
        return str(Stage(value).label)
    if name == "fiscal_year":
        return dates.format_fiscal_year(value)
    if name == "q":
        return f"“{value}”"
    # An issue area, agency or event: its name in the active language, else Thai.
    text_field = "title" if name == "event" else "name"
    return translated_text(value, text_field)


def translated_text(record, field_name: str) -> str:
    """A translated field as plain text: the active language's, or the Thai one."""
    language = (get_language() or "th")[:2]
    own = getattr(record, f"{field_name}_{language}", None)
    return own or getattr(record, f"{field_name}_th", None) or ""
