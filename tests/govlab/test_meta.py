"""Canonical links, hreflang alternates, Open Graph and Twitter card tags."""

import html5lib
import pytest
from django.http import QueryDict

from govlab.templatetags.govlab_meta import canonical_query

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
HOSTILE = 'ต้นแบบ "ใบขับขี่" <script>alert(1)</script> & co'


@pytest.fixture
def registry(make_agency, make_project, make_event):
    dlt = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        slug="department-of-land-transport",
        description_th="หน่วยงานที่ดูแลการขนส่งทางบก",
    )
    make_project(
        title_th="ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
        title_en="Digital driving licence prototype",
        summary_th="ต่อใบขับขี่ได้ในแอป",
        summary_en="Renew a driving licence in an app.",
        slug="digital-driving-licence",
        lead_agency=dlt,
    )
    make_project(title_th=HOSTILE, title_en="", summary_th=HOSTILE, slug="hostile")
    make_event(
        title_th="แฮกกาธอน My Better Country",
        title_en="My Better Country Hackathon",
        slug="hackathon-2019",
    )


def head(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(response.content.decode()).find("head"), response


def meta(head_element, key):
    """The content of the <meta> whose property or name is key."""
    for element in head_element.iter("meta"):
        if key in (element.get("property"), element.get("name")):
            return element.get("content")
    return None


def links(head_element, rel):
    return [el for el in head_element.iter("link") if el.get("rel") == rel]


def check_alternates(head_element, path):
    """Thai, English and x-default versions of the page at path (without /xx)."""
    alternates = {
        el.get("hreflang"): el.get("href")
        for el in links(head_element, "alternate")
        if el.get("hreflang")
    }
    assert alternates == {
        "th": f"{HOST}/th{path}",
        "en": f"{HOST}/en{path}",
        "x-default": f"{HOST}{path}",
    }


DETAIL_PAGES = [
    (
        "/projects/digital-driving-licence/",
        "article",
        {"th": "ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล", "en": "Digital driving licence prototype"},
        {"th": "ต่อใบขับขี่ได้ในแอป", "en": "Renew a driving licence in an app."},
    ),
    (
        "/events/hackathon-2019/",
        "article",
        {"th": "แฮกกาธอน My Better Country", "en": "My Better Country Hackathon"},
        None,
    ),
    (
        "/agencies/department-of-land-transport/",
        "website",
        {"th": "กรมการขนส่งทางบก", "en": "Department of Land Transport"},
        {"th": "หน่วยงานที่ดูแลการขนส่งทางบก", "en": "หน่วยงานที่ดูแลการขนส่งทางบก"},
    ),
]


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(("path", "kind", "titles", "descriptions"), DETAIL_PAGES)
def test_detail_page_has_canonical_alternates_and_social_tags(
    client, registry, lang, path, kind, titles, descriptions
):
    """Project, event and agency pages describe themselves for search and sharing."""
    page, _response = head(client, f"/{lang}{path}?utm_source=line&fbclid=abc&x=1")
    canonical = f"{HOST}/{lang}{path}"
    assert [el.get("href") for el in links(page, "canonical")] == [canonical]
    check_alternates(page, path)
    assert meta(page, "og:url") == canonical
    assert meta(page, "og:type") == kind
    assert meta(page, "og:title") == titles[lang]
    assert meta(page, "twitter:title") == titles[lang]
    assert meta(page, "twitter:card") == "summary"
    assert meta(page, "og:site_name")
    if descriptions:
        assert meta(page, "og:description") == descriptions[lang]
        assert meta(page, "twitter:description") == descriptions[lang]
    locales = {"th": "th_TH", "en": "en_US"}
    assert meta(page, "og:locale") == locales[lang]
    other = "en" if lang == "th" else "th"
    assert meta(page, "og:locale:alternate") == locales[other]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_hostile_title_stays_text_in_every_tag(client, registry, lang):
    """Quotes and <script> in a title are escaped: same text back, no script."""
    page, response = head(client, f"/{lang}/projects/hostile/")
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert page.find(".//script") is None
    for key in ("og:title", "twitter:title", "og:description", "twitter:description"):
        assert meta(page, key) == HOSTILE, key


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("path", ["/", "/projects/", "/agencies/", "/events/"])
def test_every_public_page_has_canonical_alternates_and_feed(
    client, registry, lang, path
):
    """Home and list pages: canonical, alternates, default Open Graph, the feed."""
    page, _response = head(client, f"/{lang}{path}")
    assert [el.get("href") for el in links(page, "canonical")] == [
        f"{HOST}/{lang}{path}"
    ]
    check_alternates(page, path)
    assert meta(page, "og:type") == "website"
    assert meta(page, "og:title")
    assert meta(page, "og:description")
    feeds = [
        el.get("href")
        for el in links(page, "alternate")
        if el.get("type") == "application/atom+xml"
    ]
    assert f"/{lang}/feeds/projects.atom" in feeds


def test_project_list_canonical_keeps_filters_and_drops_junk(client, registry):
    """Filters stay in the canonical address; tracking, empties and page=1 go."""
    query = "stage=pilot&q=&page=1&track=agency&utm_campaign=news&gclid=1"
    page, _response = head(client, f"/en/projects/?{query}")
    expected = f"{HOST}/en/projects/?stage=pilot&track=agency"
    assert [el.get("href") for el in links(page, "canonical")] == [expected]
    th = [
        el.get("href") for el in links(page, "alternate") if el.get("hreflang") == "th"
    ]
    assert th == [f"{HOST}/th/projects/?stage=pilot&track=agency"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ""),
        ("page=1", ""),
        ("page=2", "?page=2"),
        ("utm_source=x&utm_medium=y&fbclid=z&msclkid=w", ""),
        (
            "stage=pilot&stage=idea&q=ที่ดิน",
            "?q=%E0%B8%97%E0%B8%B5%E0%B9%88%E0%B8%94%E0%B8%B4%E0%B8%99&stage=idea&stage=pilot",
        ),
        ("track=&issue=land-services", "?issue=land-services"),
    ],
)
def test_canonical_query_rules(query, expected):
    """One content, one address: sorted, without tracking, empties or page=1."""
    assert canonical_query(QueryDict(query)) == expected


def test_agency_page_links_to_its_feed(client, registry):
    """An agency page points feed readers to the agency's Atom feed."""
    page, response = head(client, "/en/agencies/department-of-land-transport/")
    feed = "/en/agencies/department-of-land-transport/feed.atom"
    assert feed in [el.get("href") for el in links(page, "alternate")]
    assert f'href="{feed}"' in response.content.decode().split("</head>")[1]


def test_missing_page_has_no_canonical_address(client):
    """A 404 page names no canonical address or alternates."""
    response = client.get("/th/projects/no-such-project/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'rel="canonical"' not in html
    assert "hreflang" not in html.split("</head>")[0]
