import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from events.models import EventDateSpan

pytestmark = pytest.mark.django_db


def test_span_without_last_day_becomes_a_one_day_span(make_event):
    """clean() gives a span left without a last day its first day as last day."""
    event = make_event(spans=())
    span = EventDateSpan(event=event, start=datetime.date(2020, 2, 21))
    span.full_clean()
    span.save()
    span.refresh_from_db()
    assert span.end == datetime.date(2020, 2, 21)


def test_span_cannot_end_before_it_starts(make_event):
    """The database refuses a span whose last day comes before its first."""
    event = make_event(spans=())
    with pytest.raises(IntegrityError), transaction.atomic():
        EventDateSpan.objects.create(
            event=event,
            start=datetime.date(2019, 8, 25),
            end=datetime.date(2019, 8, 23),
        )


def test_two_spans_of_one_event_cannot_start_on_the_same_day(make_event):
    """The database refuses a second span of the same event with the same first day."""
    event = make_event(spans=[(datetime.date(2019, 8, 18), datetime.date(2019, 8, 18))])
    with pytest.raises(IntegrityError), transaction.atomic():
        EventDateSpan.objects.create(
            event=event,
            start=datetime.date(2019, 8, 18),
            end=datetime.date(2019, 8, 19),
        )


def test_another_event_may_start_on_the_same_day(make_event):
    """Two different events may each have a span starting on the same day."""
    day = datetime.date(2019, 8, 18)
    make_event(spans=[(day, day)])
    make_event(spans=[(day, day)])
    assert EventDateSpan.objects.filter(start=day).count() == 2


def test_clean_names_the_last_day_when_it_comes_before_the_first(make_event):
    """full_clean() reports a backwards span on the last-day field."""
    event = make_event(spans=())
    span = EventDateSpan(
        event=event, start=datetime.date(2019, 8, 25), end=datetime.date(2019, 8, 23)
    )
    with pytest.raises(ValidationError) as error:
        span.full_clean()
    assert "end" in error.value.message_dict
