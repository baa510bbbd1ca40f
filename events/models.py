from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    """What sort of gathering an event is."""

    HACKATHON = "hackathon", _("Hackathon")
    SYMPOSIUM = "symposium", _("Symposium")
    WORKSHOP = "workshop", _("Workshop")
    CONFERENCE = "conference", _("Conference")
    LAUNCH = "launch", _("Launch")
    COMMITTEE_MEETING = "committee-meeting", _("Committee meeting")
    SERIES = "series", _("Series")


class Event(models.Model):
    """A hackathon, symposium, workshop or other gathering around Gov Lab work."""

    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    is_online = models.BooleanField(
        _("online"), default=False, help_text=_("Held online, wholly or in part.")
    )
    organisers = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
    )
    partners = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("partners"),
        blank=True,
        related_name="partnered_events",
    )
    related_projects = models.ManyToManyField(
        "projects.Project",
        verbose_name=_("related projects"),
        blank=True,
        related_name="events",
    )
    link = models.URLField(_("link"), blank=True)
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Only published events are shown to the public."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=EventKind.values), name="event_kind_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["is_published", "kind"], name="event_pub_kind_idx")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:event-detail", kwargs={"slug": self.slug})


class EventDateSpan(models.Model):
    """A run of consecutive days on which an event took place.

    An event may have several: the 2019 hackathon ran on 18 and on 23-25 August.
    """

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="date_spans",
    )
    start = models.DateField(_("first day"))
    end = models.DateField(
        _("last day"), blank=True, help_text=_("Leave empty for a one-day span.")
    )

    class Meta:
        verbose_name = _("date span")
        verbose_name_plural = _("date spans")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gte=models.F("start")),
                name="event_date_span_ends_after_start",
                violation_error_message=_(
                    "The last day cannot be before the first day."
                ),
            ),
            models.UniqueConstraint(
                fields=["event", "start"], name="event_date_span_unique_start"
            ),
        ]
        indexes = [models.Index(fields=["start", "end"], name="event_span_dates_idx")]

    def __str__(self):
        if self.end and self.end != self.start:
            return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"
        return f"{self.start:%Y-%m-%d}"

    def clean(self):
        """A span left without a last day is a one-day span."""
        super().clean()
        if self.start and not self.end:
            self.end = self.start
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("The last day cannot be before the first day.")}
            )
