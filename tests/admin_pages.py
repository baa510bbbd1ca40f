"""Helpers for the staff-tools tests: OPDC editors and what their browser posts."""

import csv
import datetime
import io

from django import forms
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import translation

from govlab.forms import LocalDateInput

# The admin's import and export formats, in the order RegistryAdmin lists them.
CSV_FORMAT, XLSX_FORMAT = "0", "1"
BOM = "\ufeff".encode()


def make_editor(username: str) -> User:
    """A staff account in the "OPDC editors" group, as OPDC staff have."""
    user = User.objects.create_user(username=username, password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="OPDC editors"))
    return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def posted_data(response, **changes) -> dict:
    """What a browser posts back from an admin form page, with ``changes`` typed in."""
    language = response.wsgi_request.LANGUAGE_CODE
    data = {}
    with translation.override(language):
        _add_form(data, response.context["adminform"].form)
        for inline in response.context["inline_admin_formsets"]:
            _add_form(data, inline.formset.management_form)
            for form in inline.formset.forms:
                _add_form(data, form)
    data.update(changes)
    data["_save"] = "Save"
    return data


def _add_form(data: dict, form: forms.BaseForm) -> None:
    for name, field in form.fields.items():
        bound = form[name]
        value = bound.value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
        elif value is None:
            data[bound.html_name] = ""
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(item) for item in value]
        elif isinstance(value, datetime.date):
            data[bound.html_name] = LocalDateInput().format_value(value)
        else:
            data[bound.html_name] = str(value)


def export(client, model, columns, file_format=CSV_FORMAT, lang="th") -> bytes:
    """The file the admin exports of ``model`` with ``columns`` ticked."""
    app = {"project": "projects", "agency": "agencies", "event": "events"}[model]
    fields = {f"{model}resource_{column}": "on" for column in columns}
    response = client.post(
        f"/{lang}/admin/{app}/{model}/export/",
        {"format": file_format, "resource": "0", **fields},
    )
    assert response.status_code == 200
    return response.content


def read_csv(csv_bytes):
    """The header and the rows, by slug, of an exported CSV file."""
    assert csv_bytes.startswith(BOM)
    reader = csv.DictReader(io.StringIO(csv_bytes[len(BOM) :].decode("utf-8")))
    rows = {row["slug"]: row for row in reader}
    return reader.fieldnames, rows
