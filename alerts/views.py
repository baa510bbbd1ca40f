"""Subscribe, confirm and unsubscribe pages. None ever shows an email address."""

import logging
import smtplib

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from alerts.forms import SubscriptionForm
from alerts.models import Status, Subscription
from alerts.selectors import (
    filters_describe,
    filters_terms,
    subscription_from_confirm_token,
    subscription_from_unsubscribe_token,
)
from alerts.services import (
    subscribe_allowed,
    subscription_confirm,
    subscription_request,
    subscription_unsubscribe,
)

logger = logging.getLogger(__name__)

INVALID_LINK_TEMPLATE = "alerts/subscription_invalid_link.html"


def list_path(filters: dict[str, str]) -> str:
    """The project list with the subscription's filters, in the active language."""
    query = urlencode(filters)
    path = reverse("projects:project-list")
    return f"{path}?{query}" if query else path


class SubscribeView(View):
    """The email form for a filtered list; the filters travel as hidden fields."""

    template_name = "alerts/subscription_form.html"

    def get(self, request):
        return self.render_form(SubscriptionForm(filter_data=request.GET))

    def post(self, request):
        form = SubscriptionForm(request.POST, filter_data=request.POST)
        if not form.is_valid():
            return self.render_form(form)
        if not subscribe_allowed(client=request.META.get("REMOTE_ADDR", "")):
            return self.render_form(form, problem="throttled", status=429)
        try:
            subscription_request(
                email=form.cleaned_data["email"],
                filters=form.filters,
                language=(get_language() or "th")[:2],
            )
        except (smtplib.SMTPException, OSError):
            logger.exception("Alert confirmation email not sent")
            return self.render_form(form, problem="not_sent", status=503)
        return redirect("alerts:subscribe-done")

    def render_form(self, form: SubscriptionForm, *, problem="", status=200):
        context = {"form": form, "problem": problem}
        if form.filters_valid:
            context["terms"] = filters_describe(filterset=form.filterset)
            context["filters"] = form.filters
            context["list_url"] = list_path(form.filters)
        return render(self.request, self.template_name, context, status=status)


class SubscribeDoneView(TemplateView):
    """The same page whether the address was new, pending or already confirmed."""

    template_name = "alerts/subscription_done.html"


# A token page shows one subscription's current state: never a shared, stored page.
@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """GET shows a button, POST confirms: a link scanner's GET confirms nothing."""

    template_name = "alerts/subscription_confirm.html"

    def get(self, request, token):
        subscription, expired = subscription_from_confirm_token(token=token)
        return self.respond(subscription, expired=expired)

    def post(self, request, token):
        subscription, expired = subscription_from_confirm_token(token=token)
        if self.usable(subscription, expired=expired):
            subscription_confirm(subscription=subscription)
            return redirect(request.path)
        return self.respond(subscription, expired=expired)

    @staticmethod
    def usable(subscription: Subscription | None, *, expired: bool) -> bool:
        return subscription is not None and (
            subscription.status == Status.CONFIRMED
            or (subscription.status == Status.PENDING and not expired)
        )

    def respond(self, subscription: Subscription | None, *, expired: bool):
        if not self.usable(subscription, expired=expired):
            return render(self.request, INVALID_LINK_TEMPLATE, status=404)
        return render(
            self.request,
            self.template_name,
            {
                "confirmed": subscription.status == Status.CONFIRMED,
                "terms": filters_terms(filters=subscription.filters),
                "list_url": list_path(subscription.filters),
            },
        )


# RFC 8058: a mail program POSTs "List-Unsubscribe=One-Click" with no cookies, so
# no CSRF token; the signed token in the address is the credential.
@method_decorator(csrf_exempt, name="dispatch")
@method_decorator(never_cache, name="dispatch")
class UnsubscribeView(View):
    """GET shows a button; POST, from it or from a mail program, unsubscribes."""

    template_name = "alerts/subscription_unsubscribe.html"

    def get(self, request, token):
        subscription = subscription_from_unsubscribe_token(token=token)
        return self.respond(subscription)

    def post(self, request, token):
        subscription = subscription_from_unsubscribe_token(token=token)
        if subscription is not None:
            subscription = subscription_unsubscribe(subscription=subscription)
        return self.respond(subscription)

    def respond(self, subscription: Subscription | None):
        if subscription is None:
            return render(self.request, INVALID_LINK_TEMPLATE, status=404)
        return render(
            self.request,
            self.template_name,
            {
                "unsubscribed": subscription.status == Status.UNSUBSCRIBED,
                "terms": filters_terms(filters=subscription.filters),
                "list_url": list_path(subscription.filters),
            },
        )
