"""The chart data counts published records as the project and event lists do."""

import pytest
from django.utils import translation

from events.models import EventKind
from projects.selectors import project_list
from stats.selectors import (
    TOP_AGENCIES,
    event_chart_list,
    event_filter,
    project_chart_list,
)

pytestmark = pytest.mark.django_db


def project_charts(**filters):
    charts = project_chart_list(projects=project_list(filters=filters))
    return {chart.slug: chart for chart in charts}


def event_charts(**filters):
    events = event_filter(filters=filters).qs
    return {chart.slug: chart for chart in event_chart_list(events=events)}


def bars(chart):
    return [(bar.label, bar.count, bar.value) for bar in chart.bars]


def test_fiscal_years_ascend_with_empty_years_shown(registry):
    """Fiscal years run from the earliest to the latest, a year with none at 0."""
    chart = project_charts()["fiscal-year"]
    assert bars(chart) == [
        ("ปีงบประมาณ 2561", 2, "2561"),
        ("ปีงบประมาณ 2562", 0, "2562"),
        ("ปีงบประมาณ 2563", 4, "2563"),
    ]


def test_fiscal_years_are_labelled_for_english_readers(registry):
    """English pages name a fiscal year by its CE year with the B.E. year after."""
    with translation.override("en"):
        chart = project_charts()["fiscal-year"]
    assert chart.bars[-1].label == "FY2020 (B.E. 2563)"


def test_a_stray_year_does_not_fill_the_chart_with_empty_years(make_project):
    """Two years far apart give two bars, not a bar for every year between."""
    make_project(fiscal_year=2545)
    make_project(fiscal_year=2600)
    assert [bar.value for bar in project_charts()["fiscal-year"].bars] == [
        "2545",
        "2600",
    ]


def test_tracks_and_stages_keep_their_order_and_their_zeros(registry):
    """Stages follow the pipeline, from idea to adopted, then discontinued."""
    charts = project_charts()
    assert bars(charts["track"]) == [
        ("ด้านงานบริการภาครัฐ", 3, "service-issue"),
        ("ด้านหน่วยงานภาครัฐ", 3, "agency"),
    ]
    assert [(bar.value, bar.count) for bar in charts["stage"].bars] == [
        ("idea", 2),
        ("prototype", 2),
        ("pilot", 1),
        ("scaling-up", 0),
        ("adopted", 1),
        ("discontinued", 0),
    ]


def test_issue_areas_count_service_issue_projects(registry):
    """Each issue area counts its published projects, by name in the page's language."""
    with translation.override("en"):
        chart = project_charts()["issue"]
    assert {bar.label: bar.count for bar in chart.bars} == {
        "Drug prevention and suppression": 1,
        "Land services": 1,
        "Quality of life of persons with disabilities": 1,
    }
    assert chart.total == 3


def test_an_agency_counts_each_project_it_leads_or_joins_once(registry):
    """A lead agency that is also listed as taking part counts the project once."""
    chart = project_charts()["agency"]
    assert bars(chart) == [
        ("กรมการขนส่งทางบก", 4, "department-of-land-transport"),
        ("กรมชลประทาน", 2, "rid"),
        ("สำนักงานตำรวจแห่งชาติ", 1, "royal-thai-police"),
    ]


def test_an_agency_without_english_name_is_named_in_thai(registry):
    """English pages fall back to the Thai name rather than show a blank bar."""
    with translation.override("en"):
        labels = [bar.label for bar in project_charts()["agency"].bars]
    assert labels == [
        "Department of Land Transport",
        "Royal Irrigation Department",
        "สำนักงานตำรวจแห่งชาติ",
    ]


def test_agencies_beyond_the_top_are_added_up(make_agency, make_project):
    """Past the top agencies, one last row sums the others' projects."""
    for n in range(TOP_AGENCIES + 3):
        agency = make_agency()
        for _ in range(1 if n >= TOP_AGENCIES else 2):
            make_project(lead_agency=agency)
    chart = project_charts()["agency"]
    assert len(chart.bars) == TOP_AGENCIES + 1
    assert chart.bars[-1].label == "หน่วยงานอื่น 3 หน่วยงาน"
    assert chart.bars[-1].count == 3
    assert chart.bars[-1].value == ""
    assert chart.total == 2 * TOP_AGENCIES + 3


def test_project_charts_follow_the_filters(registry):
    """With the agency track chosen, every chart counts its three projects only."""
    charts = project_charts(track="agency")
    assert [bar.count for bar in charts["fiscal-year"].bars] == [1, 0, 2]
    assert [bar.count for bar in charts["track"].bars] == [0, 3]
    assert charts["issue"].bars == ()
    assert [(bar.value, bar.count) for bar in charts["agency"].bars] == [
        ("department-of-land-transport", 2),
        ("rid", 1),
        ("royal-thai-police", 1),
    ]


def test_events_by_kind_count_published_events(registry):
    """Every kind in its order; the unpublished workshop is not counted."""
    chart = event_charts()["event-kind"]
    assert [(bar.value, bar.count) for bar in chart.bars] == [
        (EventKind.HACKATHON, 1),
        (EventKind.SYMPOSIUM, 1),
        (EventKind.WORKSHOP, 0),
        (EventKind.CONFERENCE, 0),
        (EventKind.LAUNCH, 1),
        (EventKind.COMMITTEE_MEETING, 1),
        (EventKind.SERIES, 1),
    ]


def test_events_by_year_count_each_year_an_event_runs_in(registry):
    """The series from November 2022 to February 2023 counts in both years."""
    chart = event_charts()["event-year"]
    assert [(bar.value, bar.count) for bar in chart.bars] == [
        ("2018", 1),
        ("2019", 1),
        ("2020", 1),
        ("2021", 0),
        ("2022", 1),
        ("2023", 1),
    ]


def test_event_years_are_buddhist_era_on_thai_pages(registry):
    """Thai pages name 2019 as 2562; English pages as 2019."""
    assert event_charts()["event-year"].bars[1].label == "2562"
    with translation.override("en"):
        assert event_charts()["event-year"].bars[1].label == "2019"


def test_event_charts_follow_the_event_filters(registry):
    """Choosing 2019 leaves the hackathon only; choosing series, its two years."""
    in_2019 = event_charts(year="2019")
    assert [b.count for b in in_2019["event-kind"].bars if b.count] == [1]
    assert in_2019["event-kind"].bars[0].value == EventKind.HACKATHON
    series = event_charts(kind="series")["event-year"]
    assert [(bar.value, bar.count) for bar in series.bars] == [
        ("2022", 1),
        ("2023", 1),
    ]


def test_no_events_give_empty_charts(db):
    """With no events at all, the year chart has no bars and kinds count zero."""
    charts = event_charts()
    assert charts["event-year"].bars == ()
    assert charts["event-kind"].total == 0
