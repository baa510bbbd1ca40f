"""What the e2e tests do on a page: sign in, find fields, run axe-core."""

import re

from axe_playwright_python.sync_playwright import Axe

PASSWORD = "ขนส่ง-ทดสอบ-2568"
# The WCAG 2.0 and 2.1 success criteria at levels A and AA, and only those.
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_axe = Axe()


def sign_in(page, username, *, language="th"):
    """Signs in through the public sign-in page, as a person would."""
    page.goto(f"/{language}/accounts/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


def field(page, label):
    """The form control labelled ``label`` (Django's labels end with a colon)."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}:?$"))


# One h1, and no level skipped going down (h2 then h4): a screen reader's outline.
HEADING_PROBLEMS = """() => {
  const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .map(heading => Number(heading.tagName[1]));
  const problems = [];
  const ones = levels.filter(level => level === 1).length;
  if (ones !== 1) problems.push(`${ones} h1 headings, not one`);
  levels.forEach((level, index) => {
    const previous = index ? levels[index - 1] : 0;
    if (level > previous + 1) problems.push(`h${previous} followed by h${level}`);
  });
  return problems;
}"""


def accessibility_violations(page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA violations on the page, and headings out of
    order, each with the page, the rule, its impact and the elements found."""
    options = {
        "runOnly": {"type": "tag", "values": WCAG_A_AA},
        "resultTypes": ["violations"],
    }
    results = _axe.run(page, options=options).response
    lines = []
    for violation in results["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        lines.append(
            f"{page.url}\n  {violation['id']} ({violation['impact']}): "
            f"{violation['help']}\n    " + "\n    ".join(targets)
        )
    for problem in page.evaluate(HEADING_PROBLEMS):
        lines.append(f"{page.url}\n  headings out of order: {problem}")
    return lines
