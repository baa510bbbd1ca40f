from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from projects.models import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, Stage, Track


class ReviewStatus(models.TextChoices):
    """Where an agency's submission stands in OPDC's review."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    RETURNED = "returned", _("Returned for changes")
    APPROVED = "approved", _("Approved and published")
    REJECTED = "rejected", _("Rejected")


# Stages that close a chapter of a project: moving to one asks for lessons learned.
STAGES_NEEDING_LESSONS = (Stage.SCALING_UP, Stage.ADOPTED, Stage.DISCONTINUED)


class Submission(models.Model):
    """What progress updates and project proposals share: who sent it and its review."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("reporting agency"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ReviewStatus.choices,
        default=ReviewStatus.DRAFT,
    )
    return_reason = models.TextField(
        _("reason for returning or rejecting"),
        blank=True,
        help_text=_("Shown to the agency."),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Optimistic locking: a save names the version it was read at (see services).
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class ProjectUpdate(Submission):
    """An agency's report of progress on one project, published once OPDC approves."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        # Nothing lost: a project with reported progress is withdrawn, not deleted.
        on_delete=models.PROTECT,
        related_name="updates",
    )
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"))
    reported_on = models.DateField(_("reporting date"))
    proposed_stage = models.CharField(
        _("proposed new stage"),
        max_length=20,
        choices=Stage.choices,
        blank=True,
        help_text=_("Leave empty if the project stays at its stage."),
    )
    stage_change_reason = models.TextField(_("reason for the stage change"), blank=True)
    lessons_learned = models.TextField(
        _("lessons learned"),
        blank=True,
        help_text=_("Asked when a project scales up, is adopted or is discontinued."),
    )

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        permissions = [
            (
                "review_projectupdate",
                _("Can approve, return or reject progress updates"),
            )
        ]
        ordering = ["-reported_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReviewStatus.values),
                name="update_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(proposed_stage="")
                | models.Q(proposed_stage__in=Stage.values),
                name="update_proposed_stage_valid",
            ),
        ]
        indexes = [
            models.Index(
                fields=["project", "status", "-reported_on"], name="update_timeline_idx"
            ),
            models.Index(fields=["status", "submitted_at"], name="update_queue_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workspace:update-edit", kwargs={"pk": self.pk})


class UpdateLink(models.Model):
    """A web address that a progress update points readers to."""

    update = models.ForeignKey(
        ProjectUpdate,
        verbose_name=_("progress update"),
        on_delete=models.CASCADE,
        related_name="links",
    )
    url = models.URLField(_("web address"), max_length=500)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        ordering = ["pk"]

    def __str__(self):
        return self.label or self.url


class AttachmentKind(models.TextChoices):
    IMAGE = "image", _("Image")
    PDF = "pdf", _("PDF document")


class UpdateAttachment(models.Model):
    """An image or PDF attached to a progress update, checked by content on upload.

    An attachment without an update is held for its uploader while a form that
    failed validation is corrected, so nothing uploaded is lost.
    """

    update = models.ForeignKey(
        ProjectUpdate,
        verbose_name=_("progress update"),
        on_delete=models.CASCADE,
        related_name="attachments",
        null=True,
        blank=True,
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    file = models.FileField(_("file"), upload_to="attachments/%Y/%m/")
    original_name = models.CharField(_("original file name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=10, choices=AttachmentKind.choices)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self):
        return self.original_name


class ProjectProposal(Submission):
    """An agency's proposal of a new project; OPDC publishes it as a project."""

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    track = models.CharField(_("track"), max_length=20, choices=Track.choices)
    issue_area = models.ForeignKey(
        "projects.IssueArea",
        verbose_name=_("issue area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"))
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    project = models.OneToOneField(
        "projects.Project",
        verbose_name=_("project created from the proposal"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        help_text=_("The project created when the proposal was approved."),
    )

    class Meta:
        verbose_name = _("project proposal")
        verbose_name_plural = _("project proposals")
        permissions = [
            ("review_projectproposal", _("Can approve, return or reject proposals"))
        ]
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReviewStatus.values),
                name="proposal_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(
                    fiscal_year__gte=FISCAL_YEAR_MIN, fiscal_year__lte=FISCAL_YEAR_MAX
                ),
                name="proposal_fiscal_year_buddhist_era",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "submitted_at"], name="proposal_queue_idx"),
        ]

    def __str__(self):
        return self.title


class ReminderLog(models.Model):
    """When an agency was last reminded of its stale projects, so it is not nagged."""

    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    project_count = models.PositiveIntegerField(_("stale projects listed"))

    class Meta:
        verbose_name = _("stale-project reminder")
        verbose_name_plural = _("stale-project reminders")
        ordering = ["-sent_at"]
        indexes = [
            models.Index(fields=["agency", "-sent_at"], name="reminder_agency_idx")
        ]

    def __str__(self):
        return f"{self.agency} · {self.sent_at:%Y-%m-%d}"
