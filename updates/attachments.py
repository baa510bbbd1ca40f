"""Upload checks for progress-update attachments: images and PDF, judged by content.

The browser's content type and the file name's extension are never trusted: the
first bytes say what a file is, Pillow or pypdf must then read it whole, and the
extension must agree. Images are re-encoded from their pixels alone, so no EXIF
(GPS positions), comment or trailing script survives. PDFs are kept as sent, but
refused when encrypted or when they carry JavaScript, launch actions or embedded
files. Nothing here writes to storage: services.attachment_hold does, and only for
a file that passed.
"""

import io
import os
import re
import unicodedata
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from updates.models import AttachmentKind

# Magic bytes at the start of each accepted format, and the Pillow format name.
_SIGNATURES = (
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"%PDF-", "PDF"),
)
_EXTENSIONS = {
    "JPEG": {".jpg", ".jpeg", ".jfif"},
    "PNG": {".png"},
    "GIF": {".gif"},
    "WEBP": {".webp"},
    "PDF": {".pdf"},
}
_FORMAT_NAMES = {
    "JPEG": gettext_lazy("JPEG image"),
    "PNG": gettext_lazy("PNG image"),
    "GIF": gettext_lazy("GIF image"),
    "WEBP": gettext_lazy("WebP image"),
    "PDF": gettext_lazy("PDF document"),
}
# PDF names that run code or carry other files: their presence refuses the file.
_PDF_SCRIPT_KEYS = {"/JS", "/JavaScript"}
_PDF_EMBED_KEYS = {"/EmbeddedFile", "/EmbeddedFiles", "/RichMedia"}
_PDF_MAX_OBJECTS = 200_000


@dataclass(frozen=True)
class CheckedUpload:
    """A file that passed every check, ready to store under a random name."""

    original_name: str
    content: bytes
    kind: str
    content_type: str
    extension: str


def check_upload(upload: UploadedFile) -> CheckedUpload:
    """Check one uploaded file; raise ValidationError saying why it is refused."""
    name = clean_file_name(upload.name or "")
    if upload.size is not None and upload.size > settings.ATTACHMENT_MAX_BYTES:
        raise _refuse(
            _("%(name)s is larger than %(limit)s."),
            name,
            "too_large",
            limit=_megabytes(settings.ATTACHMENT_MAX_BYTES),
        )
    upload.seek(0)
    data = upload.read(settings.ATTACHMENT_MAX_BYTES + 1)
    if len(data) > settings.ATTACHMENT_MAX_BYTES:
        raise _refuse(
            _("%(name)s is larger than %(limit)s."),
            name,
            "too_large",
            limit=_megabytes(settings.ATTACHMENT_MAX_BYTES),
        )
    detected = sniff_format(data)
    if detected is None:
        raise _refuse(_("%(name)s is not an image or PDF."), name, "not_allowed")
    extension = os.path.splitext(name)[1].lower()
    if extension not in _EXTENSIONS[detected]:
        raise _refuse(
            _("%(name)s is a %(format)s, but its name does not end in %(expected)s."),
            name,
            "extension_mismatch",
            format=_FORMAT_NAMES[detected],
            expected=" / ".join(sorted(_EXTENSIONS[detected])),
        )
    if detected == "PDF":
        check_pdf(data, name)
        return CheckedUpload(name, data, AttachmentKind.PDF, "application/pdf", ".pdf")
    return reencode_image(data, name, detected)


def sniff_format(data: bytes) -> str | None:
    """The format the first bytes announce, or None for anything we do not take."""
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    for signature, format_name in _SIGNATURES:
        if data.startswith(signature):
            return format_name
    return None


def reencode_image(data: bytes, name: str, format_name: str) -> CheckedUpload:
    """Decode the image (refusing oversized ones first) and encode its pixels anew."""
    image = _open_image(data, name, format_name)
    try:
        image.load()
        # Orientation lives in EXIF, which is about to be dropped: apply it first.
        image = ImageOps.exif_transpose(image)
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise _not_readable(name, format_name) from None
    transparent = _has_transparency(image)
    mode = "RGBA" if transparent else "RGB"
    pixels = image.convert(mode)
    # A fresh image from raw pixels carries no info dict: no EXIF, ICC, XMP, text.
    clean = Image.frombytes(mode, pixels.size, pixels.tobytes())
    output = io.BytesIO()
    if transparent or format_name in ("PNG", "GIF"):
        # Lossless for screenshots, charts and palettes; only the first GIF frame.
        clean.save(output, format="PNG", optimize=True)
        out_format, content_type, extension = "PNG", "image/png", ".png"
    elif format_name == "WEBP":
        clean.save(output, format="WEBP", quality=90)
        out_format, content_type, extension = "WEBP", "image/webp", ".webp"
    else:
        clean.save(output, format="JPEG", quality=90, optimize=True)
        out_format, content_type, extension = "JPEG", "image/jpeg", ".jpg"
    if out_format != format_name:
        name = os.path.splitext(name)[0] + extension
    return CheckedUpload(
        name, output.getvalue(), AttachmentKind.IMAGE, content_type, extension
    )


def _open_image(data: bytes, name: str, format_name: str) -> Image.Image:
    """Open the image and check its pixel count from the header, before decoding."""
    with warnings.catch_warnings():
        # Pillow warns (or raises) on very large images at open: both mean a bomb.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data), formats=[format_name])
            width, height = image.size
            if width * height > settings.ATTACHMENT_MAX_PIXELS:
                raise _too_many_pixels(name)
            image.verify()
            # verify() leaves the image unusable: open it again to decode it.
            return Image.open(io.BytesIO(data), formats=[format_name])
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise _too_many_pixels(name) from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise _not_readable(name, format_name) from None


def _has_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA"):
        return True
    return image.mode in ("P", "L", "RGB") and "transparency" in image.info


def check_pdf(data: bytes, name: str) -> None:
    """Refuse a PDF that cannot be parsed, is encrypted, or carries active content."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _refuse(
                _("%(name)s is encrypted or password-protected: send it unprotected."),
                name,
                "pdf_encrypted",
            )
        if len(reader.pages) == 0:
            raise _not_readable(name, "PDF")
        problem = _pdf_active_content(reader)
    except ValidationError:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, RecursionError):
        raise _not_readable(name, "PDF") from None
    if problem:
        raise _refuse(
            _("%(name)s is refused because it contains %(problem)s."),
            name,
            "pdf_active_content",
            problem=problem,
        )


def _pdf_active_content(reader: PdfReader) -> str | None:
    """Walk every object reachable from the trailer, looking for active content."""
    seen: set[tuple[int, int]] = set()
    stack: list = [reader.trailer]
    visited = 0
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            key = (node.idnum, node.generation)
            if key in seen:
                continue
            seen.add(key)
            node = node.get_object()
        visited += 1
        if visited > _PDF_MAX_OBJECTS:
            return _("too many objects to check")
        if isinstance(node, DictionaryObject):
            if problem := _pdf_dictionary_problem(node):
                return problem
            stack.extend(node.values())
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return None


def _pdf_dictionary_problem(node: DictionaryObject) -> str | None:
    keys = set(node.keys())
    action = _resolved(node.get("/S"))
    kind = _resolved(node.get("/Type"))
    if keys & _PDF_SCRIPT_KEYS or action == "/JavaScript":
        return _("JavaScript")
    if "/Launch" in keys or action == "/Launch":
        return _("an action that launches a program")
    if keys & _PDF_EMBED_KEYS or kind == "/EmbeddedFile":
        return _("embedded files")
    if kind == "/Filespec" and "/EF" in keys:
        return _("embedded files")
    return None


def _resolved(value):
    return value.get_object() if isinstance(value, IndirectObject) else value


def clean_file_name(name: str) -> str:
    """The file name as safe to show: no folders, control characters or markup."""
    name = unicodedata.normalize("NFC", os.path.basename(name.replace("\\", "/")))
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"[<>:\"/|?*]", "_", name).strip(" .")
    if not name:
        return "file"
    stem, extension = os.path.splitext(name)
    return stem[: 200 - len(extension[:20])] + extension[:20]


def storage_name(checked: CheckedUpload) -> str:
    """A random name: the stored file says nothing of who sent it or what it was."""
    return f"{uuid.uuid4().hex}{checked.extension}"


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _refuse(message: str, name: str, code: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params={"name": name, **params})


def _not_readable(name: str, format_name: str) -> ValidationError:
    return _refuse(
        _("%(name)s looks like a %(format)s but cannot be read: it may be damaged."),
        name,
        "unreadable",
        format=_FORMAT_NAMES[format_name],
    )


def _too_many_pixels(name: str) -> ValidationError:
    return _refuse(
        _("%(name)s has too many pixels (at most %(limit)s million): make it smaller."),
        name,
        "too_many_pixels",
        limit=f"{settings.ATTACHMENT_MAX_PIXELS / 1_000_000:g}",
    )
