import pytest
from django.utils import translation

from projects.models import Project
from projects.selectors import project_get, project_list, project_search

pytestmark = pytest.mark.django_db


def counts(search, facet):
    return {option.value: option.count for option in search.facets[facet]}


def test_project_list_hides_unpublished_projects(registry):
    """The draft project never appears in the public list."""
    slugs = {project.slug for project in project_list()}
    assert "unpublished-prototype" not in slugs
    assert len(slugs) == 6


def test_project_list_gives_nothing_for_an_invalid_filter(registry):
    """An invalid value gives no projects rather than silently ignoring the filter."""
    assert not project_list(filters={"stage": "x"}).exists()


def test_facets_without_filters_count_every_published_project(registry):
    """Each option counts the published projects it would give."""
    search = project_search(filters={})
    assert counts(search, "track") == {"service-issue": 3, "agency": 3}
    assert counts(search, "fiscal_year") == {"2563": 4, "2562": 2}
    assert counts(search, "stage") == {
        "idea": 2,
        "prototype": 2,
        "pilot": 1,
        "adopted": 1,
    }
    assert counts(search, "issue") == {
        "drug-prevention": 1,
        "land-services": 1,
        "disability": 1,
    }


def test_agency_facet_counts_lead_and_participating_projects_once(registry):
    """DLT leads one project and takes part in two: it counts three, not the draft."""
    search = project_search(filters={})
    assert counts(search, "agency") == {
        "department-of-land-transport": 3,
        "rid": 1,
        "royal-thai-police": 1,
    }


def test_agency_in_both_roles_counts_its_project_once(registry):
    """An agency listed as lead and as participant of one project counts it once."""
    registry.projects.irrigation.participating_agencies.add(registry.agencies.rid)
    assert counts(project_search(filters={}), "agency")["rid"] == 1


def test_event_facet_counts_origin_and_related_published_projects(registry):
    """The hackathon counts its idea and its related project, not the draft."""
    search = project_search(filters={})
    assert counts(search, "event") == {
        "my-better-country-hackathon-2019": 2,
        "gov-lab-launch-2020": 1,
    }


def test_facets_apply_the_other_filters(registry):
    """With track=agency chosen, fiscal years and stages count agency projects only."""
    search = project_search(filters={"track": "agency"})
    assert counts(search, "fiscal_year") == {"2563": 2, "2562": 1}
    assert counts(search, "stage") == {"idea": 1, "prototype": 1, "adopted": 1}
    assert counts(search, "issue") == {}
    assert counts(search, "agency") == {
        "department-of-land-transport": 2,
        "rid": 1,
        "royal-thai-police": 1,
    }


def test_facet_ignores_its_own_filter(registry):
    """With track=agency chosen, the track facet still counts both tracks."""
    search = project_search(filters={"track": "agency", "fiscal_year": "2563"})
    assert counts(search, "track") == {"service-issue": 2, "agency": 2}


def test_facets_apply_the_text_search(registry):
    """A search narrows every facet's counts."""
    search = project_search(filters={"q": "ต้นแบบนวัตกรรม", "stage": "prototype"})
    assert counts(search, "track") == {"service-issue": 1, "agency": 1}
    assert counts(search, "stage") == {"prototype": 2, "pilot": 1, "adopted": 1}


def test_chosen_option_with_no_projects_stays_in_its_facet(registry):
    """A chosen issue area that the other filters rule out is still offered, at 0."""
    search = project_search(filters={"issue": "land-services", "fiscal_year": "2562"})
    assert counts(search, "issue") == {"disability": 1, "land-services": 0}
    assert not search.projects.exists()


def test_facets_ignore_an_invalid_filter_and_the_list_is_empty(registry):
    """An invalid stage leaves the other facets counting as if it were absent."""
    search = project_search(filters={"stage": "x", "track": "agency"})
    assert search.form.errors.keys() == {"stage"}
    assert not search.projects.exists()
    assert counts(search, "fiscal_year") == {"2563": 2, "2562": 1}


def test_facet_labels_use_the_page_language_with_thai_fallback(registry):
    """Issue areas are labelled in English on an English page."""
    registry.issues.land.name_en = ""
    registry.issues.land.save()
    with translation.override("en"):
        search = project_search(filters={})
    labels = {option.value: option.label for option in search.facets["issue"]}
    assert labels["drug-prevention"] == "Drug prevention and suppression"
    assert labels["land-services"] == "การให้บริการด้านที่ดิน"


def test_search_costs_one_query_per_facet(registry, django_assert_max_num_queries):
    """Six facets, the chosen slugs' look-ups and the results: no query per option."""
    filters = {
        "agency": "department-of-land-transport",
        "event": "my-better-country-hackathon-2019",
        "issue": "land-services",
    }
    with django_assert_max_num_queries(10):
        search = project_search(filters=filters)
        list(search.projects)


def test_project_get_finds_a_published_project(registry):
    """project_get returns the project by slug with its agencies."""
    project = project_get(slug="land-services-prototype")
    assert [agency.slug for agency in project.participating_agencies.all()] == [
        "department-of-land-transport"
    ]


def test_project_get_refuses_an_unpublished_project(registry):
    """An unpublished project is not found by slug."""
    with pytest.raises(Project.DoesNotExist):
        project_get(slug="unpublished-prototype")
