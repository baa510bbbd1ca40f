"""Attachments are judged by content: re-encoded, or refused leaving no file."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.html import escape
from PIL import Image

from tests.updates.files import (
    GPS_IFD,
    jpeg_with_gps,
    pdf_bytes,
    png_bomb,
    png_bytes,
    upload,
)
from tests.updates.helpers import update_data
from updates.attachments import check_upload, clean_file_name
from updates.models import AttachmentKind, ProjectUpdate, UpdateAttachment
from updates.services import attachment_hold

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english_messages():
    """Refusals are checked in English here; the workspace tests check the Thai."""
    with translation.override("en"):
        yield


def refusal(name, data):
    with pytest.raises(ValidationError) as caught:
        check_upload(upload(name, data, "image/png"))
    return caught.value.messages[0]


def test_jpeg_with_gps_is_reencoded_without_exif(reporter, stored_files):
    """A phone photo is stored as a new JPEG: no GPS position, no maker, no EXIF."""
    original = jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)
    checked = check_upload(upload("ถนนพหลโยธิน.jpg", original, "image/jpeg"))
    held = attachment_hold(user=reporter, checked=checked)

    [path] = stored_files()
    stored = path.read_bytes()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert "exif" not in image.info
    assert b"PhoneMaker" not in stored and b"Exif" not in stored
    assert held.kind == AttachmentKind.IMAGE
    assert held.content_type == "image/jpeg"
    assert held.original_name == "ถนนพหลโยธิน.jpg"
    assert held.size == len(stored)
    assert held.update is None and held.uploaded_by == reporter
    # The stored name is random: it says nothing of the original.
    assert "ถนน" not in path.name and path.suffix == ".jpg"


def test_exif_orientation_is_applied_before_it_is_dropped():
    """A portrait photo stored sideways with an orientation tag comes out upright."""
    checked = check_upload(upload("p.jpg", jpeg_with_gps(size=(40, 20), orientation=6)))
    assert Image.open(io.BytesIO(checked.content)).size == (20, 40)


def test_png_with_transparency_stays_png_without_extra_chunks():
    """A transparent PNG comes out as PNG with its transparency and nothing else."""
    original = png_bytes(transparent=True)
    checked = check_upload(upload("โลโก้.png", original + b"<script>alert(1)</script>"))
    image = Image.open(io.BytesIO(checked.content))
    assert (image.format, image.mode) == ("PNG", "RGBA")
    assert b"<script>" not in checked.content
    assert checked.content_type == "image/png"


def test_gif_is_stored_as_png_and_named_so():
    """A GIF comes out as a PNG, and its display name says .png."""
    output = io.BytesIO()
    Image.new("P", (10, 10)).save(output, format="GIF")
    checked = check_upload(upload("แผนภูมิ.gif", output.getvalue()))
    assert checked.original_name == "แผนภูมิ.png"
    assert Image.open(io.BytesIO(checked.content)).format == "PNG"


def test_webp_is_accepted():
    """A WebP image is accepted and stays WebP."""
    output = io.BytesIO()
    Image.new("RGB", (10, 10), "blue").save(output, format="WEBP")
    checked = check_upload(upload("photo.webp", output.getvalue()))
    assert checked.content_type == "image/webp"


def test_plain_pdf_passes_unchanged(reporter, stored_files):
    """A PDF made here passes and is stored byte for byte."""
    data = pdf_bytes()
    checked = check_upload(upload("รายงานผล.pdf", data, "application/pdf"))
    held = attachment_hold(user=reporter, checked=checked)
    assert held.kind == AttachmentKind.PDF
    [path] = stored_files()
    assert path.read_bytes() == data and path.suffix == ".pdf"


REFUSED = [
    ("notes.png", "บันทึกการประชุม".encode(), "notes.png is not an image or PDF."),
    (
        "page.pdf",
        b"<html><script>alert(1)</script></html>",
        "page.pdf is not an image or PDF.",
    ),
    (
        "picture.pdf",
        png_bytes(),
        "picture.pdf is a PNG image, but its name does not end in .png.",
    ),
    (
        "scan.png",
        pdf_bytes(),
        "scan.png is a PDF document, but its name does not end in .pdf.",
    ),
    ("no-extension", png_bytes(), "no-extension is a PNG image"),
    (
        "script.pdf",
        pdf_bytes(javascript=True),
        "script.pdf is refused because it contains JavaScript.",
    ),
    (
        "locked.pdf",
        pdf_bytes(encrypted=True),
        "locked.pdf is encrypted or password-protected",
    ),
    (
        "bundle.pdf",
        pdf_bytes(embedded=True),
        "bundle.pdf is refused because it contains embedded files.",
    ),
    ("bomb.png", png_bomb(), "bomb.png has too many pixels (at most 40 million)"),
    (
        "big.png",
        png_bomb(8000, 6000),
        "big.png has too many pixels (at most 40 million)",
    ),
    ("broken.png", png_bytes()[:60], "broken.png looks like a PNG image but"),
]


@pytest.mark.parametrize(("name", "data", "message"), REFUSED)
def test_refused_files_say_why(name, data, message):
    """Each disguised, dangerous or broken file is refused with its own message."""
    assert refusal(name, data).startswith(message)


def test_oversized_file_is_refused_before_reading(settings):
    """A file over ATTACHMENT_MAX_BYTES is refused, naming the limit in MB."""
    settings.ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
    data = pdf_bytes() + b"%" + b"x" * (5 * 1024 * 1024)
    assert refusal("ใหญ่.pdf", data) == "ใหญ่.pdf is larger than 5 MB."


def test_pdf_with_hex_escaped_javascript_name_is_refused():
    """/J#61vaScript is /JavaScript to a PDF reader, and so to the check."""
    data = pdf_bytes().replace(
        b"/Type /Catalog",
        b"/Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>",
    )
    assert "contains JavaScript" in refusal("sneaky.pdf", data)


def test_pdf_launch_action_is_refused():
    """An action that starts a program is refused, and the message says so."""
    data = pdf_bytes().replace(
        b"/Type /Catalog",
        b"/Type /Catalog /OpenAction << /S /Launch /F (calc.exe) >>",
    )
    assert "launches a program" in refusal("launch.pdf", data)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("../../etc/passwd.png", "passwd.png"),
        ("C:\\Users\\somsri\\รูป.jpg", "รูป.jpg"),
        ('<img src=x onerror="x">.png', "_img src=x onerror=_x__.png"),
        ("\x00\x1b.png", "png"),
    ],
)
def test_original_names_are_sanitised(typed, shown):
    """Folders, control characters and markup never reach the displayed name."""
    assert clean_file_name(typed) == shown


def test_hold_requires_an_agency_membership(editor, stored_files):
    """An account without agency memberships cannot store attachments."""
    checked = check_upload(upload("a.png", png_bytes()))
    with pytest.raises(PermissionDenied):
        attachment_hold(user=editor, checked=checked)
    assert stored_files() == []
    assert not UpdateAttachment.objects.exists()


@pytest.mark.parametrize(("name", "data", "message"), REFUSED)
def test_refused_upload_through_the_form_writes_nothing(
    client, reporter, dlt_project, stored_files, name, data, message
):
    """Posted with the update form, a refused file is named on the page, not stored."""
    client.force_login(reporter)
    form = update_data(reported_on="21/02/2025")
    form["attachments"] = [upload(name, data, "image/png")]
    response = client.post(
        f"/en/workspace/projects/{dlt_project.slug}/updates/new/", form
    )
    assert response.status_code == 200
    assert escape(message) in response.content.decode()
    assert stored_files() == []
    assert not UpdateAttachment.objects.exists()
    assert not ProjectUpdate.objects.exists()


def test_oversized_upload_through_the_form_writes_nothing(
    client, reporter, dlt_project, stored_files, settings
):
    """A file over the limit is refused on the page and leaves MEDIA_ROOT empty."""
    settings.ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024
    client.force_login(reporter)
    form = update_data(reported_on="21/02/2025")
    form["attachments"] = [
        upload("ภาพใหญ่.png", png_bytes(size=(400, 400)) + b"x" * (5 * 1024 * 1024))
    ]
    response = client.post(
        f"/en/workspace/projects/{dlt_project.slug}/updates/new/", form
    )
    assert "ภาพใหญ่.png is larger than 5 MB." in response.content.decode()
    assert stored_files() == []
