"""The subscribe form: an email address and the project list filters it follows."""

from collections.abc import Mapping
from functools import cached_property

from django import forms
from django.utils.translation import gettext_lazy as _

from projects.filters import ProjectFilter
from projects.models import Project

# The project list's filters; sort and page say how to show a list, not which
# projects are in it, so an alert ignores them.
FILTER_PARAMETERS = ("track", "issue", "agency", "fiscal_year", "stage", "event", "q")


def filters_validated(data: Mapping[str, str]) -> ProjectFilter:
    """The project list's FilterSet over just the filter parameters of ``data``."""
    params = {name: data.get(name, "") for name in FILTER_PARAMETERS}
    return ProjectFilter(
        {name: value for name, value in params.items() if value},
        queryset=Project.objects.none(),
    )


def filters_normalised(filterset: ProjectFilter) -> dict[str, str]:
    """The chosen filters of a valid FilterSet, written one way only.

    Two requests for the same list give the same dict (slugs for records, the
    fiscal year as digits, search words single-spaced), so they are one
    subscription.
    """
    cleaned = filterset.form.cleaned_data
    filters = {}
    for name in FILTER_PARAMETERS:
        value = getattr(cleaned.get(name), "slug", cleaned.get(name))
        text = "" if value is None else " ".join(str(value).split())
        if text:
            filters[name] = text
    return filters


class SubscriptionForm(forms.Form):
    """The address to send to; the filters come along as hidden fields."""

    email = forms.EmailField(
        label=_("Your email address"),
        max_length=254,
        help_text=_(
            "We use it only to send these alerts. It is never shown or shared."
        ),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def __init__(self, data=None, *, filter_data: Mapping[str, str]):
        super().__init__(data)
        self.filterset = filters_validated(filter_data)

    @cached_property
    def filters_valid(self) -> bool:
        return self.filterset.is_valid()

    @property
    def filters(self) -> dict[str, str]:
        """The normalised filters; only once filters_valid is true."""
        return filters_normalised(self.filterset)

    def filter_errors(self) -> list[tuple[str, str]]:
        """(label, message) for each filter value that is not valid."""
        fields = self.filterset.form.fields
        return [
            (str(fields[name].label), str(message))
            for name, messages in self.filterset.form.errors.items()
            for message in messages
        ]

    def is_valid(self) -> bool:
        return self.filters_valid and super().is_valid()
