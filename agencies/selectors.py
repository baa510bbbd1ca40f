"""Read queries for the public agency pages.

Every agency is a public record. Project counts and lists show published projects
only, in any of the three roles an agency can have: lead, participant, consultant.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import (
    Case,
    F,
    IntegerChoices,
    IntegerField,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from agencies.models import Agency, AgencyKind
from projects.models import Project


def translated_order(field: str) -> Coalesce:
    """Order by a translated field as the active language shows it.

    modeltranslation would order by the active language's column alone, putting a
    record without English text first on English pages; fall back to Thai instead.
    """
    language = (get_language() or "th")[:2]
    return Coalesce(NullIf(F(f"{field}_{language}"), Value("")), F(f"{field}_th"))


def _project_cards() -> QuerySet[Project]:
    """Published projects with what includes/project_card.html shows."""
    return Project.objects.filter(is_published=True).select_related(
        "lead_agency", "issue_area"
    )


def _published_project_counts() -> dict[int, int]:
    """Distinct published projects each agency leads, takes part in or advises.

    One grouped query over the (agency, project) pairs of the three roles, which
    UNION makes distinct, rather than a count per agency.
    """
    # A plain QuerySet: modeltranslation's may reorder the selected columns, and a
    # UNION pairs columns by position.
    published = QuerySet(model=Project).filter(is_published=True)
    leads = published.filter(lead_agency__isnull=False).values_list("lead_agency", "pk")
    roles = [
        through.objects.filter(project__is_published=True).values_list(
            "agency", "project"
        )
        for through in (
            Project.participating_agencies.through,
            Project.consultants.through,
        )
    ]
    pairs = leads.order_by().union(*(role.order_by() for role in roles))
    sql, params = pairs.query.sql_with_params()
    # The union's columns take the names of the first part's fields.
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT lead_agency, COUNT(*) FROM ({sql}) pairs GROUP BY lead_agency",
            params,
        )
        return dict(cursor.fetchall())


@dataclass(frozen=True)
class AgencyGroup:
    kind: AgencyKind
    agencies: list[Agency]


def agency_list_by_kind() -> list[AgencyGroup]:
    """Agencies grouped by kind in AgencyKind order, named in the page's language."""
    kind_order = Case(
        *(When(kind=kind, then=Value(i)) for i, kind in enumerate(AgencyKind.values)),
        output_field=IntegerField(),
    )
    agencies = Agency.objects.order_by(kind_order, translated_order("name"), "slug")
    counts = _published_project_counts()
    groups: list[AgencyGroup] = []
    for agency in agencies:
        agency.project_count = counts.get(agency.pk, 0)
        if not groups or groups[-1].kind != agency.kind:
            groups.append(AgencyGroup(kind=AgencyKind(agency.kind), agencies=[]))
        groups[-1].agencies.append(agency)
    return groups


def agency_get(*, slug: str) -> Agency:
    """An agency with its parent. Raises Agency.DoesNotExist for an unknown slug."""
    return Agency.objects.select_related("parent").get(slug=slug)


def agency_children(*, agency: Agency) -> QuerySet[Agency]:
    """The agencies under this one, such as the departments of a ministry."""
    return agency.children.order_by(translated_order("name"), "slug")


class AgencyRole(IntegerChoices):
    """An agency's part in a project, the leading one first."""

    LEADS = 0
    TAKES_PART = 1
    ADVISES = 2


@dataclass(frozen=True)
class AgencyProjects:
    leads: list[Project]
    participates: list[Project]
    consults: list[Project]

    @classmethod
    def of(cls, projects: Iterable[Project]) -> "AgencyProjects":
        """Projects from agency_project_list() under their ``role``."""
        by_role: dict[int, list[Project]] = {role: [] for role in AgencyRole}
        for project in projects:
            by_role[project.role].append(project)
        return cls(*by_role.values())

    def __bool__(self) -> bool:
        return bool(self.leads or self.participates or self.consults)


def agency_project_list(*, agency: Agency) -> QuerySet[Project]:
    """The agency's published projects, each once under its leading ``role``:
    those it leads, then takes part in, then advises; one query for any slice."""
    participating = Project.participating_agencies.through.objects.filter(
        agency=agency
    ).values("project_id")
    advising = Project.consultants.through.objects.filter(agency=agency).values(
        "project_id"
    )
    role = Case(
        When(lead_agency=agency, then=Value(AgencyRole.LEADS)),
        When(pk__in=participating, then=Value(AgencyRole.TAKES_PART)),
        default=Value(AgencyRole.ADVISES),
        output_field=IntegerField(),
    )
    return (
        _project_cards()
        .filter(Q(lead_agency=agency) | Q(pk__in=participating) | Q(pk__in=advising))
        .annotate(role=role)
        .order_by("role", "-fiscal_year", "slug")
    )
