"""Who an agency account reports for: the basis of every workspace permission check."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from accounts.models import Membership, Role
from agencies.models import Agency
from projects.models import Project


def agency_list_for_member(
    *, user: AbstractBaseUser | AnonymousUser
) -> QuerySet[Agency]:
    """The agencies an account belongs to (none for anonymous or inactive users)."""
    if not user.is_authenticated or not user.is_active:
        return Agency.objects.none()
    return Agency.objects.filter(memberships__user=user).distinct()


def membership_role(
    *, user: AbstractBaseUser | AnonymousUser, agency: Agency
) -> str | None:
    """The account's role in the agency, or None if it is not a member."""
    if not user.is_authenticated or not user.is_active:
        return None
    return (
        Membership.objects.filter(user=user, agency=agency)
        .values_list("role", flat=True)
        .first()
    )


def is_agency_lead(*, user: AbstractBaseUser | AnonymousUser, agency: Agency) -> bool:
    return membership_role(user=user, agency=agency) == Role.AGENCY_LEAD


def project_list_for_member(
    *, user: AbstractBaseUser | AnonymousUser
) -> QuerySet[Project]:
    """Projects that the account's agencies lead or take part in, published or not."""
    agencies = agency_list_for_member(user=user)
    return Project.objects.filter(
        Q(lead_agency__in=agencies) | Q(participating_agencies__in=agencies)
    ).distinct()
