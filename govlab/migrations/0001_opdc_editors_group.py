"""Create the "OPDC editors" group: the permissions that curating the registry needs.

OPDC staff who curate projects, agencies and events get these through the group, so
no one needs to be a superuser to keep the registry up to date.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

GROUP_NAME = "OPDC editors"
ACTIONS = ("add", "change", "delete", "view")
# app label -> model names whose records editors add, change, delete and view.
REGISTRY_MODELS = {
    "agencies": ("agency",),
    "projects": ("issuearea", "project"),
    "events": ("event", "eventdatespan"),
}


def create_editors_group(apps, schema_editor):
    using = schema_editor.connection.alias
    # On a fresh database permissions only appear in post_migrate, after every
    # migration has run, so create those of the registry apps now.
    for label in REGISTRY_MODELS:
        create_permissions(
            global_apps.get_app_config(label), verbosity=0, using=using, apps=apps
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    wanted = Q()
    for label, models in REGISTRY_MODELS.items():
        for model in models:
            wanted |= Q(
                content_type__app_label=label,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in ACTIONS],
            )
    permissions = list(Permission.objects.using(using).filter(wanted))
    expected = len(ACTIONS) * sum(len(models) for models in REGISTRY_MODELS.values())
    if len(permissions) != expected:
        raise RuntimeError(f"Expected {expected} permissions for {GROUP_NAME!r}.")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP_NAME)
    group.permissions.set(permissions)


def remove_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("agencies", "0001_initial"),
        ("projects", "0001_initial"),
        ("events", "0002_initial"),
    ]

    operations = [
        migrations.RunPython(create_editors_group, remove_editors_group),
    ]
