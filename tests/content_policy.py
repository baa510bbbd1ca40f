"""Checks that a page works under the Content-Security-Policy: no inline code at all.

The policy (govlab/settings.py) allows scripts and styles from the site's own files
only, so a browser would ignore any inline <script>, on* handler, javascript: URL,
<style> element or style attribute: a page with one is broken, or would be.
"""

import html5lib

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href")
# Data for scripts to read, never run: not governed by script-src.
DATA_SCRIPT_TYPES = ("application/json", "application/ld+json")


def policy_directives(response) -> dict[str, list[str]]:
    """The response's Content-Security-Policy, as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.wsgi_request.path}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def inline_code(html: str) -> list[str]:
    """Everything in ``html`` that the policy would stop from running or applying."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    found = []
    for element in document.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.rsplit("}", 1)[-1]
        attributes = {name.rsplit("}", 1)[-1]: value for name, value in element.items()}
        if tag == "script" and not attributes.get("src"):
            if attributes.get("type", "").lower() not in DATA_SCRIPT_TYPES:
                found.append(f"<script> without src: {(element.text or '')[:80]!r}")
        if tag == "style":
            found.append(f"<style>: {(element.text or '')[:80]!r}")
        for name, value in attributes.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}={value!r}>")
            if name.lower() == "style":
                found.append(f"<{tag} style={value!r}>")
            if name in URL_ATTRIBUTES and value.strip().lower().startswith(
                "javascript:"
            ):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def assert_works_under_policy(response) -> None:
    """The page carries the strict policy and has nothing inline that it would block."""
    path = response.wsgi_request.get_full_path()
    assert response.status_code == 200, path
    directives = policy_directives(response)
    assert directives["script-src"] == ["'self'"], path
    assert directives["style-src"] == ["'self'"], path
    assert directives["object-src"] == ["'none'"], path
    assert directives["frame-ancestors"] == ["'none'"], path
    found = inline_code(response.content.decode())
    assert found == [], f"{path}: " + "; ".join(found)
