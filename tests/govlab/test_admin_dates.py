"""Dates in the admin: Buddhist Era years on Thai pages, CE on English pages."""

import datetime

import pytest

from events.models import Event
from projects.models import Project
from tests.admin_pages import client_for, make_editor, posted_data

pytestmark = pytest.mark.django_db

LAUNCH = datetime.date(2020, 2, 21)


@pytest.fixture
def editor_client():
    return client_for(make_editor("somchai"))


@pytest.mark.parametrize(
    ("lang", "typed"), [("th", "21/02/2563"), ("en", "21/02/2020")]
)
def test_project_date_typed_in_the_page_language_is_stored_as_ce(
    editor_client, make_project, lang, typed
):
    """2563 typed on the Thai admin and 2020 on the English one are the same day."""
    project = make_project()
    url = f"/{lang}/admin/projects/project/{project.pk}/change/"

    response = editor_client.post(
        url, posted_data(editor_client.get(url), start_date=typed)
    )

    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).start_date == LAUNCH


@pytest.mark.parametrize(
    ("lang", "shown"), [("th", "21/02/2563"), ("en", "21/02/2020")]
)
def test_project_date_is_shown_in_the_page_language(
    editor_client, make_project, lang, shown
):
    """The change form shows a stored date with the year as the page counts it."""
    project = make_project(start_date=LAUNCH)

    response = editor_client.get(f"/{lang}/admin/projects/project/{project.pk}/change/")

    assert f'name="start_date" value="{shown}"' in response.content.decode()


def test_event_span_typed_in_buddhist_era_is_stored_as_ce(editor_client):
    """A date span typed on the Thai admin, 18/08/2562, is 18 August 2019."""
    response = editor_client.post(
        "/th/admin/events/event/add/",
        {
            "title_th": "มาย เบทเทอร์ คันทรี แฮกกาธอน",
            "slug": "my-better-country-hackathon-2019",
            "kind": "hackathon",
            "date_spans-TOTAL_FORMS": "1",
            "date_spans-INITIAL_FORMS": "0",
            "date_spans-0-start": "18/08/2562",
            "date_spans-0-end": "",
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    span = Event.objects.get().date_spans.get()
    assert (span.start, span.end) == (datetime.date(2019, 8, 18),) * 2
