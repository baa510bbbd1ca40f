"""Two editors on one project: the second save is refused, never silently applied."""

import pytest
from django.utils import translation

from govlab.concurrency import EditConflict
from projects.models import Project
from tests.admin_pages import client_for, make_editor, posted_data

pytestmark = pytest.mark.django_db

CHANGE = "/{lang}/admin/projects/project/{pk}/change/"


@pytest.fixture
def editors():
    return client_for(make_editor("somchai")), client_for(make_editor("malee"))


@pytest.fixture
def project(make_project, make_agency):
    return make_project(
        title_th="ต้นแบบกรมการขนส่งทางบก",
        title_en="Department of Land Transport prototype",
        summary_th="ลดขั้นตอนการต่อใบอนุญาตขับขี่",
        participating=[make_agency(name_th="กรมชลประทาน")],
    )


def open_form(client, project, lang="th"):
    response = client.get(CHANGE.format(lang=lang, pk=project.pk))
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("lang", ["th", "en"])
def test_second_editor_is_refused_and_sees_the_first_editors_change(
    editors, project, lang
):
    """The second save shows the conflict and the other's value; nothing is lost."""
    first, second = editors
    first_form = open_form(first, project, lang)
    second_form = open_form(second, project, lang)

    saved = first.post(
        CHANGE.format(lang=lang, pk=project.pk),
        posted_data(first_form, title_en="Driving licence renewal prototype"),
    )
    assert saved.status_code == 302
    refused = second.post(
        CHANGE.format(lang=lang, pk=project.pk),
        posted_data(second_form, summary_th="สรุปที่ผู้แก้ไขคนที่สองพิมพ์"),
    )

    assert refused.status_code == 200
    html = refused.content.decode()
    form = refused.context["adminform"].form
    with translation.override(lang):
        assert form.non_field_errors() == [str(EditConflict.message)]
    rows = {row.name: (row.before, row.after) for row in form.conflict_differences}
    assert rows["title_en"] == (
        "Driving licence renewal prototype",
        "Department of Land Transport prototype",
    )
    assert rows["summary_th"] == (
        "ลดขั้นตอนการต่อใบอนุญาตขับขี่",
        "สรุปที่ผู้แก้ไขคนที่สองพิมพ์",
    )
    assert 'id="edit-conflict"' in html
    assert "Driving licence renewal prototype" in html
    project.refresh_from_db()
    assert project.title_en == "Driving licence renewal prototype"
    assert project.summary_th == "ลดขั้นตอนการต่อใบอนุญาตขับขี่"
    assert project.version == 2


def test_refused_form_keeps_what_the_second_editor_typed(editors, project):
    """After the refusal the form still holds the typed text, ready to save again."""
    first, second = editors
    first_form, second_form = open_form(first, project), open_form(second, project)
    first.post(CHANGE.format(lang="th", pk=project.pk), posted_data(first_form))

    refused = second.post(
        CHANGE.format(lang="th", pk=project.pk),
        posted_data(second_form, summary_th="สรุปที่ผู้แก้ไขคนที่สองพิมพ์"),
    )

    form = refused.context["adminform"].form
    assert form["summary_th"].value() == "สรุปที่ผู้แก้ไขคนที่สองพิมพ์"
    assert form["read_version"].value() == 2


def test_refused_save_leaves_the_agencies_untouched(editors, project, make_agency):
    """Many-to-many rows of a refused save are not written either."""
    first, second = editors
    first_form, second_form = open_form(first, project), open_form(second, project)
    before = set(project.participating_agencies.all())
    first.post(CHANGE.format(lang="th", pk=project.pk), posted_data(first_form))

    newcomer = make_agency(name_th="กรมศุลกากร")
    refused = second.post(
        CHANGE.format(lang="th", pk=project.pk),
        posted_data(second_form, participating_agencies=[str(newcomer.pk)]),
    )

    assert refused.status_code == 200
    assert set(project.participating_agencies.all()) == before


def test_saving_again_after_reading_the_differences_keeps_yours(editors, project):
    """The refused editor who saves again, having seen the other's change, wins."""
    first, second = editors
    first_form, second_form = open_form(first, project), open_form(second, project)
    first.post(
        CHANGE.format(lang="th", pk=project.pk),
        posted_data(first_form, title_en="First editor's title"),
    )
    refused = second.post(
        CHANGE.format(lang="th", pk=project.pk),
        posted_data(second_form, title_en="Second editor's title"),
    )

    again = second.post(CHANGE.format(lang="th", pk=project.pk), posted_data(refused))

    assert again.status_code == 302
    project.refresh_from_db()
    assert (project.title_en, project.version) == ("Second editor's title", 3)


def test_form_without_its_version_is_refused(editors, project):
    """A change posted without the version it was read at saves nothing."""
    first, _second = editors
    data = posted_data(open_form(first, project), title_en="No version")
    del data["read_version"]

    response = first.post(CHANGE.format(lang="en", pk=project.pk), data)

    assert response.status_code == 200
    assert response.context["adminform"].form.non_field_errors() == [
        "This form is out of date: open the record again."
    ]
    assert Project.objects.get(pk=project.pk).title_en != "No version"


def test_publishing_from_the_list_refuses_an_older_open_form(editors, project):
    """Withdrawing a project from the list counts as a save: an open form is stale."""
    first, second = editors
    second_form = open_form(second, project)

    first.post(
        "/th/admin/projects/project/",
        {"action": "unpublish", "_selected_action": [project.pk]},
    )
    refused = second.post(
        CHANGE.format(lang="th", pk=project.pk), posted_data(second_form)
    )

    assert refused.status_code == 200
    project.refresh_from_db()
    assert (project.is_published, project.version) == (False, 2)
