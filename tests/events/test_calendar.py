"""iCalendar downloads: one event, and the feed of every upcoming event."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Event

pytestmark = pytest.mark.django_db

HACKATHON_SPANS = (
    (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
    (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
)


def days_from_today(first, last=None):
    today = timezone.localdate()
    return (
        (
            today + datetime.timedelta(days=first),
            today + datetime.timedelta(days=last if last is not None else first),
        ),
    )


@pytest.fixture
def hackathon(make_event):
    return make_event(
        title_th="แฮกกาธอน My Better Country",
        title_en="My Better Country Hackathon",
        summary_th="เยาวชนร่วมเสนอแนวคิดพัฒนาบริการภาครัฐ",
        summary_en="Young people proposed ideas for public services.",
        venue_th="สำนักงาน ก.พ.ร.",
        city_th="กรุงเทพมหานคร",
        city_en="Bangkok",
        slug="my-better-country-hackathon-2019",
        kind="hackathon",
        spans=HACKATHON_SPANS,
    )


def download(client, path):
    """The calendar at path, parsed back; the response checked as a download."""
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_hackathon_has_one_all_day_entry_per_date_span(client, hackathon, lang):
    """18 Aug and 23-25 Aug 2019 are two all-day entries; DTEND is the day after."""
    calendar = download(
        client, f"/{lang}/events/my-better-country-hackathon-2019/event.ics"
    )
    assert str(calendar["VERSION"]) == "2.0"
    entries = vevents(calendar)
    assert [(e.decoded("DTSTART"), e.decoded("DTEND")) for e in entries] == [
        (datetime.date(2019, 8, 18), datetime.date(2019, 8, 19)),
        (datetime.date(2019, 8, 23), datetime.date(2019, 8, 26)),
    ]
    for entry in entries:
        # A DATE value, not a date-time: the entry lasts whole days.
        assert not isinstance(entry.decoded("DTSTART"), datetime.datetime)
        assert entry["DTSTART"].params["VALUE"] == "DATE"
        stamp = entry.decoded("DTSTAMP")
        assert stamp.utcoffset() == datetime.timedelta(0)


@pytest.mark.parametrize(
    ("lang", "summary", "description", "location"),
    [
        (
            "th",
            "แฮกกาธอน My Better Country",
            "เยาวชนร่วมเสนอแนวคิดพัฒนาบริการภาครัฐ",
            "สำนักงาน ก.พ.ร., กรุงเทพมหานคร",
        ),
        (
            "en",
            "My Better Country Hackathon",
            "Young people proposed ideas for public services.",
            "สำนักงาน ก.พ.ร., Bangkok",
        ),
    ],
)
def test_entry_text_is_in_the_page_language_with_thai_fallback(
    client, hackathon, lang, summary, description, location
):
    """SUMMARY, DESCRIPTION and LOCATION in the language; Thai where untranslated."""
    path = f"/{lang}/events/my-better-country-hackathon-2019/event.ics"
    entry = vevents(download(client, path))[0]
    url = f"http://testserver/{lang}/events/my-better-country-hackathon-2019/"
    assert str(entry["SUMMARY"]) == summary
    assert str(entry["DESCRIPTION"]) == f"{description}\n\n{url}"
    assert str(entry["LOCATION"]) == location
    assert str(entry["URL"]) == url


def test_uids_name_the_event_and_span_and_do_not_change(client, hackathon):
    """Each span's UID is stable, so re-importing updates instead of duplicating."""
    path = "/th/events/my-better-country-hackathon-2019/event.ics"
    first = [str(e["UID"]) for e in vevents(download(client, path))]
    english = [str(e["UID"]) for e in vevents(download(client, f"/en{path[3:]}"))]
    assert first == [
        f"event-{hackathon.pk}-span-20190818@govlab-registry",
        f"event-{hackathon.pk}-span-20190823@govlab-registry",
    ]
    assert english == first


def test_download_is_named_after_the_event(client, hackathon):
    """The file saves as <slug>.ics."""
    response = client.get("/th/events/my-better-country-hackathon-2019/event.ics")
    assert response["Content-Disposition"] == (
        'attachment; filename="my-better-country-hackathon-2019.ics"'
    )


def test_unpublished_unknown_or_undated_event_has_no_calendar(client, make_event):
    """Only a published event with dates downloads; otherwise 404."""
    make_event(slug="hidden", is_published=False)
    undated = make_event(slug="undated", spans=())
    assert client.get("/th/events/hidden/event.ics").status_code == 404
    assert client.get("/th/events/no-such-event/event.ics").status_code == 404
    assert client.get("/th/events/undated/event.ics").status_code == 404
    page = client.get(undated.get_absolute_url()).content.decode()
    assert "event.ics" not in page


@pytest.mark.parametrize("lang", ["th", "en"])
def test_event_page_links_to_its_calendar_file(client, hackathon, lang):
    """The event page offers the .ics download."""
    html = client.get(
        f"/{lang}/events/my-better-country-hackathon-2019/"
    ).content.decode()
    assert f'href="/{lang}/events/my-better-country-hackathon-2019/event.ics"' in html
    if lang == "en":
        assert "Add to calendar (.ics)" in html


def test_upcoming_calendar_has_every_upcoming_published_event(
    client, make_event, hackathon
):
    """Upcoming published events, every span; past and unpublished ones left out."""
    soon = make_event(title_th="สัมมนาห้องปฏิบัติการนวัตกรรมภาครัฐ", spans=days_from_today(3))
    running = make_event(title_th="อบรมการคิดเชิงออกแบบ", spans=days_from_today(-1, 1))
    two_parts = make_event(
        title_th="การประชุม อ.ก.พ.ร.",
        spans=days_from_today(7) + days_from_today(14, 15),
    )
    make_event(title_th="ร่างกิจกรรม", spans=days_from_today(5), is_published=False)
    calendar = download(client, "/th/events/upcoming.ics")
    got = sorted((str(e["SUMMARY"]), e.decoded("DTSTART")) for e in vevents(calendar))
    today = timezone.localdate()
    expected = sorted(
        [
            (soon.title_th, today + datetime.timedelta(days=3)),
            (running.title_th, today - datetime.timedelta(days=1)),
            (two_parts.title_th, today + datetime.timedelta(days=7)),
            (two_parts.title_th, today + datetime.timedelta(days=14)),
        ]
    )
    assert got == expected


def test_upcoming_calendar_without_events_still_parses(client, hackathon):
    """With nothing to come, the feed is an empty but valid calendar."""
    calendar = download(client, "/en/events/upcoming.ics")
    assert vevents(calendar) == []
    assert str(calendar["PRODID"]).startswith("-//OPDC//")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_event_list_links_to_the_upcoming_calendar(client, lang):
    """The events page offers the .ics feed and the Atom feed of upcoming events."""
    html = client.get(f"/{lang}/events/").content.decode()
    assert f'href="/{lang}/events/upcoming.ics"' in html
    assert f'href="/{lang}/feeds/events.atom"' in html


def test_upcoming_calendar_costs_the_same_queries_for_3_or_30_events(
    client, make_event
):
    """No query per event."""

    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get("/th/events/upcoming.ics")
        return len(captured)

    for _ in range(3):
        make_event(spans=days_from_today(2) + days_from_today(9))
    few = queries()
    for _ in range(27):
        make_event(spans=days_from_today(2) + days_from_today(9))
    assert queries() == few
    assert Event.objects.count() == 30
