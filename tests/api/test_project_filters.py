"""/api/v1/projects/ filters: the project list page's, alone and combined."""

import pytest

from tests.api.conftest import slugs

pytestmark = pytest.mark.django_db

LIST = "/api/v1/projects/"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"track": "service-issue"},
            {"land-services-prototype", "drug-prevention-prototype"},
        ),
        ({"track": "agency"}, {"dlt-prototype", "pai-chatbot", "the-guide-light"}),
        ({"issue": "land-services"}, {"land-services-prototype"}),
        (
            {"agency": "department-of-land-transport"},
            {"land-services-prototype", "dlt-prototype", "the-guide-light"},
        ),
        ({"fiscal_year": "2562"}, {"pai-chatbot", "the-guide-light"}),
        ({"stage": "prototype"}, {"drug-prevention-prototype", "dlt-prototype"}),
        ({"stage": "scaling-up"}, set()),
        (
            {"event": "my-better-country-hackathon"},
            {"pai-chatbot", "the-guide-light"},
        ),
        ({"event": "gov-lab-launch-2020"}, {"land-services-prototype"}),
    ],
)
def test_each_filter_alone(api_get, registry, params, expected):
    """Each filter gives the published projects the list page would show."""
    assert set(slugs(api_get(LIST, params))) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"track": "agency", "fiscal_year": "2562"},
            {"pai-chatbot", "the-guide-light"},
        ),
        (
            {"agency": "department-of-land-transport", "stage": "adopted"},
            {"the-guide-light"},
        ),
        (
            {"track": "service-issue", "fiscal_year": "2563", "stage": "pilot"},
            {"land-services-prototype"},
        ),
        ({"event": "my-better-country-hackathon", "q": "Guide"}, {"the-guide-light"}),
        ({"track": "service-issue", "agency": "royal-thai-police"}, set()),
    ],
)
def test_filters_combine(api_get, registry, params, expected):
    """Several filters together keep the projects matching all of them."""
    assert set(slugs(api_get(LIST, params))) == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ที่ดิน", {"land-services-prototype"}),
        ("ยาเสพติด", {"drug-prevention-prototype"}),
        ("chatbot", {"pai-chatbot"}),
        ("Guide Light", {"the-guide-light"}),
        ("ไม่มีผลลัพธ์นี้", set()),
    ],
)
def test_search_finds_thai_and_english_words(api_get, registry, query, expected):
    """q searches titles, summaries and agency names in Thai and English."""
    assert set(slugs(api_get(LIST, {"q": query}))) == expected


def test_search_never_returns_unpublished(api_get, registry):
    """A word only the draft contains finds nothing."""
    assert api_get(LIST, {"q": "ยังไม่เผยแพร่"})["count"] == 0


def test_sort_by_fiscal_year_and_stage(api_get, registry):
    """sort orders as on the page: earliest fiscal year, or furthest stage, first."""
    oldest_first = slugs(api_get(LIST, {"sort": "fiscal-year-asc"}))
    assert set(oldest_first[:2]) == {"pai-chatbot", "the-guide-light"}
    by_stage = slugs(api_get(LIST, {"sort": "stage"}))
    assert by_stage[0] == "the-guide-light"
    assert by_stage[-1] == "pai-chatbot"


def test_sort_by_title_follows_accept_language(api_get, make_project):
    """Titles sort in the requested language, Thai by default."""
    make_project(slug="kai", title_th="กไก่", title_en="Zebra crossing")
    make_project(slug="hok", title_th="ฮนกฮูก", title_en="Apple orchard")
    assert slugs(api_get(LIST, {"sort": "title"})) == ["kai", "hok"]
    english = api_get(LIST, {"sort": "title"}, **{"Accept-Language": "en"})
    assert slugs(english) == ["hok", "kai"]


def test_default_order_is_recently_updated_first(api_get, registry):
    """Without sort, the most recently changed project comes first."""
    registry.projects.drugs.save()
    assert slugs(api_get(LIST))[0] == "drug-prevention-prototype"


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"track": "innovation"}, "track"),
        ({"stage": "finished"}, "stage"),
        ({"fiscal_year": "2020"}, "fiscal_year"),
        ({"fiscal_year": "สองห้าหกสาม"}, "fiscal_year"),
        ({"issue": "no-such-issue"}, "issue"),
        ({"agency": "no-such-agency"}, "agency"),
        ({"event": "unpublished-event"}, "event"),
        ({"sort": "random"}, "sort"),
    ],
)
def test_invalid_filter_is_400_naming_the_parameter(api_get, registry, params, field):
    """An invalid value is refused with a JSON body naming the parameter."""
    body = api_get(LIST, params, status=400)
    assert list(body) == [field]
    assert body[field][0]


def test_invalid_filter_message_follows_accept_language(api_get, registry):
    """The error message of a Common Era year is in the requested language."""
    body = api_get(
        LIST, {"fiscal_year": "2020"}, status=400, **{"Accept-Language": "en"}
    )
    assert body == {
        "fiscal_year": ["Give the fiscal year as a Buddhist Era year, such as 2563."]
    }
