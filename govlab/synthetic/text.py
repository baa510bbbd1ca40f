"""Thai and English text for synthetic records, put together from the vocabulary.

Every text depends only on the random generator handed in, so a seed gives the same
words. English is missing for some records (None, as an editor who skips the English
tab leaves it): the site falls back to Thai, as it does for real records.
"""

import random

from govlab.synthetic import vocabulary as words

# Ends every description: short, since each character costs trigram index time.
SYNTHETIC_NOTE = ("(ข้อมูลสังเคราะห์)", "(Synthetic data.)")
# Share of projects and events written in Thai only.
THAI_ONLY = 0.1


class TextMaker:
    """Titles, summaries and descriptions in both languages from one generator."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def pick(self, options):
        return options[int(self.rng.random() * len(options))]

    def _english(self, texts: dict[str, str]) -> dict[str, str | None]:
        if self.rng.random() < THAI_ONLY:
            return {
                key: (None if key.endswith("_en") else text)
                for key, text in texts.items()
            }
        return texts

    def project(self, *, issue_area: tuple[str, str] | None, place: tuple[str, str]):
        """title_*, summary_* and description_* of a project."""
        approach, service = self.pick(words.APPROACHES), self.pick(words.SERVICES)
        target, problem = self.pick(words.TARGETS), self.pick(words.PROBLEMS)
        title_th = f"{approach[0]}{service[0]}"
        title_en = f"{approach[1]} {service[1]}"
        if self.rng.random() < 0.4:
            title_th += f" ({place[0]})"
            title_en += f" in {place[1]}"
        if self.rng.random() < 0.15:
            phase = 2 + int(self.rng.random() * 3)
            title_th += f" ระยะที่ {phase}"
            title_en += f", phase {phase}"
        summary_th = f"ต้นแบบนวัตกรรมด้าน{service[0]}สำหรับ{target[0]} เนื่องจาก{problem[0]}"
        summary_en = (
            f"An innovation prototype on {service[1]} for {target[1]}, because "
            f"{problem[1]}."
        )
        if issue_area is not None:
            summary_th += f" ภายใต้ประเด็นปัญหา{issue_area[0]}"
            summary_en += f" Issue area: {issue_area[1]}."
        description_th, description_en = self._description(target, problem, place)
        return self._english(
            {
                "title_th": title_th,
                "title_en": title_en,
                "summary_th": summary_th,
                "summary_en": summary_en,
                "description_th": description_th,
                "description_en": description_en,
            }
        )

    def _description(self, target, problem, place) -> tuple[str, str]:
        thai = [f"ปัจจุบัน{problem[0]} ทำให้{target[0]}ใน{place[0]} เสียเวลาและค่าเดินทาง"]
        english = [f"Today {problem[1]}, which costs {target[1]} in {place[1]} time."]
        # One to three paragraphs, some 200 characters a language on average, as
        # the demo's descriptions.
        for _ in range(int(self.rng.random() * 3)):
            methods = self.rng.sample(words.METHODS, 2)
            thai.append(f"ทีมงาน{methods[0][0]} และ{methods[1][0]}")
            english.append(f"{methods[0][1]}. {methods[1][1]}.")
        thai[-1] += f" {SYNTHETIC_NOTE[0]}"
        english[-1] += f" {SYNTHETIC_NOTE[1]}"
        return "\n\n".join(thai), "\n\n".join(english)

    def progress(self, count: int) -> tuple[str, str]:
        """count different sentences of what was done, with numbers filled in."""
        done = [
            (thai.format(n=number), english.format(n=number))
            for (thai, english), number in (
                (sentence, 3 + int(self.rng.random() * 120))
                for sentence in self.rng.sample(words.PROGRESS, count)
            )
        ]
        return " ".join(t for t, _ in done), " ".join(e for _, e in done)

    def event(self, *, kind: str, fiscal_year: int, number: int, place):
        """title_*, summary_* and description_* of an event."""
        opening_th, opening_en = words.EVENT_TITLES[kind]
        service = self.pick(words.SERVICES)
        if kind == "committee-meeting":
            title_th = f"{opening_th} ครั้งที่ {number}/{fiscal_year}"
            title_en = f"{opening_en}, meeting {number}/{fiscal_year}"
        else:
            title_th = f"{opening_th} {service[0]} {fiscal_year}"
            title_en = f"{opening_en} {service[1]} {fiscal_year - 543}"
        summary_th = f"กิจกรรมแลกเปลี่ยนแนวคิดนวัตกรรมภาครัฐด้าน{service[0]} ที่{place[0]}"
        summary_en = f"On public-sector innovation in {service[1]}, in {place[1]}."
        method = self.pick(words.METHODS)
        return self._english(
            {
                "title_th": title_th,
                "title_en": title_en,
                "summary_th": summary_th,
                "summary_en": summary_en,
                "description_th": f"{method[0]} {SYNTHETIC_NOTE[0]}",
                "description_en": f"{method[1]}. {SYNTHETIC_NOTE[1]}",
            }
        )
