import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("th-TH,th;q=0.9", "/th/"), ("", "/th/")],
)
def test_root_redirects_by_browser_language(client, accept_language, expected):
    """/ sends a visitor to the Thai or English site by the browser's language."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/en/projects/no-such-project/", "en", "Page not found"),
        ("/th/projects/no-such-project/", "th", "ไม่พบหน้าที่คุณต้องการ"),
        ("/en/no-such-page/", "en", "Page not found"),
        ("/th/no-such-page/", "th", "ไม่พบหน้าที่คุณต้องการ"),
    ],
)
def test_not_found_page_speaks_the_page_language(client, path, lang, text):
    """An unknown address gives the 404 page in the language of its URL."""
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert text in html
