"""The addresses of every public page kind, for the page_kinds_registry fixture's
records (tests/conftest.py): checked as HTML and under the content policy."""


def page_paths(lang):
    return [
        f"/{lang}/",
        f"/{lang}/projects/",
        f"/{lang}/projects/?track=service-issue&issue=land-services&q=ที่ดิน",
        f"/{lang}/projects/?fiscal_year=abc&stage=nope",
        f"/{lang}/projects/land-services-prototype/",
        f"/{lang}/agencies/",
        f"/{lang}/agencies/department-of-land-transport/",
        f"/{lang}/events/",
        f"/{lang}/events/?kind=nope",
        f"/{lang}/events/my-better-country-hackathon-2019/",
    ]
