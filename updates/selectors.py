"""Workspace reads: what an agency account may see, and nothing of other agencies."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.selectors import agency_list_for_member, project_list_for_member
from agencies.models import Agency
from projects.models import Project
from updates.models import (
    ProjectProposal,
    ProjectUpdate,
    ReviewStatus,
    UpdateAttachment,
    UpdateLink,
)

User = AbstractBaseUser | AnonymousUser


def member_agency_ids(*, user: User) -> list[int]:
    return list(agency_list_for_member(user=user).values_list("pk", flat=True))


def reporting_agency_list(*, user: User, project: Project) -> QuerySet[Agency]:
    """The account's agencies that lead or take part in the project."""
    return (
        agency_list_for_member(user=user)
        .filter(Q(led_projects=project) | Q(participating_projects=project))
        .distinct()
        .order_by("slug")
    )


def dashboard_project_list(*, user: User) -> QuerySet[Project]:
    """The account's projects, with counts of its agencies' updates by status."""
    agencies = member_agency_ids(user=user)
    ids = project_list_for_member(user=user).values("pk")
    mine = Q(updates__agency__in=agencies)
    return (
        Project.objects.filter(pk__in=ids)
        .select_related("lead_agency")
        .annotate(
            drafts=_count(mine, ReviewStatus.DRAFT),
            pending=_count(mine, ReviewStatus.SUBMITTED),
            published=_count(mine, ReviewStatus.APPROVED),
            returned=_count(mine, ReviewStatus.RETURNED),
        )
        .order_by("-fiscal_year", "slug")
    )


def _count(mine: Q, status: str) -> Count:
    return Count("updates", filter=mine & Q(updates__status=status), distinct=True)


def proposal_list_for_member(*, user: User) -> QuerySet[ProjectProposal]:
    """Proposals of the account's agencies, newest first."""
    return ProjectProposal.objects.filter(
        agency__in=member_agency_ids(user=user)
    ).select_related("agency", "author")


def workspace_project_get(*, user: User, slug: str) -> Project:
    """One of the account's projects, published or not; DoesNotExist otherwise."""
    return (
        project_list_for_member(user=user)
        .select_related("lead_agency", "issue_area")
        .get(slug=slug)
    )


def workspace_update_list(*, user: User, project: Project) -> QuerySet[ProjectUpdate]:
    """The project's updates from the account's agencies, in every status."""
    return (
        ProjectUpdate.objects.filter(
            project=project, agency__in=member_agency_ids(user=user)
        )
        .select_related("agency", "author")
        .prefetch_related("attachments")
    )


def workspace_update_get(*, user: User, pk: int) -> ProjectUpdate:
    """An update of one of the account's agencies; DoesNotExist otherwise."""
    return (
        ProjectUpdate.objects.filter(agency__in=member_agency_ids(user=user))
        .select_related("project", "agency", "author")
        .prefetch_related(
            Prefetch("links", queryset=UpdateLink.objects.order_by("pk")),
            "attachments",
        )
        .get(pk=pk)
    )


def workspace_proposal_get(*, user: User, pk: int) -> ProjectProposal:
    """A proposal of one of the account's agencies; DoesNotExist otherwise."""
    return proposal_list_for_member(user=user).select_related("issue_area").get(pk=pk)


def held_attachment_list(*, user: User) -> QuerySet[UpdateAttachment]:
    """Uploads the account made for a form not yet saved: only theirs, only unused."""
    if not user.is_authenticated:
        return UpdateAttachment.objects.none()
    return UpdateAttachment.objects.filter(update__isnull=True, uploaded_by=user)


def attachment_get_for_download(*, user: User, pk: int) -> UpdateAttachment:
    """An attachment the user may download; DoesNotExist otherwise.

    Public: those of approved updates of published projects. Staff (OPDC
    reviewers) see all; members see their agencies' and their own held uploads.
    """
    public = Q(update__status=ReviewStatus.APPROVED, update__project__is_published=True)
    attachments = UpdateAttachment.objects.select_related("update")
    if not user.is_authenticated:
        return attachments.filter(public).get(pk=pk)
    if user.is_active and user.is_staff:
        return attachments.get(pk=pk)
    visible = (
        public
        | Q(update__agency__in=member_agency_ids(user=user))
        | Q(update__isnull=True, uploaded_by=user)
    )
    return attachments.filter(visible).get(pk=pk)
