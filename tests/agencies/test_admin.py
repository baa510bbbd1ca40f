import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import Agency, AgencyKind

pytestmark = pytest.mark.django_db

CHANGELIST = "/{lang}/admin/agencies/agency/"
AUTOCOMPLETE = (
    "/{lang}/admin/autocomplete/?app_label=projects&model_name=project"
    "&field_name=lead_agency&term={term}"
)


@pytest.fixture
def land_transport(make_agency):
    return make_agency(
        name_th="กรมการขนส่งทางบก",
        name_en="Department of Land Transport",
        short_name_th="ขบ.",
        short_name_en="DLT",
        slug="department-of-land-transport",
    )


@pytest.fixture
def irrigation(make_agency):
    return make_agency(
        name_th="กรมชลประทาน",
        name_en="Royal Irrigation Department",
        slug="royal-irrigation-department",
    )


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("term", ["ขนส่ง", "land transport", "ขบ.", "DLT"])
def test_changelist_search_finds_agency_by_thai_or_english_name(
    admin_client, land_transport, irrigation, lang, term
):
    """Searching the agency list in either language finds the agency on either page."""
    response = admin_client.get(CHANGELIST.format(lang=lang), {"q": term})
    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [land_transport]


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("th", "กรมการขนส่งทางบก"), ("en", "Department of Land Transport")],
)
def test_lead_agency_autocomplete_finds_agency_searched_in_thai(
    admin_client, land_transport, irrigation, lang, shown
):
    """The project form's lead agency box finds an agency typed in Thai."""
    response = admin_client.get(AUTOCOMPLETE.format(lang=lang, term="ขนส่ง"))
    assert response.status_code == 200
    assert response.json()["results"] == [{"id": str(land_transport.pk), "text": shown}]


def test_autocomplete_finds_agency_searched_in_english(
    admin_client, land_transport, irrigation
):
    """Typing part of the English name in the autocomplete finds the agency."""
    response = admin_client.get(AUTOCOMPLETE.format(lang="th", term="Irrigation"))
    assert [row["id"] for row in response.json()["results"]] == [str(irrigation.pk)]


def test_changelist_filters_by_kind(admin_client, land_transport, make_agency):
    """The kind filter leaves only agencies of that kind."""
    undp = make_agency(
        name_th="โครงการพัฒนาแห่งสหประชาชาติ",
        name_en="UNDP",
        kind=AgencyKind.INTERNATIONAL_ORGANISATION,
    )
    response = admin_client.get(
        CHANGELIST.format(lang="en"), {"kind__exact": "international-organisation"}
    )
    assert list(response.context["cl"].result_list) == [undp]


def test_add_page_saves_names_in_both_languages(admin_client, irrigation):
    """An agency added in the admin keeps its Thai and English names and its parent."""
    response = admin_client.post(
        "/th/admin/agencies/agency/add/",
        {
            "name_th": "สำนักงานตำรวจแห่งชาติ",
            "name_en": "Royal Thai Police",
            "short_name_th": "ตร.",
            "short_name_en": "RTP",
            "slug": "royal-thai-police",
            "kind": AgencyKind.POLICE_OR_ARMED_FORCES,
            "parent": irrigation.pk,
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    police = Agency.objects.get(slug="royal-thai-police")
    assert (police.name_th, police.name_en) == (
        "สำนักงานตำรวจแห่งชาติ",
        "Royal Thai Police",
    )
    assert (police.short_name_th, police.short_name_en) == ("ตร.", "RTP")
    assert police.parent == irrigation


@pytest.mark.parametrize("lang", ["th", "en"])
def test_add_page_has_both_languages_and_fills_slug_from_english(admin_client, lang):
    """The add page has Thai and English name boxes; the slug follows the English."""
    response = admin_client.get(f"/{lang}/admin/agencies/agency/add/")
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert {"name_th", "name_en", "short_name_th", "short_name_en"} <= set(form.fields)
    (prepopulated,) = response.context["adminform"].prepopulated_fields
    assert prepopulated["field"].name == "slug"
    assert [field.name for field in prepopulated["dependencies"]] == ["name_en"]


def test_changelist_query_count_does_not_grow_with_rows(admin_client, make_agency):
    """Listing 30 agencies with their parents costs as many queries as listing 3."""
    ministry = make_agency(name_th="กระทรวงคมนาคม", name_en="Ministry of Transport")

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(CHANGELIST.format(lang="th"))
        assert response.status_code == 200
        return len(queries), len(response.context["cl"].result_list)

    for _ in range(2):
        make_agency(parent=ministry)
    admin_client.get(CHANGELIST.format(lang="th"))
    few, shown_few = count_queries()
    for _ in range(27):
        make_agency(parent=ministry)
    many, shown_many = count_queries()
    assert (shown_few, shown_many) == (3, 30)
    assert many == few
