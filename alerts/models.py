from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    """Double opt-in: nothing is sent but the confirmation until it is confirmed."""

    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class Language(models.TextChoices):
    THAI = "th", _("Thai")
    ENGLISH = "en", _("English")


# A subscriber has at most one live subscription per list; a cancelled one does
# not count, so the same address can subscribe again later.
ACTIVE_STATUSES = (Status.PENDING, Status.CONFIRMED)


class Subscription(models.Model):
    """An email address that asked for a digest of one filtered project list.

    The address is personal data: it is never shown (see ``masked_email``), never
    exported, and erased when the subscriber unsubscribes. Links in emails carry
    tokens signed over the random ``key`` (see alerts.tokens), so the database
    alone is not enough to forge them.
    """

    email = models.EmailField(_("email address"), blank=True)
    filters = models.JSONField(
        _("filters"),
        default=dict,
        blank=True,
        help_text=_("The project list filters, normalised: parameter to value."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.THAI
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    key = models.CharField(_("key"), max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(
        _("confirmation sent"), null=True, blank=True
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    last_digest_at = models.DateTimeField(
        _("last digest"),
        null=True,
        blank=True,
        help_text=_("The next digest lists changes made after this moment."),
    )

    class Meta:
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["email", "filters"],
                condition=models.Q(status__in=ACTIVE_STATUSES),
                name="alert_one_active_per_email_and_filters",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values),
                name="alert_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=Language.values),
                name="alert_language_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=ACTIVE_STATUSES) | ~models.Q(email=""),
                name="alert_active_has_email",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "email"], name="alert_status_email_idx"),
        ]

    def __str__(self):
        return self.masked_email

    @property
    def masked_email(self) -> str:
        """s***@example.com: enough for staff to tell addresses apart, no more."""
        local, at, domain = self.email.partition("@")
        if not at:
            return str(_("(address erased)"))
        return f"{local[:1]}***@{domain}"

    @property
    def since(self):
        """Changes after this moment go into the next digest."""
        return self.last_digest_at or self.confirmed_at
