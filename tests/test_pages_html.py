"""Every public page kind, in both languages, is valid and accessible HTML."""

import re

import html5lib
import pytest
from html5lib.html5parser import ParseError

from tests.page_kinds import page_paths

pytestmark = pytest.mark.django_db

LANGUAGES = ("th", "en")
FORM_CONTROLS = ("input", "select", "textarea")


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
def test_every_page_kind_is_valid_accessible_html(client, page_kinds_registry, lang):
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
