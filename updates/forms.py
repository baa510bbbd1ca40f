"""Workspace forms: parsing and field checks; rules needing the database are services'.

Every choice offered is limited to what the account may use, so an id changed in
the page is refused as "not one of the available choices".
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from govlab.forms import LocalDateField
from projects.models import FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, IssueArea
from updates.attachments import CheckedUpload, check_upload
from updates.models import ProjectProposal, ProjectUpdate, UpdateAttachment
from updates.services import PROPOSAL_FIELDS, UPDATE_FIELDS, LinkInput

MAX_LINKS = 10


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once; each is checked later, one by one, by the form."""

    widget = MultipleFileInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [file for file in files if file]


class VersionedForm(forms.ModelForm):
    """Carries the version the record was read at, for optimistic locking."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean_agency(self):
        field = self.fields["agency"]
        return self.cleaned_data["agency"] or getattr(field, "sole_choice", None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def show_current_version(self, version: int) -> None:
        """After a conflict: the next save overwrites knowingly what is now shown."""
        self.data = self.data.copy()
        self.data["version"] = str(version)

    def model_fields(self, names: tuple[str, ...]) -> dict:
        return {name: self.cleaned_data[name] for name in names if name in self.fields}

    def add_service_errors(self, error: ValidationError) -> None:
        """Show a service's errors beside the fields they name, others on top."""
        if not hasattr(error, "error_dict"):
            self.add_error(None, error)
            return
        for field, errors in error.error_dict.items():
            self.add_error(field if field in self.fields else None, errors)


class UpdateForm(VersionedForm):
    """A progress update; the reporting agency is asked only when there is a choice."""

    reported_on = LocalDateField(label=_("Reporting date"))
    agency = forms.ModelChoiceField(
        label=_("Reporting agency"), queryset=None, empty_label=None
    )
    attachments = AttachmentsField(
        label=_("Attach images or PDF documents"),
        help_text=_(
            "JPEG, PNG, WebP or GIF images and PDF documents, up to 5 MB each. "
            "Images are re-encoded without their metadata, such as GPS positions."
        ),
    )
    held = forms.ModelMultipleChoiceField(
        queryset=None, required=False, widget=forms.MultipleHiddenInput
    )
    remove = forms.ModelMultipleChoiceField(
        label=_("Remove"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ProjectUpdate
        fields = UPDATE_FIELDS
        widgets = {
            "body_th": forms.Textarea(attrs={"rows": 8}),
            "body_en": forms.Textarea(attrs={"rows": 8}),
            "stage_change_reason_th": forms.Textarea(attrs={"rows": 3}),
            "stage_change_reason_en": forms.Textarea(attrs={"rows": 3}),
            "lessons_learned_th": forms.Textarea(attrs={"rows": 4}),
            "lessons_learned_en": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, user, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        _label_languages(self)
        held = UpdateAttachment.objects.filter(update__isnull=True, uploaded_by=user)
        self.fields["held"].queryset = held
        own = UpdateAttachment.objects.filter(update=self.instance.pk or 0)
        self.fields["remove"].queryset = held | own
        if agencies is None:
            del self.fields["agency"]
        else:
            _offer_agencies(self.fields["agency"], agencies)
        self.checked_uploads: list[CheckedUpload] = []
        self.held_now: list[UpdateAttachment] = []

    def clean_attachments(self):
        """Check each file; the good ones are kept even if another one is refused."""
        errors = []
        for upload in self.cleaned_data["attachments"]:
            try:
                self.checked_uploads.append(check_upload(upload))
            except ValidationError as error:
                errors.append(error)
        if errors:
            raise ValidationError(errors)
        return self.checked_uploads

    def held_shown(self) -> list[UpdateAttachment]:
        """Held uploads to list as already attached: earlier ones and this request's."""
        raw = self.data.getlist(self.add_prefix("held")) if self.is_bound else []
        ids = [int(value) for value in raw if str(value).isdigit()]
        earlier = list(self.fields["held"].queryset.filter(pk__in=ids))
        return earlier + self.held_now

    def ticked_removals(self) -> set[str]:
        return set(self.data.getlist("remove")) if self.is_bound else set()


class SubmitForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class LinkForm(forms.Form):
    url = forms.URLField(
        label=_("Web address"), max_length=500, required=False, assume_scheme="https"
    )
    label = forms.CharField(label=_("Label"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("label") and not cleaned.get("url") and not self.errors:
            self.add_error("url", _("Give the web address for this label."))
        return cleaned


class BaseLinkFormSet(forms.BaseFormSet):
    def link_inputs(self) -> list[LinkInput]:
        return [
            LinkInput(url=form.cleaned_data["url"], label=form.cleaned_data["label"])
            for form in self.forms
            if form.cleaned_data.get("url")
        ]


LinkFormSet = forms.formset_factory(
    LinkForm,
    formset=BaseLinkFormSet,
    extra=2,
    max_num=MAX_LINKS,
    validate_max=True,
    absolute_max=MAX_LINKS,
)


def link_formset(*, data=None, update: ProjectUpdate | None = None) -> BaseLinkFormSet:
    initial = []
    if update is not None and update.pk:
        initial = [
            {"url": link.url, "label": link.label} for link in update.links.all()
        ]
    return LinkFormSet(data, initial=initial, prefix="links")


class ProposalForm(VersionedForm):
    """A proposed new project, for one of the account's agencies."""

    agency = forms.ModelChoiceField(
        label=_("Proposing agency"), queryset=None, empty_label=None
    )
    fiscal_year = forms.IntegerField(
        label=_("Fiscal year (Buddhist Era)"),
        min_value=FISCAL_YEAR_MIN,
        max_value=FISCAL_YEAR_MAX,
        help_text=_("For example 2568 for 1 October 2024 to 30 September 2025."),
    )
    issue_area = forms.ModelChoiceField(
        label=_("Issue area"),
        queryset=IssueArea.objects.order_by("slug"),
        required=False,
        help_text=_("Only for the service-issue track."),
    )
    start_date = LocalDateField(label=_("Start date"), required=False)
    end_date = LocalDateField(label=_("End date"), required=False)

    class Meta:
        model = ProjectProposal
        fields = PROPOSAL_FIELDS
        widgets = {
            "summary_th": forms.Textarea(attrs={"rows": 3}),
            "summary_en": forms.Textarea(attrs={"rows": 3}),
            "description_th": forms.Textarea(attrs={"rows": 8}),
            "description_en": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, agencies=None, **kwargs):
        super().__init__(*args, **kwargs)
        _label_languages(self)
        if agencies is None:
            del self.fields["agency"]
        else:
            _offer_agencies(self.fields["agency"], agencies)


def _offer_agencies(field: forms.ModelChoiceField, agencies) -> None:
    """Only the account's agencies; no question at all when there is just one."""
    field.queryset = agencies
    choices = list(agencies)
    if len(choices) == 1:
        field.widget = forms.HiddenInput()
        field.initial = choices[0].pk
        field.required = False
        field.sole_choice = choices[0]


def _label_languages(form: forms.Form) -> None:
    """Name the language of each translated field: "Title (Thai)", "Title (English)"."""
    for name, field in form.fields.items():
        # modeltranslation labels the columns "title [th]": say it in words instead.
        label = re.sub(r"\s*\[\w+\]$", "", str(field.label))
        if name.endswith("_th"):
            field.label = _("%(label)s (Thai)") % {"label": label}
            field.widget.attrs["lang"] = "th"
        elif name.endswith("_en"):
            field.label = _("%(label)s (English, optional)") % {"label": label}
            field.widget.attrs["lang"] = "en"
            field.required = False
