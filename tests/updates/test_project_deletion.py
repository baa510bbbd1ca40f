import pytest

from projects.models import Project
from updates.models import ReviewStatus

pytestmark = pytest.mark.django_db


def test_project_with_reported_progress_cannot_be_deleted_in_the_admin(
    client, superuser, reporter, dlt_project, make_update
):
    """Deleting a project that has updates is refused: nothing reported is lost."""
    make_update(author=reporter, status=ReviewStatus.APPROVED)
    client.force_login(superuser)
    url = f"/en/admin/projects/project/{dlt_project.pk}/delete/"
    page = client.get(url).content.decode()
    assert "would require deleting the following protected related objects" in page
    client.post(url, {"post": "yes"})
    assert Project.objects.filter(pk=dlt_project.pk).exists()
    assert dlt_project.updates.count() == 1
