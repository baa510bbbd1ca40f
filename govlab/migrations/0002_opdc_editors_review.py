"""Give "OPDC editors" what agency reporting needs: accounts, review and history.

Editors create agency accounts and memberships, review progress updates and project
proposals, and record stage changes. django-reversion's history and recover views
check the model's own view, change and add permissions, so no reversion permission
is needed. Editors still get no permission on auth users or groups.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

GROUP_NAME = "OPDC editors"
ACTIONS = ("add", "change", "delete", "view")
# (app label, model name) -> codenames. A proxy model (AgencyAccount) has its own
# content type and permissions since Django 2.2; the admin checks those.
PERMISSIONS = {
    ("accounts", "membership"): [f"{action}_membership" for action in ACTIONS],
    ("accounts", "agencyaccount"): [f"{action}_agencyaccount" for action in ACTIONS],
    ("updates", "projectupdate"): [
        *(f"{action}_projectupdate" for action in ACTIONS),
        "review_projectupdate",
    ],
    ("updates", "updatelink"): [f"{action}_updatelink" for action in ACTIONS],
    ("updates", "updateattachment"): [
        f"{action}_updateattachment" for action in ACTIONS
    ],
    ("updates", "projectproposal"): [
        *(f"{action}_projectproposal" for action in ACTIONS),
        "review_projectproposal",
    ],
    ("updates", "reminderlog"): ["view_reminderlog"],
    ("projects", "stagechange"): [f"{action}_stagechange" for action in ACTIONS],
}


def wanted_permissions(apps, using):
    Permission = apps.get_model("auth", "Permission")
    wanted = Q()
    for (label, model), codenames in PERMISSIONS.items():
        wanted |= Q(
            content_type__app_label=label,
            content_type__model=model,
            codename__in=codenames,
        )
    permissions = list(Permission.objects.using(using).filter(wanted))
    expected = sum(len(codenames) for codenames in PERMISSIONS.values())
    if len(permissions) != expected:
        raise RuntimeError(f"Expected {expected} new permissions for {GROUP_NAME!r}.")
    return permissions


def add_review_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    # On a fresh database permissions only appear in post_migrate, after every
    # migration has run, so create those of these apps now.
    for label in sorted({label for label, _ in PERMISSIONS}):
        create_permissions(
            global_apps.get_app_config(label), verbosity=0, using=using, apps=apps
        )
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP_NAME)
    group.permissions.add(*wanted_permissions(apps, using))


def remove_review_permissions(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    group = Group.objects.using(using).filter(name=GROUP_NAME).first()
    if group is not None:
        group.permissions.remove(*wanted_permissions(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("govlab", "0001_opdc_editors_group"),
        ("accounts", "0001_initial"),
        ("updates", "0001_initial"),
        ("projects", "0003_stagechange_update_and_more"),
    ]

    operations = [
        migrations.RunPython(add_review_permissions, remove_review_permissions),
    ]
