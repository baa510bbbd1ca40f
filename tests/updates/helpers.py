"""Form data as the workspace pages post it."""

THAI_TITLE = "เปิดให้บริการใบขับขี่ดิจิทัลครบทุกจังหวัด"
THAI_BODY = "สำนักงานขนส่งทุกจังหวัดรับใบขับขี่ดิจิทัลแล้ว ประชาชนไม่ต้องพกบัตร"


def links_data(*rows, total=None):
    """The link formset's fields: the management form and one entry per row."""
    rows = list(rows) or []
    count = total if total is not None else max(len(rows), 2)
    data = {
        "links-TOTAL_FORMS": str(count),
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "10",
    }
    for index in range(count):
        url, label = rows[index] if index < len(rows) else ("", "")
        data[f"links-{index}-url"] = url
        data[f"links-{index}-label"] = label
    return data


def update_data(*, links=(), **fields):
    """A complete, valid progress update as typed on a Thai page."""
    data = {
        "title_th": THAI_TITLE,
        "title_en": "",
        "body_th": THAI_BODY,
        "body_en": "",
        "reported_on": "21/02/2568",
        "proposed_stage": "",
        "stage_change_reason_th": "",
        "stage_change_reason_en": "",
        "lessons_learned_th": "",
        "lessons_learned_en": "",
    }
    data.update(links_data(*links))
    data.update(fields)
    return data


def proposal_data(**fields):
    data = {
        "title_th": "ต้นแบบนวัตกรรม การต่อภาษีรถออนไลน์",
        "title_en": "Online vehicle tax renewal",
        "summary_th": "ต่อภาษีรถได้จากโทรศัพท์มือถือ",
        "summary_en": "",
        "description_th": "",
        "description_en": "",
        "track": "agency",
        "issue_area": "",
        "fiscal_year": "2568",
        "start_date": "01/10/2567",
        "end_date": "30/09/2568",
    }
    data.update(fields)
    return data
