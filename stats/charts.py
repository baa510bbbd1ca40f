"""Horizontal bar charts drawn on the server as inline SVG, no JavaScript.

Each bar's label sits on its own line above the bar, so a long Thai agency name gets
the chart's whole width; labels wrap at word boundaries (Thai has no spaces, so
PyThaiNLP finds them) and are cut short with an ellipsis after two lines. The
full label is each bar's tooltip and is in the table that follows every chart.

The SVG is built with ElementTree, which escapes every label: a name holding & or <
stays text.
"""

import unicodedata
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext

SVG_NAMESPACE = "http://www.w3.org/2000/svg"

# In viewBox units: 360 wide, so at full width on a 360 px phone a 16-unit font
# shows at about 15 px; the stylesheet caps the width so that it grows to no more
# than about 18 px on a wide screen.
WIDTH = 360
FONT_SIZE = 16
# Thai stacks vowels and tone marks above and below the line: give them room.
LINE_HEIGHT = 24
BASELINE = 17
BAR_HEIGHT = 18
ROW_GAP = 12
VALUE_GAP = 6
MAX_LABEL_LINES = 2

# Contrast on white: text 17:1 (needs 4.5:1), bars 11.6:1 (needs 3:1).
TEXT_COLOUR = "#1b1b1b"
BAR_COLOUR = "#003d7a"

ELLIPSIS = "…"
THAI_BLOCK = ("\u0e00", "\u0e7f")
# Thai vowels written before the consonant they follow in speech: never end a line.
THAI_LEADING_VOWELS = "เแโใไ"


def bar_chart_svg(
    *, chart_id: str, title: str, bars: Sequence[tuple[str, int]]
) -> SafeString:
    """An accessible bar chart of (label, count) pairs, in the order given."""
    title_id, desc_id = f"{chart_id}-title", f"{chart_id}-desc"
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "class": "bar-chart",
            "role": "img",
            "aria-labelledby": f"{title_id} {desc_id}",
            "width": "100%",
            "font-size": str(FONT_SIZE),
        },
    )
    ET.SubElement(svg, "title", id=title_id).text = title
    ET.SubElement(svg, "desc", id=desc_id).text = ngettext(
        "Bar chart of %(count)s row; the table after it gives the same number.",
        "Bar chart of %(count)s rows; the table after it gives the same numbers.",
        len(bars),
    ) % {"count": len(bars)}
    most = max((count for _label, count in bars), default=0)
    value_room = VALUE_GAP + text_width(str(most)) * FONT_SIZE
    scale = (WIDTH - value_room) / most if most else 0
    y = 0.0
    for label, count in bars:
        y = _draw_bar(svg, label, count, y=y, length=count * scale)
    svg.set("viewBox", f"0 0 {WIDTH} {max(round(y), 1)}")
    # Safe: ElementTree escapes every text and attribute it writes.
    return mark_safe(ET.tostring(svg, encoding="unicode"))


def _draw_bar(svg: ET.Element, label: str, count: int, *, y: float, length: float):
    """One labelled bar below ``y``; returns where the next one starts."""
    row = ET.SubElement(svg, "g", {"class": "bar-chart__row"})
    # The tooltip: the whole label, however the line shows it.
    ET.SubElement(row, "title").text = f"{label}: {count}"
    text = ET.SubElement(
        row, "text", {"class": "bar-chart__label", "fill": TEXT_COLOUR}
    )
    for line in wrap_label(label, width=WIDTH / FONT_SIZE):
        tspan = ET.SubElement(text, "tspan", x="0", y=_number(y + BASELINE))
        tspan.text = line
        y += LINE_HEIGHT
    y += 2
    # A bar for a small non-zero count stays visible.
    width = max(length, 2) if count else 0
    ET.SubElement(
        row,
        "rect",
        {
            "class": "bar-chart__bar",
            "x": "0",
            "y": _number(y),
            "width": _number(width),
            "height": str(BAR_HEIGHT),
            "fill": BAR_COLOUR,
        },
    )
    value = ET.SubElement(
        row,
        "text",
        {
            "class": "bar-chart__value",
            "x": _number(width + VALUE_GAP),
            "y": _number(y + BAR_HEIGHT - 3),
            "fill": TEXT_COLOUR,
            "font-weight": "bold",
        },
    )
    value.text = str(count)
    return y + BAR_HEIGHT + ROW_GAP


def _number(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def text_width(text: str) -> float:
    """Roughly how many ems the text takes; marks above and below take none.

    Measured on Sarabun with a few per cent to spare, as a wider fallback font
    may draw it.
    """
    width = 0.0
    for char in text:
        if unicodedata.category(char) in {"Mn", "Me", "Cf"}:
            continue
        if char.isspace():
            width += 0.3
        elif THAI_BLOCK[0] <= char <= THAI_BLOCK[1]:
            width += 0.6
        elif char in "mwMW@%":
            width += 0.85
        elif char.isupper():
            width += 0.66
        elif char.isdigit():
            width += 0.58
        elif char in "fijlrt.,:;'|!()[]":
            width += 0.3
        else:
            width += 0.54
    return width


def wrap_label(text: str, *, width: float, max_lines: int = MAX_LABEL_LINES) -> list:
    """The label in lines of at most ``width`` ems, cut with … after ``max_lines``."""
    text = " ".join(text.split())
    if text_width(text) <= width:
        return [text]
    lines: list[str] = []
    line = ""
    for piece in _pieces(text, width):
        if line.strip() and text_width((line + piece).rstrip()) > width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line += piece
    if line.strip():
        lines.append(line.rstrip())
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], _truncate(lines[max_lines - 1], width)]
    return lines


def _pieces(text: str, width: float) -> list[str]:
    """Words and spaces; Thai split into words, anything too long into letters."""
    if any(THAI_BLOCK[0] <= char <= THAI_BLOCK[1] for char in text):
        # Imported here: loading the Thai dictionary is slow, and most labels fit
        # on one line without it.
        from pythainlp.tokenize import word_tokenize

        words = word_tokenize(text, engine="newmm", keep_whitespace=True)
    else:
        words = [word for part in text.split(" ") for word in (part, " ")][:-1]
    pieces: list[str] = []
    for word in words:
        if text_width(word) <= width:
            pieces.append(word)
        else:
            pieces.extend(_clusters(word))
    return pieces


def _clusters(text: str) -> list[str]:
    """Letters with their marks, a Thai leading vowel kept with what follows it."""
    clusters: list[str] = []
    for char in text:
        joins_previous = unicodedata.category(char) in {"Mn", "Me", "Cf"}
        after_leading_vowel = bool(clusters) and clusters[-1][-1] in THAI_LEADING_VOWELS
        if clusters and (joins_previous or after_leading_vowel):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


def _truncate(line: str, width: float) -> str:
    clusters = _clusters(line)
    while clusters and text_width("".join(clusters) + ELLIPSIS) > width:
        clusters.pop()
    return "".join(clusters).rstrip() + ELLIPSIS
