from django.conf import settings
from django.contrib.auth.models import User
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """What an agency account may do for one of its agencies."""

    REPORTER = "reporter", _("Reporter")
    AGENCY_LEAD = "agency-lead", _("Agency lead")


class Membership(models.Model):
    """An agency account's place in one agency: agency staff report for that agency."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=Role.choices, default=Role.REPORTER
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("agency membership")
        verbose_name_plural = _("agency memberships")
        ordering = ["agency__slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "agency"], name="membership_one_per_agency"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.agency} ({self.get_role_display()})"


class AgencyAccount(User):
    """An agency staff member's login, as OPDC staff manage it in the admin.

    A proxy of the user model so that OPDC editors can create and edit agency
    accounts without the right to grant staff or superuser status.
    """

    class Meta:
        proxy = True
        verbose_name = _("agency account")
        verbose_name_plural = _("agency accounts")
