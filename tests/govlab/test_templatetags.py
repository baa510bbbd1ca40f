import datetime

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

pytestmark = pytest.mark.django_db


def render(source, **context):
    return Template("{% load govlab %}" + source).render(Context(context))


def test_local_date_filter_follows_the_active_language():
    """A date renders in the Buddhist Era on Thai pages and CE on English ones."""
    day = datetime.date(2021, 2, 16)
    with translation.override("th"):
        assert render("{{ d|local_date }}", d=day) == "16 กุมภาพันธ์ 2564"
    with translation.override("en"):
        assert render("{{ d|local_date }}", d=day) == "16 February 2021"


def test_local_date_filter_leaves_missing_dates_empty():
    """A project without an end date shows nothing rather than an error."""
    assert render("[{{ d|local_date }}]", d=None) == "[]"


def test_translated_tag_marks_thai_fallback_on_english_pages(make_project):
    """An English page shows the Thai title, marked Thai-only, when English is empty."""
    project = make_project(title_th="ต้นแบบนวัตกรรม กรมการขนส่งทางบก", title_en="")
    with translation.override("en"):
        html = render('{% translated p "title" %}', p=project)
    assert '<span lang="th">ต้นแบบนวัตกรรม กรมการขนส่งทางบก</span>' in html
    assert "Thai only" in html


def test_translated_tag_prefers_the_active_language(make_project):
    """Where English exists, the English page shows it with no Thai-only note."""
    project = make_project(title_th="ต้นแบบ", title_en="Land services prototype")
    with translation.override("en"):
        assert render('{% translated p "title" %}', p=project) == (
            "Land services prototype"
        )
    with translation.override("th"):
        assert render('{% translated p "title" %}', p=project) == "ต้นแบบ"


def test_translated_tag_escapes_stored_text(make_project):
    """Stored text is escaped, never run as markup."""
    project = make_project(title_th='<script>alert("x")</script>', title_en="")
    with translation.override("en"):
        html = render('{% translated p "title" %}', p=project)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_language_links_keep_page_and_query_string():
    """The switcher points at the same page and filters in the other language."""
    request = RequestFactory().get("/th/projects/", {"track": "agency", "q": "ที่ดิน"})
    with translation.override("th"):
        html = render(
            "{% language_links as links %}{% for l in links %}{{ l.url }}|{% endfor %}",
            request=request,
        )
    assert "/en/projects/?track=agency&amp;q=%E0%B8%97" in html
    assert "/th/projects/?track=agency" in html


def test_local_date_shows_a_moment_as_the_day_in_bangkok():
    """A time stored in UTC late on 20 February is 21 February in Bangkok."""
    moment = datetime.datetime(2020, 2, 20, 20, 0, tzinfo=datetime.UTC)
    with translation.override("en"):
        assert render("{{ d|local_date }}", d=moment) == "21 February 2020"
