"""Reading the statistics page as a user would: each chart's SVG and table."""

import re
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def chart_svgs(html: str) -> dict[str, ET.Element]:
    """Each inline <svg>, parsed on its own as XML, by its chart's slug."""
    charts = {}
    for markup in re.findall(r"<svg\b.*?</svg>", html, flags=re.DOTALL):
        svg = ET.fromstring(markup)
        title_id = svg.get("aria-labelledby").split()[0]
        charts[title_id.removeprefix("chart-").removesuffix("-title")] = svg
    return charts


def svg_bars(svg: ET.Element) -> list[tuple[str, int]]:
    """(full label, count) of each bar, from its tooltip and its value label."""
    bars = []
    for row in svg.iter(f"{SVG}g"):
        label, _count = row.find(f"{SVG}title").text.rsplit(": ", 1)
        value = row.find(f"{SVG}text[@class='bar-chart__value']").text
        bars.append((label, int(value)))
    return bars


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def chart_tables(document) -> dict[str, dict]:
    """Each chart's table: its rows as (label, count, link) and its total."""
    tables = {}
    for section in document.iter("section"):
        if section.get("class") != "chart":
            continue
        slug = section.get("aria-labelledby")
        slug = slug.removeprefix("chart-").removesuffix("-heading")
        table = section.find(".//table")
        if table is None:
            tables[slug] = {"rows": [], "total": 0}
            continue
        rows = []
        for tr in table.find("tbody").findall("tr"):
            link = tr.find("th/a")
            rows.append(
                (
                    text(tr.find("th")),
                    int(text(tr.find("td"))),
                    link.get("href") if link is not None else None,
                )
            )
        tables[slug] = {"rows": rows, "total": int(text(table.find("tfoot/tr/td")))}
    return tables


def counts(table: dict) -> dict[str, int]:
    return {label: count for label, count, _link in table["rows"]}
