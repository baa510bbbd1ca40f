import pytest
from django.utils import translation

from projects.filters import ProjectFilter
from projects.selectors import project_published

pytestmark = pytest.mark.django_db


def matching(**data):
    filterset = ProjectFilter(data, queryset=project_published())
    assert filterset.is_valid(), filterset.errors
    return {project.slug for project in filterset.qs}


def ordered(**data):
    filterset = ProjectFilter(data, queryset=project_published())
    assert filterset.is_valid(), filterset.errors
    return [project.slug for project in filterset.qs]


def errors(**data):
    filterset = ProjectFilter(data, queryset=project_published())
    assert not filterset.is_valid()
    return filterset.errors


def test_no_filter_gives_every_published_project(registry):
    """Without filters the list holds the six published projects, not the draft."""
    assert matching() == {
        "drug-prevention-prototype",
        "land-services-prototype",
        "dlt-prototype",
        "rid-prototype",
        "pai-chatbot",
        "the-guide-light",
    }


def test_track_alone(registry):
    """?track=service-issue keeps the service-issue track projects."""
    assert matching(track="service-issue") == {
        "drug-prevention-prototype",
        "land-services-prototype",
        "the-guide-light",
    }


def test_issue_alone(registry):
    """?issue=<slug> keeps the projects on that issue area."""
    assert matching(issue="land-services") == {"land-services-prototype"}


def test_agency_matches_lead_or_participating_agency(registry):
    """?agency=<slug> keeps projects the agency leads or takes part in, once each."""
    slugs = ordered(agency="department-of-land-transport")
    assert sorted(slugs) == [
        "dlt-prototype",
        "land-services-prototype",
        "rid-prototype",
    ]


def test_fiscal_year_alone(registry):
    """?fiscal_year=2562 keeps projects of Buddhist Era fiscal year 2562."""
    assert matching(fiscal_year="2562") == {"pai-chatbot", "the-guide-light"}


def test_stage_alone(registry):
    """?stage=pilot keeps projects at the pilot stage."""
    assert matching(stage="pilot") == {"land-services-prototype"}


def test_event_matches_origin_or_related_project(registry):
    """?event=<slug> keeps projects born at the event and those it lists as related."""
    assert matching(event="my-better-country-hackathon-2019") == {
        "pai-chatbot",
        "the-guide-light",
    }
    assert matching(event="gov-lab-launch-2020") == {"drug-prevention-prototype"}


def test_text_finds_thai_substring_inside_a_word_run(registry):
    """ยาเสพติด finds a project titled ...การป้องกันและปราบปรามยาเสพติด."""
    assert matching(q="ยาเสพติด") == {"drug-prevention-prototype"}


def test_text_is_case_insensitive_english(registry):
    """guide light finds The Guide Light whatever the case and word order."""
    assert matching(q="LIGHT guide") == {"the-guide-light"}


def test_text_searches_both_languages_whatever_the_page_language(registry):
    """A Thai word finds a project on an English page, and an English one on Thai."""
    with translation.override("en"):
        assert matching(q="ที่ดิน") == {"land-services-prototype"}
    assert matching(q="irrigation") == {"rid-prototype"}


def test_text_searches_summaries_and_agency_names(registry):
    """Words from a summary or from the lead agency's name find the project."""
    assert matching(q="treatment") == {"drug-prevention-prototype"}
    assert matching(q="ชลประทาน") == {"rid-prototype"}


def test_combined_filters_and_together(registry):
    """Track, fiscal year and stage together keep only projects matching all three."""
    assert matching(track="agency", fiscal_year="2563", stage="prototype") == {
        "dlt-prototype"
    }
    assert matching(track="agency", issue="land-services") == set()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("track", "foo"),
        ("issue", "no-such-issue"),
        ("agency", "no-such-agency"),
        ("fiscal_year", "abc"),
        ("fiscal_year", "2020"),
        ("stage", "x"),
        ("event", "no-such-event"),
        ("sort", "bad"),
    ],
)
def test_invalid_value_is_an_error_on_its_field(registry, field, value):
    """A value the filter cannot use is reported on that field only."""
    assert set(errors(**{field: value})) == {field}


def test_unpublished_event_is_not_a_filter_value(registry, make_event):
    """An unpublished event's slug is refused like an unknown one."""
    make_event(slug="draft-event", is_published=False)
    assert set(errors(event="draft-event")) == {"event"}


def test_ce_year_error_asks_for_a_buddhist_era_year(registry):
    """fiscal_year=2020 explains that the year is counted in the Buddhist Era."""
    with translation.override("en"):
        message = errors(fiscal_year="2020")["fiscal_year"][0]
    assert "Buddhist Era" in message


def test_default_order_is_recently_updated_first(registry):
    """Without sort, the most recently updated project comes first."""
    registry.projects.pai.save()
    assert ordered()[0] == "pai-chatbot"


def test_sort_by_title_in_thai(registry):
    """sort=title orders by the Thai title on a Thai page."""
    assert ordered(sort="title") == [
        "the-guide-light",
        "dlt-prototype",
        "rid-prototype",
        "drug-prevention-prototype",
        "land-services-prototype",
        "pai-chatbot",
    ]


def test_sort_by_title_in_english_places_thai_only_title_by_its_thai_text(registry):
    """On an English page a project without an English title sorts by its Thai one."""
    with translation.override("en"):
        assert ordered(sort="title") == [
            "dlt-prototype",
            "drug-prevention-prototype",
            "pai-chatbot",
            "rid-prototype",
            "the-guide-light",
            "land-services-prototype",
        ]


def test_sort_by_fiscal_year_both_ways(registry):
    """fiscal-year-desc puts 2563 first; fiscal-year-asc puts 2562 first."""
    latest_first = ordered(sort="fiscal-year-desc")
    earliest_first = ordered(sort="fiscal-year-asc")
    assert set(latest_first[:4]) == set(earliest_first[2:])
    assert set(earliest_first[:2]) == {"pai-chatbot", "the-guide-light"}


def test_sort_by_stage_puts_furthest_along_first(registry):
    """sort=stage lists adopted, then pilot, then prototype, then idea."""
    assert ordered(sort="stage") == [
        "rid-prototype",
        "land-services-prototype",
        "dlt-prototype",
        "drug-prevention-prototype",
        "the-guide-light",
        "pai-chatbot",
    ]
