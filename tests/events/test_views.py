import datetime

import pytest
from django.utils import timezone

from events.models import EventKind
from events.views import EVENTS_PER_PAGE

pytestmark = pytest.mark.django_db

LANGUAGES = ("th", "en")


def days_from_today(n):
    return timezone.localdate() + datetime.timedelta(days=n)


@pytest.fixture
def hackathon(make_event, make_agency):
    """The 2019 hackathon: two spans, organised by OPDC with UNDP as partner."""
    event = make_event(
        title_th="แฮกกาธอน My Better Country",
        title_en="My Better Country Hackathon",
        slug="my-better-country-hackathon-2019",
        kind=EventKind.HACKATHON,
        venue_th="สำนักงาน ก.พ.ร.",
        venue_en="OPDC",
        city_th="กรุงเทพมหานคร",
        city_en="Bangkok",
        country_th="ไทย",
        country_en="Thailand",
        link="https://www.opdc.go.th/",
        description_th="ระดมความคิดเพื่อรัฐบาลเปิด",
        description_en="Ideas for open government.",
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ],
    )
    event.organisers.add(
        make_agency(name_th="สำนักงาน ก.พ.ร.", name_en="OPDC", slug="opdc")
    )
    event.partners.add(
        make_agency(name_th="โครงการพัฒนาแห่งสหประชาชาติ", name_en="UNDP", slug="undp")
    )
    return event


@pytest.mark.parametrize(
    ("lang", "title", "dates"),
    [
        ("th", "แฮกกาธอน My Better Country", "18 สิงหาคม 2562"),
        ("en", "My Better Country Hackathon", "18 August 2019 and 23–25 August 2019"),
    ],
)
def test_list_shows_events_in_the_page_language(client, hackathon, lang, title, dates):
    """The event list shows title and every date span in the page's calendar."""
    response = client.get(f"/{lang}/events/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert title in html
    assert dates in html


def test_two_span_event_shows_both_spans_in_buddhist_era(client, hackathon):
    """A Thai page gives both spans of the hackathon with Thai months and B.E. years."""
    html = client.get("/th/events/").content.decode()
    first, second = html.index("18 สิงหาคม 2562"), html.index("23–25 สิงหาคม 2562")
    assert first < second
    assert "2019" not in html[first:second]


def test_list_marks_a_thai_only_title_on_english_pages(client, make_event):
    """An event without an English title shows the Thai one, marked Thai only."""
    make_event(title_th="การประชุม อ.ก.พ.ร. ครั้งที่ 1/2564", title_en="")
    html = client.get("/en/events/").content.decode()
    assert '<span lang="th">การประชุม อ.ก.พ.ร. ครั้งที่ 1/2564</span>' in html
    assert "Thai only" in html


def test_list_splits_upcoming_and_past_events(client, make_event):
    """Events still to end appear under Upcoming, finished ones under Past."""
    make_event(title_en="Next workshop", spans=[(days_from_today(7),) * 2])
    make_event(title_en="Meeting today", spans=[(days_from_today(0),) * 2])
    make_event(title_en="Last workshop", spans=[(days_from_today(-7),) * 2])
    make_event(title_en="Draft workshop", is_published=False)
    html = client.get("/en/events/").content.decode()
    upcoming, past = html.index("Upcoming events</h2>"), html.index("Past events</h2>")
    assert upcoming < html.index("Meeting today") < html.index("Next workshop") < past
    assert past < html.index("Last workshop")
    assert "Draft workshop" not in html


def test_list_shows_place_and_online_flag(client, make_event):
    """A card gives the city, country and whether the event was online."""
    make_event(
        city_th="ฮานอย",
        city_en="Hanoi",
        country_th="เวียดนาม",
        country_en="Vietnam",
        is_online=True,
    )
    html = client.get("/en/events/").content.decode()
    assert "Hanoi, Vietnam" in html
    assert '<span class="tag">Online</span>' in html


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("kind=hackathon", {"Hackathon 2019"}, {"Launch 2020", "Workshop 2019"}),
        ("year=2019", {"Hackathon 2019", "Workshop 2019"}, {"Launch 2020"}),
        ("kind=workshop&year=2019", {"Workshop 2019"}, {"Hackathon 2019"}),
    ],
)
def test_kind_and_year_filters(client, make_event, query, shown, hidden):
    """Kind and year filter the list alone and together."""
    day = datetime.date
    make_event(
        title_en="Hackathon 2019",
        kind=EventKind.HACKATHON,
        spans=[(day(2019, 8, 18), day(2019, 8, 18))],
    )
    make_event(title_en="Workshop 2019", spans=[(day(2019, 9, 1), day(2019, 9, 1))])
    make_event(title_en="Launch 2020", kind=EventKind.LAUNCH)
    html = client.get(f"/en/events/?{query}").content.decode()
    for title in shown:
        assert title in html
    for title in hidden:
        assert title not in html


def test_year_options_read_buddhist_era_on_thai_pages(client, hackathon):
    """The year select offers 2562 on a Thai page, with the CE value in the URL."""
    html = client.get("/th/events/").content.decode()
    assert '<option value="2019">2562 (1)</option>' in html


@pytest.mark.parametrize(
    ("lang", "message"),
    [("en", "Select a valid choice."), ("th", "เลือกตัวเลือกที่ถูกต้อง")],
)
@pytest.mark.parametrize("query", ["kind=party", "year=abc", "year=2562"])
def test_invalid_filter_shows_the_error_on_a_normal_page(
    client, hackathon, lang, message, query
):
    """A bad kind or year gives the page with the form error, not a server error."""
    response = client.get(f"/{lang}/events/?{query}")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<ul class="errorlist"' in html
    assert message in html
    assert "My Better Country" in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_detail_shows_the_event(client, hackathon, lang):
    """The event page shows kind, spans, place, agencies, link and description."""
    response = client.get(f"/{lang}/events/my-better-country-hackathon-2019/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    if lang == "th":
        for text in (
            "<h1>แฮกกาธอน My Better Country</h1>",
            "23–25 สิงหาคม 2562",
            "กรุงเทพมหานคร",
            "ไทย",
            "ระดมความคิดเพื่อรัฐบาลเปิด",
            ">สำนักงาน ก.พ.ร.</a>",
            ">โครงการพัฒนาแห่งสหประชาชาติ</a>",
        ):
            assert text in html
    else:
        for text in (
            "<h1>My Better Country Hackathon</h1>",
            "18 August 2019 and 23–25 August 2019",
            "Bangkok",
            "Thailand",
            "Ideas for open government.",
            ">OPDC</a>",
            ">UNDP</a>",
        ):
            assert text in html
    assert f'href="/{lang}/agencies/opdc/"' in html
    assert f'href="/{lang}/agencies/undp/"' in html
    assert '<a href="https://www.opdc.go.th/" rel="external noopener">' in html


def test_detail_lists_published_related_and_originated_projects(
    client, hackathon, make_project
):
    """Projects that came out of the event and related ones show; drafts do not."""
    make_project(title_en="PAI Chatbot", origin_event=hackathon)
    related = make_project(title_en="Open government roadmap")
    draft = make_project(title_en="Unreleased idea", is_published=False)
    hackathon.related_projects.add(related, draft)
    html = client.get(f"/en/events/{hackathon.slug}/").content.decode()
    assert html.index("Projects that came out of this event") < html.index(
        "PAI Chatbot"
    )
    assert html.index("Related projects") < html.index("Open government roadmap")
    assert "Unreleased idea" not in html


@pytest.mark.parametrize("lang", LANGUAGES)
def test_unknown_or_unpublished_event_is_not_found(client, make_event, lang):
    """Unknown and unpublished slugs give the 404 page in the page's language."""
    draft = make_event(is_published=False)
    for slug in ("no-such-event", draft.slug):
        response = client.get(f"/{lang}/events/{slug}/")
        assert response.status_code == 404
        assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_list_query_count_does_not_grow(
    client, make_event, django_assert_max_num_queries, rows
):
    """The event list costs the same queries for 3 events as for 30, and shows
    one page of them."""
    for n in range(rows):
        past = (days_from_today(-n - 1),) * 2
        # Every other event has a second span ahead, making it upcoming.
        make_event(spans=[past, (days_from_today(n + 1),) * 2] if n % 2 else [past])
    with django_assert_max_num_queries(5):
        response = client.get("/en/events/?kind=workshop")
    assert response.status_code == 200
    upcoming, past = response.context["upcoming"], response.context["past"]
    assert len(upcoming) == rows // 2
    assert len(upcoming) + len(past) == min(rows, EVENTS_PER_PAGE)


@pytest.mark.parametrize("rows", [3, 30])
def test_detail_query_count_does_not_grow(
    client, hackathon, make_agency, make_project, django_assert_max_num_queries, rows
):
    """The event page costs the same queries for 3 projects and agencies as for 30."""
    for _ in range(rows):
        hackathon.related_projects.add(make_project())
        make_project(origin_event=hackathon)
        hackathon.organisers.add(make_agency())
        hackathon.partners.add(make_agency())
    with django_assert_max_num_queries(6):
        response = client.get(f"/en/events/{hackathon.slug}/")
    assert response.content.decode().count('<article class="card">') == 2 * rows
