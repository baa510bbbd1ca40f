from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    """What sort of organisation an agency is; the public list groups by it."""

    GOVERNMENT_DEPARTMENT = "government-department", _("Government department")
    STATE_ENTERPRISE = "state-enterprise", _("State enterprise")
    LOCAL_ADMINISTRATION = "local-administration", _("Local administration")
    POLICE_OR_ARMED_FORCES = "police-armed-forces", _("Police or armed forces")
    INDEPENDENT_BODY = "independent-body", _("Independent body")
    ACADEMIC_INSTITUTION = "academic-institution", _("Academic institution")
    INTERNATIONAL_ORGANISATION = (
        "international-organisation",
        _("International organisation"),
    )
    PRIVATE_OR_CIVIL_SOCIETY = "private-civil-society", _("Private or civil society")


class Agency(models.Model):
    """A government agency or a partner organisation that takes part in Gov Lab work."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(
        _("short name"),
        max_length=50,
        blank=True,
        help_text=_("Abbreviation, e.g. ขบ. / DLT"),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("The ministry or body this agency belongs to, if any."),
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["slug"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=AgencyKind.values),
                name="agency_kind_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("pk")),
                name="agency_not_own_parent",
            ),
        ]
        indexes = [models.Index(fields=["kind"], name="agency_kind_idx")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("agencies:agency-detail", kwargs={"slug": self.slug})
