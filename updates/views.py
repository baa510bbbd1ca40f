"""The agency workspace: thin views over updates.selectors and updates.services.

Another agency's records are "not found" (404) rather than "forbidden": an
account learns nothing of what it may not see. What it may see but not change
(a submitted update, a colleague's draft) is shown read-only, and a write to it
is refused by the service (403).
"""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from accounts.selectors import agency_list_for_member
from govlab.concurrency import EditConflict
from updates import selectors, services
from updates.forms import ProposalForm, SubmitForm, UpdateForm, link_formset
from updates.models import AttachmentKind, ProjectProposal, ProjectUpdate


def workspace_url(record: ProjectUpdate | ProjectProposal) -> str:
    name = "update-edit" if isinstance(record, ProjectUpdate) else "proposal-edit"
    return reverse(f"workspace:{name}", kwargs={"pk": record.pk})


def _get_or_404(getter, **kwargs):
    try:
        return getter(**kwargs)
    except ObjectDoesNotExist:
        raise Http404(_("There is nothing here that your account can see.")) from None


class DashboardView(LoginRequiredMixin, TemplateView):
    template_name = "workspace/dashboard.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            agencies=list(agency_list_for_member(user=user).order_by("slug")),
            projects=selectors.dashboard_project_list(user=user),
            proposals=selectors.proposal_list_for_member(user=user),
            **kwargs,
        )


class ProjectDetailView(LoginRequiredMixin, TemplateView):
    template_name = "workspace/project_detail.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        project = _get_or_404(
            selectors.workspace_project_get, user=user, slug=self.kwargs["slug"]
        )
        return super().get_context_data(
            project=project,
            updates=selectors.workspace_update_list(user=user, project=project),
            **kwargs,
        )


class SubmissionFormView(LoginRequiredMixin, View):
    """Shared flow of the update and proposal forms: draft, correct, save.

    Subclasses set ``load`` (the record, or None to create), ``build_forms`` and
    ``save``. A record the account may see but not edit is shown read-only.
    """

    form_template: str
    detail_template: str

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.record = self.load()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if self.record is not None and not self.editable():
            return render(request, self.detail_template, self.context())
        return render(request, self.form_template, self.context(*self.build_forms()))

    def post(self, request, *args, **kwargs):
        if self.record is not None and not self.editable():
            raise PermissionDenied(_("This can no longer be changed."))
        forms = self.build_forms(data=request.POST, files=request.FILES)
        # Every form is checked, so each shows its errors at once.
        results = [form.is_valid() for form in forms]
        valid = all(results)
        self.hold_uploads(forms[0])
        if valid:
            try:
                saved = self.save(*forms)
            except EditConflict as conflict:
                forms[0].show_current_version(conflict.current.version)
                messages.error(request, str(conflict.message))
                return render(
                    request,
                    self.form_template,
                    self.context(*forms, conflict=conflict.current),
                )
            except ValidationError as error:
                forms[0].add_service_errors(error)
            else:
                messages.success(request, self.saved_message)
                return redirect(workspace_url(saved))
        return render(request, self.form_template, self.context(*forms))

    def editable(self) -> bool:
        return services.can_edit_submission(
            user=self.request.user, submission=self.record
        )

    def hold_uploads(self, form) -> None:
        """Keep the files that passed, so a form sent back for errors loses none."""
        for checked in getattr(form, "checked_uploads", ()):
            held = services.attachment_hold(user=self.request.user, checked=checked)
            form.held_now.append(held)

    def read_version(self, form) -> int | None:
        return form.cleaned_data.get("version")

    def context(self, form=None, links=None, conflict=None) -> dict:
        # Not "links": base.html's language switcher takes that name.
        return {
            "record": self.record,
            "form": form,
            "link_forms": links,
            "conflict": conflict,
        }


class UpdateFormView(SubmissionFormView):
    form_template = "workspace/update_form.html"
    detail_template = "workspace/update_detail.html"
    saved_message = _("Your progress update was saved as a draft.")

    def build_forms(self, data=None, files=None):
        user = self.request.user
        agencies = None
        if self.record is None:
            agencies = selectors.reporting_agency_list(user=user, project=self.project)
        form = UpdateForm(
            data, files, instance=self.record, user=user, agencies=agencies
        )
        return form, link_formset(data=data, update=self.record)

    def save(self, form, links):
        return services.update_save_draft(
            user=self.request.user,
            fields=form.model_fields(services.UPDATE_FIELDS),
            links=links.link_inputs(),
            attach=[*form.cleaned_data["held"], *form.held_now],
            remove=form.cleaned_data["remove"],
            project=getattr(self, "project", None),
            agency=form.cleaned_data.get("agency"),
            update=self.record,
            read_version=self.read_version(form),
        )

    def context(self, form=None, links=None, conflict=None) -> dict:
        project = self.record.project if self.record else self.project
        return {
            **super().context(form, links, conflict),
            "project": project,
            "held": form.held_shown() if form else [],
            "ticked": form.ticked_removals() if form else set(),
        }


class UpdateCreateView(UpdateFormView):
    def load(self):
        self.project = _get_or_404(
            selectors.workspace_project_get,
            user=self.request.user,
            slug=self.kwargs["slug"],
        )
        return None


class UpdateEditView(UpdateFormView):
    def load(self):
        return _get_or_404(
            selectors.workspace_update_get, user=self.request.user, pk=self.kwargs["pk"]
        )


class ProposalFormView(SubmissionFormView):
    form_template = "workspace/proposal_form.html"
    detail_template = "workspace/proposal_detail.html"
    saved_message = _("Your project proposal was saved as a draft.")

    def build_forms(self, data=None, files=None):
        agencies = None
        if self.record is None:
            user = self.request.user
            agencies = agency_list_for_member(user=user).order_by("slug")
            if not agencies.exists():
                raise PermissionDenied(_("Only agency staff can propose projects."))
        return (ProposalForm(data, instance=self.record, agencies=agencies),)

    def save(self, form):
        return services.proposal_save_draft(
            user=self.request.user,
            fields=form.model_fields(services.PROPOSAL_FIELDS),
            agency=form.cleaned_data.get("agency"),
            proposal=self.record,
            read_version=self.read_version(form),
        )

    def context(self, form=None, links=None, conflict=None) -> dict:
        can_submit = self.record is not None and services.can_submit_proposal(
            user=self.request.user, proposal=self.record
        )
        return {**super().context(form, links, conflict), "can_submit": can_submit}


class ProposalCreateView(ProposalFormView):
    def load(self):
        return None


class ProposalEditView(ProposalFormView):
    def load(self):
        return _get_or_404(
            selectors.workspace_proposal_get,
            user=self.request.user,
            pk=self.kwargs["pk"],
        )


class SubmitView(LoginRequiredMixin, View):
    """POST only: send a draft to OPDC's review, naming the version it was read at."""

    http_method_names = ["post"]

    def post(self, request, pk):
        record = _get_or_404(self.getter, user=request.user, pk=pk)
        form = SubmitForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest(_("The form was incomplete."))
        try:
            self.submit(record, form.cleaned_data["version"])
        except EditConflict as conflict:
            messages.error(request, str(conflict.message))
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.submitted_message)
            return redirect("workspace:dashboard")
        return redirect(workspace_url(record))


class UpdateSubmitView(SubmitView):
    getter = staticmethod(selectors.workspace_update_get)
    submitted_message = _("Your progress update was sent to OPDC for review.")

    def submit(self, record, version):
        services.update_submit(
            user=self.request.user, update=record, read_version=version
        )


class ProposalSubmitView(SubmitView):
    getter = staticmethod(selectors.workspace_proposal_get)
    submitted_message = _("Your project proposal was sent to OPDC for review.")

    def submit(self, record, version):
        services.proposal_submit(
            user=self.request.user, proposal=record, read_version=version
        )


def attachment_download(request, pk):
    """An attachment, to whoever may see it; anonymous visitors are asked to log in."""
    try:
        attachment = selectors.attachment_get_for_download(user=request.user, pk=pk)
        file = attachment.file.open("rb")
    except (ObjectDoesNotExist, FileNotFoundError):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404(_("There is nothing here that your account can see.")) from None
    response = FileResponse(
        file,
        content_type=attachment.content_type,
        as_attachment=attachment.kind == AttachmentKind.PDF,
        filename=attachment.original_name,
    )
    # Even a file that slipped through must not run as a page of this site.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=3600"
    return response
