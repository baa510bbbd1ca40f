"""The field-by-field diff an OPDC reviewer sees: what approving would publish."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from govlab import dates
from projects.freshness import project_last_reported_on
from projects.models import Project, Stage
from updates.models import ProjectProposal, ProjectUpdate
from updates.review import project_from_proposal

# What the diff shows for a value that the public record does not have (yet).
NONE = "—"


@dataclass(frozen=True)
class DiffRow:
    """One field: its value on the public record, and what approving would make it."""

    label: str
    published: str
    proposed: str

    @property
    def changed(self) -> bool:
        return self.published != self.proposed


@dataclass(frozen=True)
class ReviewDiff:
    rows: list[DiffRow]
    warnings: list[str]


def update_diff(*, update: ProjectUpdate) -> ReviewDiff:
    """What approving the update would change on the project's public page."""
    project = update.project
    stage = project.get_stage_display()
    moves = bool(update.proposed_stage) and update.proposed_stage != project.stage
    new_stage = Stage(update.proposed_stage).label if moves else stage
    rows = [DiffRow(_label(Project, "stage"), stage, str(new_stage))]
    if moves:
        rows += _text_rows(update, ["stage_change_reason", "lessons_learned"])
    last = project_last_reported_on(project=project)
    newest = max(last, update.reported_on) if last else update.reported_on
    rows.append(
        DiffRow(
            _("Last reported"),
            dates.format_date(last) if last else _("No published update yet"),
            dates.format_date(newest),
        )
    )
    rows += _text_rows(update, ["title", "body"])
    links = [
        f"{link.label} <{link.url}>" if link.label else link.url
        for link in update.links.all()
    ]
    files = [
        f"{a.original_name} ({a.get_kind_display()}, {filesizeformat(a.size)})"
        for a in update.attachments.all()
    ]
    rows += [
        DiffRow(
            _label(ProjectUpdate, "reported_on"),
            NONE,
            dates.format_date(update.reported_on),
        ),
        DiffRow(_("Links"), NONE, "\n".join(links) or NONE),
        DiffRow(_("Attachments"), NONE, "\n".join(files) or NONE),
    ]
    warnings = []
    if not project.is_published:
        warnings.append(
            _("The project is not published: the update becomes public with it.")
        )
    if update.proposed_stage and not moves:
        warnings.append(_("The project is already at the proposed stage."))
    return ReviewDiff(rows=rows, warnings=warnings)


def proposal_diff(*, proposal: ProjectProposal) -> ReviewDiff:
    """The project that approving the proposal would publish; none exists yet."""
    project = project_from_proposal(proposal=proposal)
    rows = _text_rows(project, ["title", "summary", "description"])
    values = {
        "track": project.get_track_display(),
        "issue_area": project.issue_area,
        "lead_agency": project.lead_agency,
        "fiscal_year": dates.format_fiscal_year(project.fiscal_year),
        "start_date": project.start_date and dates.format_date(project.start_date),
        "end_date": project.end_date and dates.format_date(project.end_date),
        "stage": Stage.IDEA.label,
        "slug": project.slug,
        "is_published": _("Yes"),
    }
    rows += [
        DiffRow(_label(Project, name), NONE, str(value or NONE))
        for name, value in values.items()
    ]
    return ReviewDiff(rows=rows, warnings=_proposal_warnings(proposal, project))


def _proposal_warnings(proposal: ProjectProposal, project: Project) -> list[str]:
    warnings = []
    same_title = models.Q(title_th__iexact=proposal.title_th)
    if proposal.title_en:
        same_title |= models.Q(title_en__iexact=proposal.title_en)
    twin = Project.objects.filter(same_title, is_published=True).first()
    if twin:
        warnings.append(
            _("A published project already has this title: %(title)s (%(url)s).")
            % {"title": twin.title, "url": twin.get_absolute_url()}
        )
    try:
        project.full_clean()
    except ValidationError as error:
        warnings.append(
            _("The proposal cannot be published as a project: %(reasons)s")
            % {"reasons": " ".join(error.messages)}
        )
    return warnings


def _text_rows(obj: models.Model, fields: list[str]) -> list[DiffRow]:
    """A row per field and language, Thai first, for text the record does not have."""
    languages = dict(settings.LANGUAGES)
    return [
        DiffRow(
            _("%(field)s (%(language)s)")
            % {"field": _label(type(obj), name), "language": languages[code]},
            NONE,
            getattr(obj, f"{name}_{code}", None) or NONE,
        )
        for name in fields
        for code in ("th", "en")
    ]


def _label(model: type[models.Model], name: str) -> str:
    return capfirst(model._meta.get_field(name).verbose_name)
