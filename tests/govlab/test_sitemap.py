"""sitemap.xml lists every public page in both languages; robots.txt points to it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree

from govlab import sitemaps

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
HOST = "http://testserver"


@pytest.fixture
def registry(make_agency, make_project, make_event):
    dlt = make_agency(name_th="กรมการขนส่งทางบก", slug="department-of-land-transport")
    make_project(
        title_th="ต้นแบบนวัตกรรม ใบขับขี่ดิจิทัล",
        slug="digital-driving-licence",
        lead_agency=dlt,
    )
    make_project(title_th="ร่างโครงการ", slug="unpublished-project", is_published=False)
    make_event(title_th="แฮกกาธอน My Better Country", slug="hackathon-2019")
    make_event(title_th="ร่างกิจกรรม", slug="unpublished-event", is_published=False)


def xml(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def sitemap_urls(client):
    """Every <url> of every section named in the index."""
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['sm']}}}sitemapindex"
    urls = []
    for loc in index.findall("sm:sitemap/sm:loc", NS):
        assert loc.text.startswith(f"{HOST}/sitemap-")
        urls += xml(client, loc.text.removeprefix(HOST)).findall("sm:url", NS)
    return urls


def locations(urls):
    return [url.findtext("sm:loc", namespaces=NS) for url in urls]


def public_paths(lang):
    return {
        f"/{lang}/",
        f"/{lang}/projects/",
        f"/{lang}/agencies/",
        f"/{lang}/events/",
        f"/{lang}/stats/",
        f"/{lang}/projects/digital-driving-licence/",
        f"/{lang}/events/hackathon-2019/",
    }


def test_sitemap_lists_every_public_page_in_both_languages(client, registry):
    """Home, lists, published projects and events, every agency: in th and en."""
    found = locations(sitemap_urls(client))
    assert len(found) == len(set(found))
    for lang in ("th", "en"):
        for path in public_paths(lang):
            assert f"{HOST}{path}" in found
        assert f"{HOST}/{lang}/agencies/department-of-land-transport/" in found
    assert not [loc for loc in found if "unpublished" in loc]


def test_every_sitemap_address_answers_200(client, registry):
    """No address in the sitemap is broken or redirects."""
    for loc in locations(sitemap_urls(client)):
        assert client.get(loc.removeprefix(HOST)).status_code == 200, loc


def test_each_address_has_hreflang_alternates(client, registry):
    """Each <url> names its Thai, English and x-default versions."""
    for url in sitemap_urls(client):
        loc = url.findtext("sm:loc", namespaces=NS)
        links = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        assert set(links) == {"th", "en", "x-default"}, loc
        assert all(
            link.get("rel") == "alternate" for link in url.findall("xhtml:link", NS)
        )
        path = loc.removeprefix(HOST)[3:]
        assert links == {
            "th": f"{HOST}/th{path}",
            "en": f"{HOST}/en{path}",
            "x-default": f"{HOST}{path}",
        }


def test_x_default_address_sends_the_reader_to_their_language(client, registry):
    """The unprefixed x-default address redirects by Accept-Language."""
    response = client.get(
        "/projects/digital-driving-licence/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/projects/digital-driving-licence/"


def test_record_lastmod_is_its_last_change(client, registry, make_project):
    """A project's <lastmod> is the day it was last updated."""
    project = make_project(slug="land-services")
    urls = xml(client, "/sitemap-projects.xml").findall("sm:url", NS)
    lastmod = {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in urls
    }
    expected = project.updated_at.strftime("%Y-%m-%d")
    assert lastmod[f"{HOST}/th/projects/land-services/"] == expected
    assert lastmod[f"{HOST}/en/projects/land-services/"] == expected


def test_page_that_does_not_exist_yet_is_left_out(client, monkeypatch):
    """A list page is listed only once a page answers at its address."""
    monkeypatch.setattr(sitemaps, "PAGE_PATHS", ("", "no-such-list/"))
    found = locations(xml(client, "/sitemap-pages.xml").findall("sm:url", NS))
    assert found == [f"{HOST}/th/", f"{HOST}/en/"]


def test_sitemap_costs_the_same_queries_for_3_or_30_records(
    client, make_agency, make_project, make_event
):
    """No query per listed record."""

    def queries():
        with CaptureQueriesContext(connection) as captured:
            for section in ("", "-pages", "-projects", "-agencies", "-events"):
                assert client.get(f"/sitemap{section}.xml").status_code == 200
        return len(captured)

    for _ in range(3):
        make_project()
        make_event()
    few = queries()
    for _ in range(27):
        make_project()
        make_event()
    assert queries() == few


def test_robots_txt_keeps_crawlers_out_of_private_areas(client):
    """robots.txt allows the site but not admin, workspace, accounts or alerts."""
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for area in ("admin", "workspace", "accounts", "alerts"):
        assert f"Disallow: /*/{area}/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_sitemap_address_follows_the_request(client):
    """The Sitemap line is absolute, with the host and scheme the site is read at."""
    response = client.get("/robots.txt", HTTP_HOST="localhost", secure=True)
    assert "Sitemap: https://localhost/sitemap.xml" in response.content.decode()
