"""The project list as CSV, JSON and Atom: the same filters, the same projects."""

import csv
import datetime
import io
import json
import re
from urllib.parse import urlencode

import feedparser
import pytest
from django.utils import timezone

from projects import export_rows, exports
from projects.models import Project, Track

pytestmark = pytest.mark.django_db

FILTERS = "track=agency&fiscal_year=2563"
SERVICE_FILTERS = "track=service-issue&fiscal_year=2563"
FORMATS = {"csv": "export.csv", "json": "export.json", "atom": "feed.atom"}


def download(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    return response, body


def csv_rows(client, url):
    response, body = download(client, url)
    assert body.startswith(b"\xef\xbb\xbf")
    return response, list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def json_results(client, url):
    response, body = download(client, url)
    data = json.loads(body.decode("utf-8"))
    assert data["count"] == len(data["results"])
    return response, body, data["results"]


def atom(client, url):
    response, body = download(client, url)
    feed = feedparser.parse(body)
    assert feed.bozo == 0, feed.get("bozo_exception")
    return response, feed


def local_iso(value):
    return timezone.localtime(value).isoformat(timespec="seconds")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_csv_has_the_filtered_projects_in_both_languages(client, registry, lang):
    """CSV: a BOM, the admin's columns, both titles, agency slugs, id and address."""
    response, rows = csv_rows(client, f"/{lang}/projects/export.csv?{FILTERS}")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="govlab-projects.csv"'
    )
    assert tuple(rows[0]) == exports.EXPORT_COLUMNS
    assert "is_published" not in rows[0]
    by_slug = {row["slug"]: row for row in rows}
    assert set(by_slug) == {"dlt-prototype", "rid-prototype"}
    irrigation = registry.projects.irrigation
    irrigation.refresh_from_db()
    row = by_slug["rid-prototype"]
    assert row["title_th"] == "ต้นแบบนวัตกรรม กรมชลประทาน"
    assert row["title_en"] == "Royal Irrigation Department prototype"
    assert row["id"] == str(irrigation.pk)
    assert row["lead_agency"] == "rid"
    assert row["participating_agencies"] == "department-of-land-transport"
    assert row["issue_area"] == ""
    assert row["fiscal_year"] == "2563"
    assert row["stage"] == "adopted"
    assert row["updated_at"] == local_iso(irrigation.updated_at)
    assert row["url"] == f"http://testserver/{lang}/projects/rid-prototype/"


def test_csv_lists_several_agencies_as_comma_separated_slugs(client, registry):
    """Two participating agencies and a consultant appear as slugs, as in the admin."""
    registry.projects.dlt.participating_agencies.set(
        [registry.agencies.rid, registry.agencies.police]
    )
    registry.projects.dlt.consultants.set([registry.agencies.nida])
    _, rows = csv_rows(client, f"/th/projects/export.csv?{FILTERS}")
    row = next(row for row in rows if row["slug"] == "dlt-prototype")
    assert row["participating_agencies"] == "rid,royal-thai-police"
    assert row["consultants"] == "nida"


def test_csv_streams_the_list(client, registry):
    """A long list is sent as it is read, not built whole in memory first."""
    response = client.get("/th/projects/export.csv")
    assert response.streaming
    assert b"".join(response.streaming_content).count(b"\r\n") == 7


def test_json_has_the_filtered_projects_with_lists_and_iso_dates(client, registry):
    """JSON: a count and results, agencies as lists, ISO dates, empty values."""
    response, body, results = json_results(
        client, f"/en/projects/export.json?{SERVICE_FILTERS}"
    )
    assert response["Content-Type"] == "application/json; charset=utf-8"
    # Thai as UTF-8 text, not \u escapes.
    assert "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน".encode() in body
    by_slug = {row["slug"]: row for row in results}
    assert set(by_slug) == {"drug-prevention-prototype", "land-services-prototype"}
    drugs = by_slug["drug-prevention-prototype"]
    assert drugs["title_th"] == "ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด"
    assert drugs["title_en"] == "Drug prevention and suppression prototype"
    assert drugs["summary_th"] == "ลดขั้นตอนการบำบัดผู้เสพ"
    assert drugs["issue_area"] == "drug-prevention"
    assert drugs["lead_agency"] is None
    assert drugs["consultants"] == ["nida"]
    assert drugs["participating_agencies"] == []
    assert drugs["start_date"] == "2020-02-21"
    assert drugs["end_date"] == "2020-08-31"
    assert drugs["origin_event"] == "gov-lab-launch-2020"
    assert drugs["fiscal_year"] == 2563
    land = by_slug["land-services-prototype"]
    assert land["title_en"] == ""
    assert land["participating_agencies"] == ["department-of-land-transport"]
    assert land["start_date"] is None
    assert land["url"] == "http://testserver/en/projects/land-services-prototype/"


def test_every_format_lists_what_the_page_lists(client, registry):
    """The page and its three other formats show the same projects for a search."""
    query = urlencode({"q": "ชลประทาน"})
    html = client.get(f"/th/projects/?{query}").content.decode()
    on_page = set(re.findall(r'<h3><a href="/th/projects/([\w-]+)/">', html))
    assert on_page == {"rid-prototype"}
    _, rows = csv_rows(client, f"/th/projects/export.csv?{query}")
    _, _, results = json_results(client, f"/th/projects/export.json?{query}")
    _, feed = atom(client, f"/th/projects/feed.atom?{query}")
    assert {row["slug"] for row in rows} == on_page
    assert {row["slug"] for row in results} == on_page
    assert [e.link for e in feed.entries] == [
        "http://testserver/th/projects/rid-prototype/"
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_unpublished_projects_and_events_are_never_exported(client, registry, fmt):
    """No format names an unpublished project, nor an unpublished origin event."""
    registry.events.hackathon.is_published = False
    registry.events.hackathon.save(update_fields=["is_published"])
    _, body = download(client, f"/en/projects/{FORMATS[fmt]}")
    text = body.decode("utf-8-sig")
    assert "unpublished-prototype" not in text
    assert "Unpublished prototype" not in text
    assert "my-better-country-hackathon-2019" not in text
    assert "pai-chatbot" in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_atom_feed_is_valid_with_one_entry_per_project(client, registry, lang):
    """Atom: valid, entries in the page language, both languages in the content."""
    response, feed = atom(client, f"/{lang}/projects/feed.atom?{SERVICE_FILTERS}")
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    assert feed.feed.link == f"http://testserver/{lang}/projects/?{SERVICE_FILTERS}"
    entries = {e.link.rsplit("/", 2)[1]: e for e in feed.entries}
    assert set(entries) == {"drug-prevention-prototype", "land-services-prototype"}
    drugs = registry.projects.drugs
    drugs.refresh_from_db()
    entry = entries["drug-prevention-prototype"]
    assert (
        entry.title
        == {
            "th": "ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด",
            "en": "Drug prevention and suppression prototype",
        }[lang]
    )
    assert entry.id.startswith("tag:")
    assert entry.id.endswith(f":{lang}/project/{drugs.pk}")
    assert datetime.datetime.fromisoformat(entry.updated) == drugs.updated_at
    content = entry.content[0].value
    assert "ต้นแบบนวัตกรรม การป้องกันและปราบปรามยาเสพติด" in content
    assert "Drug prevention and suppression prototype" in content
    assert "Fewer steps to treatment" in content


def test_english_feed_marks_a_thai_only_entry_as_thai(client, registry):
    """A project with no English title keeps its Thai title, labelled as Thai."""
    _, feed = atom(client, f"/en/projects/feed.atom?{SERVICE_FILTERS}")
    land = next(e for e in feed.entries if "land-services" in e.link)
    assert land.title == "ต้นแบบนวัตกรรม การให้บริการด้านที่ดิน"
    assert land.title_detail.language == "th"


def test_atom_feed_has_the_newest_updates_first_up_to_its_limit(
    client, registry, monkeypatch
):
    """The feed lists the latest updated projects first, whatever the sort asked."""
    monkeypatch.setattr(exports, "FEED_ENTRIES", 3)
    base = timezone.now()
    days = {"pai-chatbot": 1, "the-guide-light": 2, "dlt-prototype": 3}
    for slug, day in days.items():
        Project.objects.filter(slug=slug).update(
            updated_at=base + datetime.timedelta(days=day)
        )
    _, feed = atom(client, "/en/projects/feed.atom?sort=title")
    slugs = [e.link.rsplit("/", 2)[1] for e in feed.entries]
    assert slugs == ["dlt-prototype", "the-guide-light", "pai-chatbot"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("track=bogus", "track"),
        ("fiscal_year=2020", "fiscal_year"),
        ("agency=no-such-agency", "agency"),
        ("sort=sideways", "sort"),
    ],
)
def test_invalid_filter_is_refused_naming_the_parameter(
    client, registry, fmt, query, parameter
):
    """A bad value is a 400 that names it, never an unfiltered download."""
    response, body = download(client, f"/en/projects/{FORMATS[fmt]}?{query}", 400)
    if fmt == "json":
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert list(json.loads(body)["errors"]) == [parameter]
    else:
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert f"“{parameter}”" in body.decode()
    assert b"rid-prototype" not in body


@pytest.mark.parametrize(("fmt", "queries"), [("csv", 3), ("json", 4), ("atom", 1)])
@pytest.mark.parametrize("count", [3, 30])
def test_exports_cost_a_fixed_number_of_queries(
    client, make_agency, make_project, django_assert_num_queries, fmt, queries, count
):
    """Three or thirty projects with agencies cost the same queries in each format."""
    lead = make_agency()
    for _ in range(count):
        make_project(
            lead_agency=lead,
            participating=[make_agency(), lead],
            consultants=[make_agency()],
        )
    make_project(track=Track.SERVICE_ISSUE)
    with django_assert_num_queries(queries):
        _, body = download(client, f"/th/projects/{FORMATS[fmt]}?track=agency")
    assert body.count(b"/th/projects/test-prototype-") == count


@pytest.mark.parametrize("lang", ["th", "en"])
def test_list_page_links_each_format_with_its_filters(client, registry, lang):
    """The page links CSV, JSON and Atom with its filters, leaving the page number."""
    html = client.get(f"/{lang}/projects/?{FILTERS}&page=1").content.decode()
    query = FILTERS.replace("&", "&amp;")
    for name in FORMATS.values():
        assert f'href="/{lang}/projects/{name}?{query}"' in html
    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" '
        rf'href="/{lang}/projects/feed.atom\?{query}">',
        html,
    )


def test_list_page_with_invalid_filter_offers_no_downloads(client, registry):
    """While the filters have errors, the page links no download."""
    html = client.get("/en/projects/?track=bogus").content.decode()
    assert "export.csv" not in html
    assert "feed.atom" not in html


def test_rows_are_complete_across_chunk_boundaries(client, registry, monkeypatch):
    """Read in chunks of two, every project still comes once with its agencies."""
    monkeypatch.setattr(export_rows, "CHUNK_SIZE", 2)
    _, _, results = json_results(client, "/th/projects/export.json?sort=title")
    assert len(results) == 6
    assert len({row["slug"] for row in results}) == 6
    participating = {row["slug"]: row["participating_agencies"] for row in results}
    assert participating["rid-prototype"] == ["department-of-land-transport"]
    assert participating["land-services-prototype"] == ["department-of-land-transport"]
    assert participating["pai-chatbot"] == []
