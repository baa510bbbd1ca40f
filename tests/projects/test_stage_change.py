"""A stage change carries a reason, and lessons learned for the closing stages."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from reversion.models import Version

from govlab.concurrency import EditConflict
from projects.models import Project, Stage, StageChange
from projects.services import project_change_stage
from tests.admin_pages import client_for, make_editor, posted_data

pytestmark = pytest.mark.django_db

CHANGE = "/{lang}/admin/projects/project/{pk}/change/"
REASON = "ทดลองใช้กับสำนักงานขนส่งจังหวัดสามแห่งแล้วได้ผลดี"
LESSONS = "ต้องเตรียมเจ้าหน้าที่หน้างานก่อนเปิดให้บริการ"


@pytest.fixture
def editor():
    return make_editor("somchai")


@pytest.fixture
def editor_client(editor):
    return client_for(editor)


@pytest.fixture
def project(make_project):
    return make_project(title_th="ต้นแบบกรมการขนส่งทางบก", stage=Stage.PROTOTYPE)


def post_stage(client, project, lang="th", **changes):
    url = CHANGE.format(lang=lang, pk=project.pk)
    return client.post(url, posted_data(client.get(url), **changes))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_stage_change_without_reason_is_refused(editor_client, project, lang):
    """A new stage with no reason shows the error on the reason box; nothing saved."""
    response = post_stage(editor_client, project, lang, stage=Stage.PILOT)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    with translation.override(lang):
        expected = translation.gettext("Give the reason for the stage change, in Thai.")
    assert errors["stage_reason_th"] == [expected]
    assert Project.objects.get(pk=project.pk).stage == Stage.PROTOTYPE
    assert not StageChange.objects.exists()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_stage_change_with_reason_is_recorded(editor, editor_client, project, lang):
    """A new stage with its reason moves the project and records who and why."""
    response = post_stage(
        editor_client,
        project,
        lang,
        stage=Stage.PILOT,
        stage_reason_th=REASON,
        stage_reason_en="Worked well in three provincial offices",
    )

    assert response.status_code == 302
    change = StageChange.objects.get()
    assert (change.project, change.from_stage, change.to_stage) == (
        project,
        Stage.PROTOTYPE,
        Stage.PILOT,
    )
    assert change.reason_th == REASON
    assert change.reason_en == "Worked well in three provincial offices"
    assert change.changed_by == editor
    assert Project.objects.get(pk=project.pk).stage == Stage.PILOT


def test_adopted_asks_for_lessons_learned(editor_client, project):
    """Moving to adopted with a reason but no lessons learned is refused."""
    response = post_stage(
        editor_client, project, stage=Stage.ADOPTED, stage_reason_th=REASON
    )

    assert response.status_code == 200
    assert "stage_lessons_th" in response.context["adminform"].form.errors
    assert not StageChange.objects.exists()


def test_adopted_with_lessons_learned_is_recorded(editor_client, project):
    """Moving to adopted with a reason and lessons learned records both."""
    response = post_stage(
        editor_client,
        project,
        stage=Stage.ADOPTED,
        stage_reason_th=REASON,
        stage_lessons_th=LESSONS,
    )

    assert response.status_code == 302
    change = StageChange.objects.get()
    assert (change.to_stage, change.lessons_learned_th) == (Stage.ADOPTED, LESSONS)


def test_edit_that_keeps_the_stage_records_no_stage_change(editor_client, project):
    """Changing only the text of a project records no stage change."""
    response = post_stage(editor_client, project, title_en="A new English title")

    assert response.status_code == 302
    assert Project.objects.get(pk=project.pk).title_en == "A new English title"
    assert not StageChange.objects.exists()


def test_other_edits_and_the_stage_change_are_saved_together(editor_client, project):
    """The text typed with a stage change is saved with it, version by version."""
    post_stage(
        editor_client,
        project,
        stage=Stage.PILOT,
        stage_reason_th=REASON,
        summary_th="ขยายการทดลองไปยังจังหวัดอื่น",
    )

    project = Project.objects.get(pk=project.pk)
    assert (project.stage, project.summary_th) == (
        Stage.PILOT,
        "ขยายการทดลองไปยังจังหวัดอื่น",
    )
    assert project.version == 3


@pytest.mark.parametrize("lang", ["th", "en"])
def test_stage_changes_show_read_only_on_the_project_page(
    editor, editor_client, project, lang
):
    """The project's change page lists its stage changes, with nothing to edit."""
    project_change_stage(
        project=project, to_stage=Stage.PILOT, reason_th=REASON, user=editor
    )

    response = editor_client.get(CHANGE.format(lang=lang, pk=project.pk))

    (inline,) = response.context["inline_admin_formsets"]
    assert inline.formset.model is StageChange
    assert not inline.has_change_permission
    assert not inline.has_add_permission
    assert REASON in response.content.decode()


def test_service_refuses_a_change_without_reason(editor, project):
    """project_change_stage needs the Thai reason."""
    with pytest.raises(ValidationError) as refused:
        project_change_stage(
            project=project, to_stage=Stage.PILOT, reason_th=" ", user=editor
        )

    assert set(refused.value.message_dict) == {"reason"}
    assert Project.objects.get(pk=project.pk).stage == Stage.PROTOTYPE


def test_service_refuses_the_stage_the_project_is_at(editor, project):
    """A "change" to the current stage is refused."""
    with pytest.raises(ValidationError):
        project_change_stage(
            project=project, to_stage=Stage.PROTOTYPE, reason_th=REASON, user=editor
        )
    assert not StageChange.objects.exists()


def test_service_refuses_a_change_from_a_stale_version(editor, project):
    """With the version it was read at, a move after someone else's save is refused."""
    Project.objects.filter(pk=project.pk).update(version=5)

    with pytest.raises(EditConflict):
        project_change_stage(
            project=project,
            to_stage=Stage.PILOT,
            reason_th=REASON,
            user=editor,
            read_version=1,
        )
    assert not StageChange.objects.exists()


def test_reverting_to_an_earlier_stage_asks_for_a_reason(editor_client, project):
    """Restoring a version at another stage is a stage change: it needs a reason."""
    post_stage(editor_client, project, title_en="Prototype, as first recorded")
    (at_prototype,) = Version.objects.get_for_object(project)
    post_stage(editor_client, project, stage=Stage.PILOT, stage_reason_th=REASON)
    url = f"/th/admin/projects/project/{project.pk}/history/{at_prototype.pk}/"
    page = editor_client.get(url)

    refused = editor_client.post(url, posted_data(page))
    assert refused.status_code == 200
    assert "stage_reason_th" in refused.context["adminform"].form.errors
    assert Project.objects.get(pk=project.pk).stage == Stage.PILOT

    reverted = editor_client.post(
        url, posted_data(page, stage_reason_th="ย้อนกลับเพราะบันทึกผิด")
    )
    assert reverted.status_code == 302
    latest = StageChange.objects.first()
    assert (latest.from_stage, latest.to_stage) == (Stage.PILOT, Stage.PROTOTYPE)
    assert latest.reason_th == "ย้อนกลับเพราะบันทึกผิด"
    assert Project.objects.get(pk=project.pk).stage == Stage.PROTOTYPE
