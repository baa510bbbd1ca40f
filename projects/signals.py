"""Keep Project.search_text current.

The search text is derived data, a copy of text held in other rows: every path that
changes one of its sources must refresh it, and those paths are many (the admin,
imports, services, proposal approval, reversion's restore, the shell). Signals are
the one place all of them pass through, which is why receivers are used here rather
than explicit calls. Each refresh writes with an UPDATE (bulk_update), never save(),
so it sends no signal and cannot recurse.
"""

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from agencies.models import Agency
from projects.models import IssueArea, Project
from projects.search_text import project_search_text_refresh

Participation = Project.participating_agencies.through


def project_saved(sender, instance, **kwargs):
    # Also on raw saves (loaddata, reversion's restore): the fields were replaced.
    project_search_text_refresh(project_ids=[instance.pk])


def participants_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if not reverse:
        if action != "pre_clear":
            project_search_text_refresh(project_ids=[instance.pk])
        return
    # From the agency's side: pk_set holds projects, or nothing on clear, when
    # the projects it took part in are only known before the rows go.
    if action == "pre_clear":
        instance._search_text_projects = _participating(instance.pk)
        return
    ids = (
        pk_set
        if action != "post_clear"
        else instance.__dict__.pop("_search_text_projects", [])
    )
    project_search_text_refresh(project_ids=ids or [])


def agency_saved(sender, instance, created, **kwargs):
    if not created:
        project_search_text_refresh(project_ids=_agency_projects(instance.pk))


def agency_deleting(sender, instance, **kwargs):
    # The participation rows go with the agency, without an m2m_changed signal.
    instance._search_text_projects = _participating(instance.pk)


def agency_deleted(sender, instance, **kwargs):
    ids = instance.__dict__.pop("_search_text_projects", [])
    project_search_text_refresh(project_ids=ids)


def issue_area_saved(sender, instance, created, **kwargs):
    if not created:
        ids = Project._base_manager.filter(issue_area=instance.pk)
        project_search_text_refresh(project_ids=ids.values_list("pk", flat=True))


def _participating(agency_id: int) -> list[int]:
    rows = Participation.objects.filter(agency_id=agency_id)
    return list(rows.values_list("project_id", flat=True))


def _agency_projects(agency_id: int) -> list[int]:
    taking_part = Participation.objects.filter(agency_id=agency_id)
    projects = Project._base_manager.filter(
        Q(lead_agency=agency_id) | Q(pk__in=taking_part.values("project_id"))
    )
    return list(projects.values_list("pk", flat=True))


def connect_search_text_receivers() -> None:
    """Connect the receivers above; called once from ProjectsConfig.ready()."""
    post_save.connect(
        project_saved, sender=Project, dispatch_uid="project_search_text_saved"
    )
    m2m_changed.connect(
        participants_changed,
        sender=Participation,
        dispatch_uid="project_search_text_participants",
    )
    post_save.connect(
        agency_saved, sender=Agency, dispatch_uid="project_search_text_agency_saved"
    )
    pre_delete.connect(
        agency_deleting, sender=Agency, dispatch_uid="project_search_text_agency_gone"
    )
    post_delete.connect(
        agency_deleted, sender=Agency, dispatch_uid="project_search_text_agency_gone"
    )
    post_save.connect(
        issue_area_saved,
        sender=IssueArea,
        dispatch_uid="project_search_text_issue_saved",
    )
