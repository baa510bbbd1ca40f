"""Every public page kind, in both languages, is valid and accessible HTML."""

import datetime
import re

import html5lib
import pytest
from html5lib.html5parser import ParseError

from projects.models import Stage, Track

pytestmark = pytest.mark.django_db

LANGUAGES = ("th", "en")
FORM_CONTROLS = ("input", "select", "textarea")


@pytest.fixture
def registry(make_agency, make_issue_area, make_project, make_event):
    """One record of each kind, with Thai and English text, linked together."""
    agency = make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        short_name_th="ขบ.",
        short_name_en="DLT",
        slug="department-of-land-transport",
    )
    area = make_issue_area(
        name_th="การให้บริการด้านที่ดิน", name_en="Land services", slug="land-services"
    )
    event = make_event(
        title_th="แฮกกาธอน My Better Country",
        title_en="My Better Country Hackathon",
        slug="my-better-country-hackathon-2019",
        spans=[
            (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
            (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
        ],
    )
    event.organisers.add(agency)
    project = make_project(
        title_th="ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน",
        title_en="",
        slug="land-services-prototype",
        track=Track.SERVICE_ISSUE,
        issue_area=area,
        stage=Stage.PILOT,
        start_date=datetime.date(2020, 2, 21),
        origin_event=event,
        participating=[agency],
    )
    event.related_projects.add(project)
    return {"agency": agency, "event": event, "project": project}


def page_paths(lang):
    return [
        f"/{lang}/",
        f"/{lang}/projects/",
        f"/{lang}/projects/?track=service-issue&issue=land-services&q=ที่ดิน",
        f"/{lang}/projects/?fiscal_year=abc&stage=nope",
        f"/{lang}/projects/land-services-prototype/",
        f"/{lang}/agencies/",
        f"/{lang}/agencies/department-of-land-transport/",
        f"/{lang}/events/",
        f"/{lang}/events/?kind=nope",
        f"/{lang}/events/my-better-country-hackathon-2019/",
    ]


def parse(html):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(html)
    except ParseError as error:
        line = parser.errors[0][0][0] if parser.errors else 0
        context = html.splitlines()[max(line - 3, 0) : line + 2]
        pytest.fail(f"invalid HTML near line {line}: {error}\n" + "\n".join(context))


def check_accessible_structure(document, html):
    root = document if document.tag == "html" else document.find(".//html")
    assert root.get("lang") in LANGUAGES
    for landmark in ("header", "nav", "main", "footer"):
        assert root.find(f".//{landmark}") is not None, f"no <{landmark}>"
    assert len(root.findall(".//h1")) == 1, "a page has exactly one h1"
    levels = [int(el.tag[1]) for el in root.iter() if re.fullmatch(r"h[1-6]", el.tag)]
    for previous, current in zip(levels, levels[1:], strict=False):
        assert current <= previous + 1, f"heading jumps from h{previous} to h{current}"
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    labelled = {el.get("for") for el in root.iter("label")}
    for control in root.iter():
        if control.tag not in FORM_CONTROLS or control.get("type") in {
            "hidden",
            "submit",
            "button",
        }:
            continue
        assert (
            control.get("id") in labelled
            or control.get("aria-label")
            or control.get("aria-labelledby")
        ), f"unlabelled <{control.tag} name={control.get('name')}>"
    for image in root.iter("img"):
        assert image.get("alt") is not None, "every image has alt text"
    for element in root.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute) or ""
            # Canonical and alternate addresses are absolute on purpose.
            is_address = element.get("rel") in {"canonical", "alternate"}
            if element.tag in {"script", "link", "img"} and not is_address:
                assert not re.match(r"^(https?:)?//", value), f"external asset {value}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_kind_is_valid_accessible_html(client, registry, lang):
    """Each public page kind parses without an HTML error and meets the basics."""
    for path in page_paths(lang):
        response = client.get(path)
        assert response.status_code == 200, path
        html = response.content.decode()
        check_accessible_structure(parse(html), html)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_not_found_page_is_valid_html(client, lang):
    """The 404 page is a whole page in the visitor's language."""
    response = client.get(f"/{lang}/projects/no-such-project/")
    assert response.status_code == 404
    html = response.content.decode()
    check_accessible_structure(parse(html), html)
