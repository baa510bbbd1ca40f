"""Which list a subscription follows: the project filters, written one way."""

import pytest

from alerts.forms import filters_normalised, filters_validated

pytestmark = pytest.mark.django_db


def normalised(data):
    filterset = filters_validated(data)
    assert filterset.is_valid(), filterset.form.errors
    return filters_normalised(filterset)


def test_only_project_filters_are_kept(make_issue_area):
    """Sort, page and unknown parameters do not change which projects match."""
    make_issue_area(slug="land-services")
    data = {
        "issue": "land-services",
        "track": "service-issue",
        "sort": "title",
        "page": "2",
        "utm_source": "line",
    }
    assert normalised(data) == {"track": "service-issue", "issue": "land-services"}


def test_values_are_written_one_way():
    """Spaces in the search and zeros in the year do not make another list."""
    data = {"q": "  ยาเสพติด \t BMA ", "fiscal_year": "02563", "stage": ""}
    assert normalised(data) == {"fiscal_year": "2563", "q": "ยาเสพติด BMA"}


@pytest.mark.parametrize(
    "data",
    [
        {"fiscal_year": "2020"},
        {"track": "nope"},
        {"agency": "no-such-agency"},
        {"stage": "finished"},
    ],
)
def test_invalid_values_are_invalid(data):
    """A value the project list would refuse is refused here too."""
    assert not filters_validated(data).is_valid()
