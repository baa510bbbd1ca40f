"""Export rows read as values say what the project records themselves say."""

import datetime
import json

import pytest
from django.db.models import DateTimeField, Prefetch
from django.utils import timezone, translation

from projects import export_rows, selectors
from projects.models import Project, Track

pytestmark = pytest.mark.django_db

ORIGIN = "https://registry.example"


def instance_row(project):
    """A row as the export computed it from a model instance, field by field."""
    row = {"id": project.pk}
    for column in export_rows.EXPORT_COLUMNS[1:-1]:
        field = Project._meta.get_field(column)
        value = getattr(project, column)
        if field.many_to_many:
            value = sorted(related.slug for related in value.all())
        elif field.many_to_one:
            public = value is not None and getattr(value, "is_published", True)
            value = value.slug if public else None
        elif isinstance(field, DateTimeField):
            value = timezone.localtime(value).isoformat(timespec="seconds")
        elif hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is None and field.get_internal_type() in ("CharField", "TextField"):
            value = ""
        row[column] = value
    row["url"] = ORIGIN + project.get_absolute_url()
    return row


@pytest.fixture
def mixed_projects(make_project, make_agency, make_event):
    """Both tracks, missing translations and dates, published and hidden events."""
    agencies = [make_agency(slug=slug) for slug in ("zeta", "alpha", "mid")]
    hidden = make_event(is_published=False)
    make_project(
        participating=agencies,
        consultants=agencies[:1],
        origin_event=make_event(),
        start_date=datetime.date(2020, 2, 21),
        end_date=datetime.date(2021, 9, 30),
        summary_th='สรุป, มี "เครื่องหมาย"\nบรรทัดใหม่',
    )
    make_project(track=Track.SERVICE_ISSUE, title_en=None, origin_event=hidden)
    make_project(track=Track.SERVICE_ISSUE, participating=agencies[1:], title_en="")
    for _ in range(3):
        make_project(consultants=agencies[::-1])
    make_project(is_published=False)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_rows_match_the_per_project_computation(monkeypatch, mixed_projects, lang):
    """Every row, read in chunks of two, equals the row computed from its record."""
    monkeypatch.setattr(export_rows, "CHUNK_SIZE", 2)
    projects = selectors.project_list()
    with translation.override(lang):
        chunks = list(export_rows.project_rows(projects, origin=ORIGIN))
        instances = projects.select_related("origin_event").prefetch_related(
            Prefetch("participating_agencies"), Prefetch("consultants")
        )
        expected = [instance_row(project) for project in instances]
    assert [len(chunk) for chunk in chunks] == [2, 2, 2]
    rows = [row for chunk in chunks for row in chunk]
    assert rows == expected
    assert [tuple(row) for row in rows] == [export_rows.EXPORT_COLUMNS] * 6
    assert rows[-1]["url"].startswith(f"{ORIGIN}/{lang}/projects/")
    # The hidden event's slug stays out; no English title is written as "".
    assert sum(row["origin_event"] is not None for row in rows) == 1
    assert sum(row["title_en"] == "" for row in rows) == 2


def test_csv_arrives_in_pieces_of_many_rows(client, make_project):
    """Thirty projects come in one piece of the file, not one piece per row."""
    for _ in range(30):
        make_project()
    response = client.get("/th/projects/export.csv")
    pieces = list(response.streaming_content)
    assert len(pieces) == 1
    assert pieces[0].count(b"\r\n") == 31


def test_json_in_chunks_is_one_valid_document(client, monkeypatch, make_project):
    """JSON read three rows at a time is still one document with every project."""
    monkeypatch.setattr(export_rows, "CHUNK_SIZE", 3)
    for _ in range(7):
        make_project()
    response = client.get("/th/projects/export.json")
    pieces = list(response.streaming_content)
    assert len(pieces) == 4
    data = json.loads(b"".join(pieces))
    assert data["count"] == len(data["results"]) == 7


@pytest.fixture
def five_land_projects(make_project):
    """Five projects about land; the title match is the oldest one."""
    projects = [
        make_project(slug=f"land-{n}", summary_th="บริการที่ดินออนไลน์") for n in range(4)
    ]
    projects.append(make_project(slug="land-title", title_th="ที่ดินของรัฐ"))
    return projects


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_past_the_limit_an_export_holds_the_ranked_candidates(
    client, monkeypatch, five_land_projects, fmt
):
    """Five matches, three ranked: three rows and a header giving the limit."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 3)
    response = client.get(f"/th/projects/export.{fmt}?q=ที่ดิน")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert response["X-Results-Limit"] == "3"
    assert body.count("/th/projects/land-") == 3
    if fmt == "json":
        assert json.loads(body)["count"] == 3


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_within_the_limit_an_export_has_every_match(
    client, monkeypatch, five_land_projects, fmt
):
    """Five matches with room for five: all five, best match first, no header."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 5)
    response = client.get(f"/th/projects/export.{fmt}?q=ที่ดิน")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "X-Results-Limit" not in response
    assert body.count("/th/projects/land-") == 5
    assert body.index("/th/projects/land-title/") < body.index("/th/projects/land-0/")


def test_a_filter_keeps_a_common_word_within_the_limit(
    client, monkeypatch, five_land_projects, make_project
):
    """A filter narrowing the matches under the limit exports them all, no header."""
    monkeypatch.setattr(selectors, "SEARCH_CANDIDATES", 3)
    make_project(slug="land-2562", summary_th="ที่ดิน", fiscal_year=2562)
    response = client.get("/th/projects/export.csv?q=ที่ดิน&fiscal_year=2562")
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "X-Results-Limit" not in response
    assert body.count("/th/projects/land-") == 1
