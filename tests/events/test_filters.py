import datetime

import pytest
from django.utils import translation

from events.models import EventKind
from events.selectors import event_list

pytestmark = pytest.mark.django_db


def day(year, month, day_):
    return datetime.date(year, month, day_)


@pytest.fixture
def events(make_event):
    """A 2019 hackathon over two spans, a 2020 launch, a 2022-2023 series."""
    return {
        "hackathon": make_event(
            kind=EventKind.HACKATHON,
            spans=[
                (day(2019, 8, 18), day(2019, 8, 18)),
                (day(2019, 8, 23), day(2019, 8, 25)),
            ],
        ),
        "launch": make_event(
            kind=EventKind.LAUNCH, spans=[(day(2020, 2, 21), day(2020, 2, 21))]
        ),
        "series": make_event(
            kind=EventKind.SERIES, spans=[(day(2022, 11, 1), day(2023, 5, 12))]
        ),
    }


def slugs(filterset):
    return {event.slug for event in filterset.qs}


def test_kind_alone_keeps_events_of_that_kind(events):
    """?kind=hackathon lists the hackathon only."""
    filterset = event_list(filters={"kind": "hackathon"})
    assert filterset.is_valid()
    assert slugs(filterset) == {events["hackathon"].slug}


def test_year_alone_is_a_common_era_year(events):
    """?year=2020 lists the events that took place in 2020 CE."""
    assert slugs(event_list(filters={"year": "2020"})) == {events["launch"].slug}


def test_year_takes_in_events_that_run_across_it(events):
    """An event running from 2022 into 2023 is listed under both years."""
    assert slugs(event_list(filters={"year": "2022"})) == {events["series"].slug}
    assert slugs(event_list(filters={"year": "2023"})) == {events["series"].slug}


def test_kind_and_year_together_must_both_match(events, make_event):
    """Combined filters AND together."""
    other = make_event(
        kind=EventKind.WORKSHOP, spans=[(day(2019, 9, 1), day(2019, 9, 1))]
    )
    assert slugs(event_list(filters={"year": "2019"})) == {
        events["hackathon"].slug,
        other.slug,
    }
    both = event_list(filters={"kind": "workshop", "year": "2019"})
    assert slugs(both) == {other.slug}
    assert slugs(event_list(filters={"kind": "launch", "year": "2019"})) == set()


def test_unknown_kind_is_a_form_error_and_is_left_out(events):
    """An invalid kind gives a form error while the valid year still filters."""
    filterset = event_list(filters={"kind": "party", "year": "2020"})
    assert not filterset.is_valid()
    assert "kind" in filterset.form.errors
    assert slugs(filterset) == {events["launch"].slug}


@pytest.mark.parametrize("value", ["abc", "2562", "1999", "-1"])
def test_year_without_events_is_a_form_error(events, value):
    """A year that is not a number or has no events is reported, not a crash."""
    filterset = event_list(filters={"year": value})
    assert "year" in filterset.form.errors
    assert len(slugs(filterset)) == 3


def test_year_options_show_the_thai_calendar_on_thai_pages(events):
    """Year options keep CE values but read 2562 on Thai pages, with counts."""
    choices = dict(event_list(filters={}).form.fields["year"].choices)
    assert choices["2019"] == "2562 (1)"
    assert choices["2023"] == "2566 (1)"
    assert list(choices)[1:] == ["2023", "2022", "2020", "2019"]


def test_year_options_show_the_common_era_on_english_pages(events):
    """English pages label the year options in CE."""
    with translation.override("en"):
        choices = dict(event_list(filters={}).form.fields["year"].choices)
    assert choices["2019"] == "2019 (1)"


def test_option_counts_follow_the_other_filter(events, make_event):
    """Year counts respect the chosen kind and kind counts the chosen year."""
    make_event(kind=EventKind.WORKSHOP, spans=[(day(2019, 9, 1), day(2019, 9, 1))])
    with translation.override("en"):
        form = event_list(filters={"kind": "workshop", "year": "2020"}).form
    years = dict(form.fields["year"].choices)
    kinds = dict(form.fields["kind"].choices)
    assert years["2019"] == "2019 (1)"
    assert years["2020"] == "2020 (0)"
    assert kinds["launch"] == "Launch (1)"
    assert kinds["workshop"] == "Workshop (0)"


def test_unpublished_events_are_neither_listed_nor_counted(events, make_event):
    """A draft event is not listed and adds no year option."""
    make_event(is_published=False, spans=[(day(2021, 2, 16), day(2021, 2, 16))])
    filterset = event_list(filters={})
    assert len(slugs(filterset)) == 3
    assert "2021" not in dict(filterset.form.fields["year"].choices)
