"""Import and export of agencies and events: parents, organisers, date spans."""

import datetime

import pytest
import tablib
from django.utils import translation

from agencies.resources import AGENCY_COLUMNS
from events.models import Event
from events.resources import EVENT_COLUMNS, EventResource
from tests.admin_pages import client_for, export, make_editor, read_csv

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor("somchai")


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


def test_agency_export_and_import_use_parent_slugs(editor_client, make_agency):
    """Agencies round-trip with their parent named by slug."""
    ministry = make_agency(name_th="กระทรวงคมนาคม", slug="ministry-of-transport")
    make_agency(name_th="กรมการขนส่งทางบก", slug="dlt", parent=ministry)

    header, rows = read_csv(export(editor_client, "agency", AGENCY_COLUMNS))

    assert header == list(AGENCY_COLUMNS)
    dlt = rows["dlt"]
    assert (dlt["name_th"], dlt["parent"]) == (
        "กรมการขนส่งทางบก",
        "ministry-of-transport",
    )


def test_event_spans_export_and_import(editor, make_event, make_agency):
    """Event date spans go out as "day;first/last" and come back as spans."""
    make_agency(slug="opdc")
    hackathon = make_event(
        slug="my-better-country-hackathon-2019",
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ],
    )
    dataset = EventResource().export()
    assert dataset.headers == list(EVENT_COLUMNS)
    assert dataset.dict[0]["date_spans"] == "2019-08-18;2019-08-23/2019-08-25"

    row = {
        **dataset.dict[0],
        "date_spans": "2019-08-18;2019-08-23/2019-08-26",
        "organisers": "opdc",
    }
    changed = tablib.Dataset(headers=list(EVENT_COLUMNS))
    changed.append([row[column] for column in EVENT_COLUMNS])
    result = EventResource().import_data(changed, dry_run=False, user=editor)

    assert not result.has_errors() and not result.has_validation_errors()
    event = Event.objects.get(pk=hackathon.pk)
    assert [(s.start, s.end) for s in event.date_spans.all()] == [
        (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
        (datetime.date(2019, 8, 23), datetime.date(2019, 8, 26)),
    ]
    assert [a.slug for a in event.organisers.all()] == ["opdc"]


def test_event_span_that_ends_before_it_starts_is_rejected(editor, make_event):
    """A span written backwards is reported on its row and nothing changes."""
    make_event(slug="symposium-2018")
    dataset = EventResource().export()
    row = {**dataset.dict[0], "date_spans": "2018-04-27/2018-04-25"}
    bad = tablib.Dataset(headers=list(EVENT_COLUMNS))
    bad.append([row[column] for column in EVENT_COLUMNS])

    with translation.override("en"):
        result = EventResource().import_data(bad, dry_run=False, user=editor)

    (invalid,) = result.invalid_rows
    assert invalid.error_dict == {
        "date_spans": ["The last day cannot be before the first day."]
    }
    spans = Event.objects.get(slug="symposium-2018").date_spans.all()
    assert [(s.start, s.end) for s in spans] == [(datetime.date(2020, 2, 21),) * 2]
