import importlib

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db

MIGRATION = ("govlab", "0001_opdc_editors_group")
REVIEW_MIGRATION = ("govlab", "0002_opdc_editors_review")
ACTIONS = ("add", "change", "delete", "view")
REGISTRY_PERMISSIONS = {
    (app_label, f"{action}_{model}")
    for app_label, model in [
        ("agencies", "agency"),
        ("projects", "issuearea"),
        ("projects", "project"),
        ("events", "event"),
        ("events", "eventdatespan"),
    ]
    for action in ACTIONS
}
REVIEW_PERMISSIONS = {
    (app_label, f"{action}_{model}")
    for app_label, model in [
        ("accounts", "membership"),
        ("accounts", "agencyaccount"),
        ("updates", "projectupdate"),
        ("updates", "updatelink"),
        ("updates", "updateattachment"),
        ("updates", "projectproposal"),
        ("projects", "stagechange"),
    ]
    for action in ACTIONS
} | {
    ("updates", "view_reminderlog"),
    ("updates", "review_projectupdate"),
    ("updates", "review_projectproposal"),
}


def group_permissions():
    group = Group.objects.get(name="OPDC editors")
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def migration_state_apps(migration=MIGRATION):
    """The models as the migration saw them, as `migrate` passes them to RunPython."""
    loader = MigrationLoader(connection)
    return loader.project_state(migration, at_end=False).apps


def test_migrations_give_the_editors_group_exactly_its_permissions():
    """A fresh database gives "OPDC editors" the registry and review permissions."""
    assert len(REGISTRY_PERMISSIONS | REVIEW_PERMISSIONS) == 51
    assert group_permissions() == REGISTRY_PERMISSIONS | REVIEW_PERMISSIONS


def test_agency_account_permissions_belong_to_the_proxy_model():
    """The admin checks a proxy's own permissions: the group has those."""
    group = Group.objects.get(name="OPDC editors")
    models = set(
        group.permissions.filter(codename__endswith="_agencyaccount").values_list(
            "content_type__app_label", "content_type__model"
        )
    )
    assert models == {("accounts", "agencyaccount")}


def test_editors_group_has_no_user_or_session_permissions():
    """Editors cannot manage user accounts, groups, sessions or login records."""
    apps = {app_label for app_label, _ in group_permissions()}
    assert apps == {"agencies", "projects", "events", "accounts", "updates"}


def test_editors_group_migration_reverses_and_reapplies():
    """Unapplying the migration deletes the group; applying it again restores it."""
    module = importlib.import_module("govlab.migrations." + MIGRATION[1])
    (operation,) = module.Migration.operations
    apps = migration_state_apps()
    editor = connection.schema_editor()

    operation.reverse_code(apps, editor)
    assert not Group.objects.filter(name="OPDC editors").exists()

    operation.code(apps, editor)
    assert group_permissions() == REGISTRY_PERMISSIONS


def test_review_permissions_migration_reverses_and_reapplies():
    """Unapplying 0002 leaves the registry permissions; applying it adds the rest."""
    module = importlib.import_module("govlab.migrations." + REVIEW_MIGRATION[1])
    (operation,) = module.Migration.operations
    apps = migration_state_apps(REVIEW_MIGRATION)
    editor = connection.schema_editor()

    operation.reverse_code(apps, editor)
    assert group_permissions() == REGISTRY_PERMISSIONS

    operation.code(apps, editor)
    assert group_permissions() == REGISTRY_PERMISSIONS | REVIEW_PERMISSIONS


@pytest.fixture
def editor_client(client, django_user_model):
    """A logged-in OPDC staff member: staff, in "OPDC editors", not a superuser."""
    user = django_user_model.objects.create_user(
        username="somchai", password="unused-password", is_staff=True
    )
    user.groups.add(Group.objects.get(name="OPDC editors"))
    client.force_login(user)
    return client


@pytest.fixture
def registry_records(make_project, make_issue_area, make_event):
    project = make_project()
    return {
        "agencies/agency": project.lead_agency,
        "projects/issuearea": make_issue_area(),
        "projects/project": project,
        "events/event": make_event(),
    }


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize(
    "model",
    ["agencies/agency", "projects/issuearea", "projects/project", "events/event"],
)
def test_editor_can_list_add_and_change_registry_records(
    editor_client, registry_records, model, lang
):
    """An OPDC editor opens the list, add and change pages of every registry model."""
    record = registry_records[model]
    base = f"/{lang}/admin/{model}/"
    listing = editor_client.get(base)
    assert listing.status_code == 200
    assert list(listing.context["cl"].result_list) == [record]
    assert editor_client.get(f"{base}add/").status_code == 200
    change = editor_client.get(f"{base}{record.pk}/change/")
    assert change.status_code == 200
    # A view-only user would get the same page with these turned off.
    assert change.context["has_change_permission"]
    assert change.context["has_delete_permission"]


def test_editor_edits_event_date_spans_inline(editor_client):
    """The event form of an editor includes the date span rows."""
    response = editor_client.get("/th/admin/events/event/add/")
    (inline,) = response.context["inline_admin_formsets"]
    assert inline.has_add_permission and inline.has_delete_permission


@pytest.mark.parametrize(
    "url",
    ["/th/admin/auth/user/", "/th/admin/auth/group/", "/en/admin/auth/user/add/"],
)
def test_editor_cannot_manage_user_accounts(editor_client, url):
    """User accounts and groups stay out of an editor's reach."""
    assert editor_client.get(url).status_code == 403


def test_editor_admin_index_lists_the_registry_and_not_authentication(editor_client):
    """An editor's admin home shows the registry and agency accounts, not auth."""
    response = editor_client.get("/en/admin/")
    app_labels = {app["app_label"] for app in response.context["app_list"]}
    assert {"agencies", "projects", "events", "accounts"} <= app_labels
    assert app_labels.isdisjoint({"auth", "axes", "reversion"})
