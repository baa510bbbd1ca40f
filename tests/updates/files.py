"""Files made on the spot for the attachment tests: real images and PDFs."""

import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from pypdf import PdfWriter
from pypdf.actions import JavaScript

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def upload(name: str, data: bytes, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_bytes(size=(40, 30), transparent=False) -> bytes:
    mode, colour = ("RGBA", (0, 128, 0, 0)) if transparent else ("RGB", (0, 61, 122))
    output = io.BytesIO()
    Image.new(mode, size, colour).save(output, format="PNG")
    return output.getvalue()


def jpeg_with_gps(size=(40, 20), orientation=1) -> bytes:
    """A photo as a phone takes it: EXIF with a GPS position (Bangkok) and a maker."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (13.0, 45.0, 0.0), 3: "E", 4: (100.0, 31.0, 0.0)}
    output = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, "JPEG", exif=exif.tobytes())
    return output.getvalue()


def pdf_bytes(*, javascript=False, encrypted=False, embedded=False) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if javascript:
        writer.add_open_action(JavaScript("app.alert('hello');"))
    if embedded:
        writer.add_attachment("payload.exe", b"MZ not really")
    if encrypted:
        writer.encrypt("secret", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def png_bomb(width=50_000, height=50_000) -> bytes:
    """A tiny PNG whose header claims huge dimensions: a decompression bomb."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1024))
        + chunk(b"IEND", b"")
    )
