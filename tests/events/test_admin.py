import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event, EventKind

pytestmark = pytest.mark.django_db

ADD = "/{lang}/admin/events/event/add/"
CHANGELIST = "/{lang}/admin/events/event/"


def event_form(spans, **fields):
    """What the add form posts: the event and its date span rows."""
    data = {
        "title_th": "มาย เบทเทอร์ คันทรี แฮกกาธอน",
        "title_en": "My Better Country Hackathon",
        "slug": "my-better-country-hackathon-2019",
        "kind": EventKind.HACKATHON,
        "city_th": "กรุงเทพมหานคร",
        "city_en": "Bangkok",
        "date_spans-TOTAL_FORMS": str(len(spans)),
        "date_spans-INITIAL_FORMS": "0",
        "date_spans-MIN_NUM_FORMS": "1",
        "date_spans-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index, (start, end) in enumerate(spans):
        data[f"date_spans-{index}-start"] = start
        data[f"date_spans-{index}-end"] = end
    data.update(fields)
    return data


def saved_spans(slug):
    event = Event.objects.get(slug=slug)
    return [(span.start, span.end) for span in event.date_spans.all()]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_add_page_saves_event_with_two_date_spans(admin_client, lang):
    """The 2019 hackathon is entered with both its spans: 18 and 23-25 August."""
    response = admin_client.post(
        ADD.format(lang=lang),
        event_form([("2019-08-18", "2019-08-18"), ("2019-08-23", "2019-08-25")]),
    )
    assert response.status_code == 302
    assert saved_spans("my-better-country-hackathon-2019") == [
        (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
        (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
    ]
    event = Event.objects.get(slug="my-better-country-hackathon-2019")
    assert (event.title_th, event.title_en) == (
        "มาย เบทเทอร์ คันทรี แฮกกาธอน",
        "My Better Country Hackathon",
    )
    assert (event.city_th, event.city_en) == ("กรุงเทพมหานคร", "Bangkok")


def test_span_without_last_day_is_saved_as_one_day(admin_client):
    """Leaving the last day empty records a one-day span."""
    response = admin_client.post(
        ADD.format(lang="th"), event_form([("2020-02-21", "")])
    )
    assert response.status_code == 302
    assert saved_spans("my-better-country-hackathon-2019") == [
        (datetime.date(2020, 2, 21), datetime.date(2020, 2, 21))
    ]


def test_span_ending_before_it_starts_is_refused(admin_client):
    """A last day before the first day shows an error and saves nothing."""
    response = admin_client.post(
        ADD.format(lang="en"), event_form([("2019-08-25", "2019-08-23")])
    )
    assert response.status_code == 200
    (formset,) = response.context["inline_admin_formsets"]
    assert formset.formset.errors[0] == {
        "end": ["The last day cannot be before the first day."]
    }
    assert not Event.objects.exists()


def test_event_needs_at_least_one_date_span(admin_client):
    """An event posted with no dates at all is refused."""
    response = admin_client.post(ADD.format(lang="en"), event_form([("", "")]))
    assert response.status_code == 200
    (formset,) = response.context["inline_admin_formsets"]
    assert formset.formset.errors[0] == {"start": ["This field is required."]}
    assert not Event.objects.exists()


def test_change_page_adds_a_second_span(admin_client, make_event):
    """A span added on the change page joins the event's existing one."""
    event = make_event(spans=[(datetime.date(2019, 8, 18), datetime.date(2019, 8, 18))])
    span = event.date_spans.get()
    data = event_form(
        [("2019-08-18", "2019-08-18"), ("2019-08-23", "2019-08-25")],
        slug=event.slug,
        **{"date_spans-INITIAL_FORMS": "1", "date_spans-0-id": str(span.pk)},
    )
    response = admin_client.post(f"/en/admin/events/event/{event.pk}/change/", data)
    assert response.status_code == 302
    assert len(saved_spans(event.slug)) == 2


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("term", ["แฮกกาธอน", "hackathon"])
def test_changelist_search_finds_event_in_either_language(
    admin_client, make_event, lang, term
):
    """An event is found by its Thai or English title on either list."""
    wanted = make_event(title_th="แฮกกาธอน 2562", title_en="Hackathon 2019")
    make_event(title_th="การประชุมวิชาการ", title_en="Symposium")
    response = admin_client.get(CHANGELIST.format(lang=lang), {"q": term})
    assert list(response.context["cl"].result_list) == [wanted]


def test_changelist_lists_latest_event_first_with_its_first_day(
    admin_client, make_event
):
    """The newest event heads the list, dated by its first day."""
    older = make_event(spans=[(datetime.date(2018, 4, 25), datetime.date(2018, 4, 27))])
    newer = make_event(
        spans=[
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
        ]
    )
    response = admin_client.get(CHANGELIST.format(lang="en"))
    rows = list(response.context["cl"].result_list)
    assert rows == [newer, older]
    assert rows[0].first_start == datetime.date(2019, 8, 18)


def test_date_hierarchy_lists_an_event_with_two_spans_once(admin_client, make_event):
    """Drilling down to August 2019 shows the hackathon once, not once per span."""
    hackathon = make_event(
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ]
    )
    make_event(spans=[(datetime.date(2020, 2, 21), datetime.date(2020, 2, 21))])
    response = admin_client.get(
        CHANGELIST.format(lang="th"),
        {"date_spans__start__year": "2019", "date_spans__start__month": "8"},
    )
    assert list(response.context["cl"].result_list) == [hackathon]


def test_changelist_filters_by_kind_and_online(admin_client, make_event):
    """Kind and online filters combine on the event list."""
    wanted = make_event(kind=EventKind.COMMITTEE_MEETING, is_online=True)
    make_event(kind=EventKind.COMMITTEE_MEETING, is_online=False)
    make_event(kind=EventKind.SERIES, is_online=True)
    response = admin_client.get(
        CHANGELIST.format(lang="en"),
        {"kind__exact": "committee-meeting", "is_online__exact": "1"},
    )
    assert list(response.context["cl"].result_list) == [wanted]


def test_project_form_finds_origin_event_by_thai_title(admin_client, make_event):
    """The project form's origin event box finds an event typed in Thai."""
    hackathon = make_event(title_th="แฮกกาธอน 2562", title_en="Hackathon 2019")
    make_event(title_th="การประชุมวิชาการ", title_en="Symposium")
    response = admin_client.get(
        "/en/admin/autocomplete/",
        {
            "app_label": "projects",
            "model_name": "project",
            "field_name": "origin_event",
            "term": "แฮกกาธอน",
        },
    )
    assert response.json()["results"] == [
        {"id": str(hackathon.pk), "text": "Hackathon 2019"}
    ]


def test_changelist_query_count_does_not_grow_with_rows(admin_client, make_event):
    """Listing 30 events with their first days costs as many queries as listing 3."""

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(CHANGELIST.format(lang="th"))
        assert response.status_code == 200
        return len(queries), len(response.context["cl"].result_list)

    for _ in range(3):
        make_event()
    admin_client.get(CHANGELIST.format(lang="th"))
    few, shown_few = count_queries()
    for _ in range(27):
        make_event()
    many, shown_many = count_queries()
    assert (shown_few, shown_many) == (3, 30)
    assert many == few
