"""The SVG bar chart: well-formed, named for screen readers, labels kept as text."""

import xml.etree.ElementTree as ET

import pytest

from stats.charts import FONT_SIZE, WIDTH, bar_chart_svg, text_width, wrap_label
from tests.stats.helpers import SVG, svg_bars

LINE_WIDTH = WIDTH / FONT_SIZE


def chart(bars, title="โครงการตามปีงบประมาณ"):
    return ET.fromstring(str(bar_chart_svg(chart_id="chart-x", title=title, bars=bars)))


def test_chart_is_an_image_named_by_its_title_and_description():
    """role=img, labelled by its own <title> and <desc>, sized by its viewBox."""
    svg = chart([("ปีงบประมาณ 2563", 4)])
    assert svg.tag == f"{SVG}svg"
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "chart-x-title chart-x-desc"
    assert svg.find(f"{SVG}title").get("id") == "chart-x-title"
    assert svg.find(f"{SVG}title").text == "โครงการตามปีงบประมาณ"
    assert svg.find(f"{SVG}desc").get("id") == "chart-x-desc"
    assert svg.get("width") == "100%"
    assert svg.get("viewBox").startswith(f"0 0 {WIDTH} ")


def test_each_bar_shows_its_value_and_longer_counts_draw_longer_bars():
    """Values are written beside the bars; bar length follows the count."""
    svg = chart([("ด้านงานบริการภาครัฐ", 3), ("ด้านหน่วยงานภาครัฐ", 12), ("ยุติ", 0)])
    assert svg_bars(svg) == [
        ("ด้านงานบริการภาครัฐ", 3),
        ("ด้านหน่วยงานภาครัฐ", 12),
        ("ยุติ", 0),
    ]
    widths = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect")]
    assert widths[1] == pytest.approx(4 * widths[0], rel=0.01)
    assert widths[2] == 0
    assert max(widths) < WIDTH


def test_hostile_labels_stay_text():
    """A name holding <, & or quotes is drawn as those characters, not markup."""
    hostile = 'กรม <script>alert("x")</script> & "คู่ค้า"'
    markup = str(
        bar_chart_svg(chart_id="chart-x", title="A & <b>", bars=[(hostile, 1)])
    )
    assert "<script>" not in markup
    assert "<b>" not in markup
    svg = ET.fromstring(markup)
    assert svg.find(f"{SVG}title").text == "A & <b>"
    assert svg_bars(svg) == [(hostile, 1)]
    assert not list(svg.iter(f"{SVG}script"))


def test_long_thai_name_wraps_between_words_on_two_lines():
    """A Thai name without spaces breaks between words, never inside one."""
    name = "สำนักงานคณะกรรมการกิจการกระจายเสียงกิจการโทรทัศน์"
    lines = wrap_label(name, width=LINE_WIDTH)
    assert len(lines) == 2
    assert "".join(lines) == name
    assert all(text_width(line) <= LINE_WIDTH for line in lines)
    assert lines[1].startswith("กิจการ") or lines[0].endswith("กิจการ")


def test_too_long_name_is_cut_short_with_an_ellipsis():
    """Past two lines the label ends in …; the tooltip keeps the whole name."""
    name = (
        "สำนักงานคณะกรรมการกิจการกระจายเสียง กิจการโทรทัศน์ "
        "และกิจการโทรคมนาคมแห่งชาติ ส่วนภูมิภาคตะวันออกเฉียงเหนือตอนบน"
    )
    lines = wrap_label(name, width=LINE_WIDTH)
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert all(text_width(line) <= LINE_WIDTH for line in lines)
    assert name.startswith(lines[0])
    svg = chart([(name, 2)])
    tspans = [tspan.text for tspan in svg.iter(f"{SVG}tspan")]
    assert tspans == lines
    assert svg_bars(svg) == [(name, 2)]


def test_english_name_wraps_at_spaces():
    """English words stay whole."""
    name = "Office of the National Broadcasting and Telecommunications Commission"
    lines = wrap_label(name, width=LINE_WIDTH)
    assert " ".join(lines) == name
    assert len(lines) == 2


def test_a_word_longer_than_a_line_is_split_keeping_marks_on_their_letters():
    """A run with no word boundary is broken by letter, tone marks kept attached."""
    name = "ก่" * 100
    lines = wrap_label(name, width=LINE_WIDTH)
    assert len(lines) == 2
    assert all(not line.startswith("\u0e48") for line in lines)
    assert lines[1].endswith("…")


def test_short_label_is_one_line():
    """A label that fits is left as it is."""
    assert wrap_label("ปีงบประมาณ 2563", width=LINE_WIDTH) == ["ปีงบประมาณ 2563"]
