"""Nothing lost: every change is kept with who made it, and can be restored."""

import datetime

import pytest
from reversion.models import Version

from agencies.models import Agency
from events.models import Event
from govlab.history import revision
from projects.models import Project
from tests.admin_pages import client_for, make_editor, posted_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_editor("somchai")


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


def versions_of(obj):
    return list(Version.objects.get_for_object(obj).select_related("revision__user"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_admin_change_is_kept_with_the_editor_who_made_it(
    editor, editor_client, make_agency, lang
):
    """Saving an agency in the admin records a version by that editor."""
    agency = make_agency(name_th="กรมการขนส่งทางบก", name_en="Land Transport")
    url = f"/{lang}/admin/agencies/agency/{agency.pk}/change/"
    form = editor_client.get(url)

    response = editor_client.post(
        url, posted_data(form, name_en="Department of Land Transport")
    )

    assert response.status_code == 302
    (version,) = versions_of(agency)
    assert version.revision.user == editor
    assert version.field_dict["name_en"] == "Department of Land Transport"
    history = editor_client.get(f"/{lang}/admin/agencies/agency/{agency.pk}/history/")
    assert "somchai" in history.content.decode()


def test_publish_action_is_kept_with_the_editor(editor, editor_client, make_event):
    """Publishing from the list is a change like any other: it is in the history."""
    event = make_event(is_published=False)

    editor_client.post(
        "/th/admin/events/event/",
        {"action": "publish", "_selected_action": [event.pk]},
    )

    (version,) = versions_of(event)
    assert version.revision.user == editor
    assert version.field_dict["is_published"] is True
    assert Event.objects.get(pk=event.pk).is_published


@pytest.fixture
def edited_project(editor, editor_client, make_project, make_agency):
    """A project first saved with Thai and English text and one agency, then edited."""
    customs = make_agency(
        name_th="กรมศุลกากร", name_en="Customs Department", slug="customs"
    )
    police = make_agency(
        name_th="สำนักงานตำรวจแห่งชาติ", name_en="Royal Thai Police", slug="police"
    )
    project = make_project(title_th="ต้นแบบเดิม", title_en="Original prototype")
    with revision(user=editor, comment="first"):
        project.save()
        project.participating_agencies.set([customs])
    url = f"/th/admin/projects/project/{project.pk}/change/"
    response = editor_client.post(
        url,
        posted_data(
            editor_client.get(url),
            title_th="ต้นแบบที่แก้ไข",
            title_en="Edited prototype",
            participating_agencies=[str(police.pk)],
        ),
    )
    assert response.status_code == 302
    return project


def revert_url(project, version, lang="th"):
    return f"/{lang}/admin/projects/project/{project.pk}/history/{version.pk}/"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_restoring_an_earlier_version_brings_back_both_languages_and_agencies(
    editor_client, edited_project, lang
):
    """Reverting in the admin restores the Thai and English title and the agencies."""
    first = versions_of(edited_project)[-1]
    page = editor_client.get(revert_url(edited_project, first, lang))
    assert page.status_code == 200

    response = editor_client.post(
        revert_url(edited_project, first, lang), posted_data(page)
    )

    assert response.status_code == 302
    project = Project.objects.get(pk=edited_project.pk)
    assert (project.title_th, project.title_en) == ("ต้นแบบเดิม", "Original prototype")
    assert [a.slug for a in project.participating_agencies.all()] == ["customs"]
    assert len(versions_of(project)) == 3


def test_revert_page_compares_the_version_with_the_record_now(
    editor_client, edited_project
):
    """The revert page lists each field that differs, now and in that version."""
    first = versions_of(edited_project)[-1]

    page = editor_client.get(revert_url(edited_project, first, "en"))

    rows = {
        row.name: (row.before, row.after) for row in page.context["version_differences"]
    }
    assert rows["title_th"] == ("ต้นแบบที่แก้ไข", "ต้นแบบเดิม")
    assert rows["participating_agencies"] == ("Royal Thai Police", "Customs Department")
    assert "version" not in rows
    assert 'id="version-differences"' in page.content.decode()


def test_viewing_an_old_version_changes_nothing(editor_client, edited_project):
    """Opening the revert page without saving leaves the record as it is."""
    first = versions_of(edited_project)[-1]

    editor_client.get(revert_url(edited_project, first))

    project = Project.objects.get(pk=edited_project.pk)
    assert project.title_en == "Edited prototype"
    assert project.version == 2


def test_a_revert_moves_the_version_forward(editor_client, edited_project):
    """Restoring version 1 makes version 3: an old open form cannot match it again."""
    first = versions_of(edited_project)[-1]
    page = editor_client.get(revert_url(edited_project, first))

    editor_client.post(revert_url(edited_project, first), posted_data(page))

    assert Project.objects.get(pk=edited_project.pk).version == 3


def test_a_revert_is_refused_if_someone_saved_meanwhile(editor_client, edited_project):
    """A revert page left open while another editor saves does not undo their save."""
    first = versions_of(edited_project)[-1]
    page = editor_client.get(revert_url(edited_project, first))
    other = client_for(make_editor("malee"))
    url = f"/th/admin/projects/project/{edited_project.pk}/change/"
    other.post(url, posted_data(other.get(url), title_en="Malee's title"))

    response = editor_client.post(revert_url(edited_project, first), posted_data(page))

    assert response.status_code == 200
    assert response.context["adminform"].form.conflict_differences
    assert Project.objects.get(pk=edited_project.pk).title_en == "Malee's title"


def hackathon_form(**fields):
    data = {
        "title_th": "มาย เบทเทอร์ คันทรี แฮกกาธอน",
        "title_en": "My Better Country Hackathon",
        "slug": "my-better-country-hackathon-2019",
        "kind": "hackathon",
        "date_spans-TOTAL_FORMS": "2",
        "date_spans-INITIAL_FORMS": "0",
        "date_spans-0-start": "18/08/2562",
        "date_spans-0-end": "18/08/2562",
        "date_spans-1-start": "23/08/2562",
        "date_spans-1-end": "25/08/2562",
        "_save": "Save",
    }
    data.update(fields)
    return data


def test_recovering_a_deleted_event_brings_back_its_date_spans(editor_client):
    """A deleted event is recovered from its last version with both its spans."""
    assert (
        editor_client.post("/th/admin/events/event/add/", hackathon_form()).status_code
        == 302
    )
    event = Event.objects.get(slug="my-better-country-hackathon-2019")
    editor_client.post(f"/th/admin/events/event/{event.pk}/delete/", {"post": "yes"})
    assert not Event.objects.exists()

    listed = editor_client.get("/th/admin/events/event/recover/")
    assert "มาย เบทเทอร์ คันทรี แฮกกาธอน" in listed.content.decode()
    (deleted,) = Version.objects.get_deleted(Event)
    url = f"/th/admin/events/event/recover/{deleted.pk}/"
    response = editor_client.post(url, posted_data(editor_client.get(url)))

    assert response.status_code == 302
    recovered = Event.objects.get(slug="my-better-country-hackathon-2019")
    assert recovered.title_en == "My Better Country Hackathon"
    assert [(s.start, s.end) for s in recovered.date_spans.all()] == [
        (datetime.date(2019, 8, 18), datetime.date(2019, 8, 18)),
        (datetime.date(2019, 8, 23), datetime.date(2019, 8, 25)),
    ]


def test_deleted_agency_is_listed_for_recovery(editor_client, make_agency):
    """An agency deleted in the admin can be found on the recover page."""
    agency = make_agency(
        name_th="กรมโรงงานอุตสาหกรรม", name_en="Department of Industrial Works"
    )
    url = f"/en/admin/agencies/agency/{agency.pk}/change/"
    editor_client.post(url, posted_data(editor_client.get(url)))
    editor_client.post(
        f"/en/admin/agencies/agency/{agency.pk}/delete/", {"post": "yes"}
    )

    listed = editor_client.get("/en/admin/agencies/agency/recover/")

    assert not Agency.objects.filter(pk=agency.pk).exists()
    assert "Department of Industrial Works" in listed.content.decode()
