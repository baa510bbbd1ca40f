from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Fiscal years are Buddhist Era years (CE + 543); these bounds catch a CE year typed
# by mistake (2020 instead of 2563) while leaving room for the registry's lifetime.
FISCAL_YEAR_MIN = 2540
FISCAL_YEAR_MAX = 2700


class Track(models.TextChoices):
    """The two ways Gov Lab organises prototypes."""

    SERVICE_ISSUE = "service-issue", _("Service-issue track")
    AGENCY = "agency", _("Agency track")


class Stage(models.TextChoices):
    """Where a project stands, in the order projects move through them."""

    IDEA = "idea", _("Idea")
    PROTOTYPE = "prototype", _("Prototype")
    PILOT = "pilot", _("Pilot")
    SCALING_UP = "scaling-up", _("Scaling up")
    ADOPTED = "adopted", _("Adopted")
    DISCONTINUED = "discontinued", _("Discontinued")


class IssueArea(models.Model):
    """A cross-agency public-service issue that the service-issue track works on."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("issue area")
        verbose_name_plural = _("issue areas")
        ordering = ["slug"]

    def __str__(self):
        return self.name


class Project(models.Model):
    """A Gov Lab innovation project, from idea to adoption."""

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    issue_area = models.ForeignKey(
        IssueArea,
        verbose_name=_("issue area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
        help_text=_(
            "Required for the service-issue track; empty for the agency track."
        ),
    )
    lead_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("lead agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
        help_text=_("Required for the agency track."),
    )
    participating_agencies = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("participating agencies"),
        blank=True,
        related_name="participating_projects",
    )
    consultants = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("consultants"),
        blank=True,
        related_name="consulted_projects",
        help_text=_("Project consultants, such as the university that runs a track."),
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"),
        validators=[
            MinValueValidator(FISCAL_YEAR_MIN),
            MaxValueValidator(FISCAL_YEAR_MAX),
        ],
        help_text=_(
            "Buddhist Era year in which the fiscal year ends, e.g. 2563 for "
            "1 October 2019 to 30 September 2020."
        ),
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    origin_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("origin event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="originated_projects",
        help_text=_("The event the project came out of, such as a hackathon."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published projects are shown to the public."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Optimistic locking: a save names the version it was read at, so a second
    # editor's save is refused rather than overwriting the first (see services).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Derived, never edited: the searched text of the project and of its agencies and
    # issue area, folded as queries are, so that each search term is one LIKE on one
    # (trigram-indexed) column. Kept current by projects/signals.py.
    search_text = models.TextField(default="", editable=False)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-fiscal_year", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(track__in=Track.values), name="project_track_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(stage__in=Stage.values), name="project_stage_valid"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(track=Track.SERVICE_ISSUE, issue_area__isnull=False)
                    | models.Q(track=Track.AGENCY, issue_area__isnull=True)
                ),
                name="project_issue_area_only_in_service_issue_track",
                violation_error_message=_(
                    "A service-issue track project needs an issue area; an agency "
                    "track project has none."
                ),
            ),
            models.CheckConstraint(
                condition=(
                    ~models.Q(track=Track.AGENCY) | models.Q(lead_agency__isnull=False)
                ),
                name="project_agency_track_has_lead_agency",
                violation_error_message=_(
                    "An agency track project needs a lead agency."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(
                    fiscal_year__gte=FISCAL_YEAR_MIN, fiscal_year__lte=FISCAL_YEAR_MAX
                ),
                name="project_fiscal_year_buddhist_era",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(start_date__isnull=True)
                    | models.Q(end_date__isnull=True)
                    | models.Q(end_date__gte=models.F("start_date"))
                ),
                name="project_ends_after_start",
                violation_error_message=_(
                    "The end date cannot be before the start date."
                ),
            ),
        ]
        # Every filter and sort of the public list and the API (projects.filters):
        # the facet counts read the first (projects.facets), the sorts walk the
        # others in order and stop after a page.
        indexes = [
            models.Index(
                fields=["is_published", "track", "stage", "fiscal_year", "issue_area"],
                name="project_pub_facets_idx",
            ),
            models.Index(
                fields=["is_published", "stage"], name="project_pub_stage_idx"
            ),
            models.Index(
                fields=["is_published", "fiscal_year", "stage"],
                name="project_pub_fy_stage_idx",
            ),
            models.Index(
                fields=["is_published", "issue_area"], name="project_pub_issue_idx"
            ),
            # With the id, the agency and event facets read these indexes only.
            models.Index(
                fields=["is_published", "lead_agency", "id"],
                name="project_pub_lead_idx",
            ),
            models.Index(
                fields=["is_published", "origin_event", "id"],
                name="project_pub_origin_idx",
            ),
            models.Index(
                fields=["is_published", "-fiscal_year", "slug"],
                name="project_pub_fy_idx",
            ),
            models.Index(
                fields=["is_published", "fiscal_year", "slug"],
                name="project_pub_fy_asc_idx",
            ),
            models.Index(
                fields=["is_published", "-updated_at", "-id"],
                name="project_pub_updated_idx",
            ),
            models.Index(
                fields=["is_published", "-created_at", "-id"],
                name="project_pub_created_idx",
            ),
            *(
                models.Index(
                    "is_published",
                    Coalesce(NullIf(F(f"title_{lang}"), Value("")), F("title_th")),
                    "slug",
                    name=f"project_pub_title_{lang}_idx",
                )
                for lang in ("th", "en")
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:project-detail", kwargs={"slug": self.slug})

    def clean(self):
        """Give the track rules as messages on the fields the editor has to change."""
        super().clean()
        errors = {}
        if self.track == Track.SERVICE_ISSUE and self.issue_area_id is None:
            errors["issue_area"] = _(
                "Choose the issue area of a service-issue project."
            )
        if self.track == Track.AGENCY and self.issue_area_id is not None:
            errors["issue_area"] = _(
                "An agency track project has no issue area: leave it empty."
            )
        if self.track == Track.AGENCY and self.lead_agency_id is None:
            errors["lead_agency"] = _(
                "Choose the lead agency of an agency track project."
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if errors:
            raise ValidationError(errors)


class StageChange(models.Model):
    """A project's move from one stage to another, with why and what was learned."""

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        # Nothing lost: a project with a recorded history is withdrawn, not deleted.
        on_delete=models.PROTECT,
        related_name="stage_changes",
    )
    from_stage = models.CharField(_("from stage"), max_length=20, choices=Stage.choices)
    to_stage = models.CharField(_("to stage"), max_length=20, choices=Stage.choices)
    reason = models.TextField(_("reason"))
    lessons_learned = models.TextField(_("lessons learned"), blank=True)
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    update = models.ForeignKey(
        "updates.ProjectUpdate",
        verbose_name=_("progress update"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="stage_changes",
        help_text=_("The approved progress update that proposed the change, if any."),
    )

    class Meta:
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")
        ordering = ["-changed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_stage=models.F("to_stage")),
                name="stage_change_changes_stage",
            ),
        ]

    def __str__(self):
        return f"{self.project}: {self.from_stage} → {self.to_stage}"
