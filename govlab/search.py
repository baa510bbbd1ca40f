"""Thai-aware text search: reading a query, matching it, ranking and highlighting.

Thai is written without spaces, so a word is found as a substring of the stored text
(LIKE on both databases, which a trigram index speeds up on PostgreSQL): icontains on
each column for agencies and events, contains on one folded column for projects.
A query is split on whitespace into terms; PyThaiNLP's newmm engine, which works
offline from its bundled dictionary, splits each Thai term into words. A term
matches a text that contains it whole or that contains each of its words: the
segmenter keeps some compounds whole (การท่องเที่ยว) and splits others a visitor may
type in one piece (ปราบปรามยาเสพติด), and the substring match covers both.
Every term must match (AND), each in any of the searched fields (OR).
"""

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial, reduce
from operator import and_, or_

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import Expression
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from pythainlp.tokenize import word_tokenize
from pythainlp.util import reorder_vowels

from govlab.thai_dictionary import thai_dictionary

# A longer query is cut, never refused: nobody types more, and each term costs SQL.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
MAX_WORDS_PER_TERM = 10
SNIPPET_LENGTH = 160
ELLIPSIS = "…"

THAI_LETTER = re.compile("[\u0e01-\u0e5b]")
# Paiyannoi (abbreviation) and mai yamok (repetition): letters to Unicode, signs to us.
THAI_SIGNS = "\u0e2f\u0e46"


@dataclass(frozen=True)
class Term:
    """One whitespace-separated word of a query, with the words found inside it.

    ``words`` is empty unless the segmenter split the term into several words.
    """

    text: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchQuery:
    """A query ready to match: ``text`` as typed (cleaned), ``terms`` to match."""

    text: str = ""
    terms: tuple[Term, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.terms)

    @property
    def marked(self) -> tuple[str, ...]:
        """Every string a highlight marks, longest first so it wins over its parts."""
        found = {term.text for term in self.terms}
        found.update(word for term in self.terms for word in term.words)
        return tuple(sorted(found, key=lambda word: (-len(word), word)))


def clean(raw: str | None) -> str:
    """The query as typed, safe to store and show: no control or format characters
    (NUL breaks PostgreSQL), Unicode NFC, Thai vowels and tone marks in their
    standard order, single spaces, at most MAX_QUERY_LENGTH characters."""
    # Bound the work before anything else: a pasted 10,000-character query.
    text = (raw or "")[: MAX_QUERY_LENGTH * 4]
    text = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    text = reorder_vowels(unicodedata.normalize("NFC", text))
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def fold(text: str | None) -> str:
    """Text as a query's terms are matched: NFC, Thai marks in their standard order,
    lower case. Stored search text is folded the same way (projects.search_text)."""
    return reorder_vowels(unicodedata.normalize("NFC", text or "")).lower()


def parse_query(raw: str | None) -> SearchQuery:
    """Terms to match from what a visitor typed; no terms when nothing is searchable."""
    return _parse(clean(raw))


@lru_cache(maxsize=256)
def _parse(text: str) -> SearchQuery:
    tokens = list(dict.fromkeys(filter(None, map(_trim, text.lower().split()))))
    # A single letter matches nearly everything: keep it only if it is all there is.
    if any(len(token) > 1 for token in tokens):
        tokens = [token for token in tokens if len(token) > 1]
    terms = tuple(_term(token) for token in tokens[:MAX_TERMS])
    return SearchQuery(text=text, terms=terms)


def _trim(token: str) -> str:
    """A token without the punctuation and symbols around it; "" if nothing is left.

    Punctuation inside stays (ก.พ.ร, 59/1); a word never starts with a combining mark
    but a Thai one often ends with a tone mark (ที่). The Thai abbreviation and
    repetition signs go like a final dot: กรุงเทพฯ finds กรุงเทพมหานคร.
    """
    start, end = 0, len(token)
    while start < end and not _word_start(token[start]):
        start += 1
    while end > start and not _word_end(token[end - 1]):
        end -= 1
    return token[start:end]


def _word_start(char: str) -> bool:
    return char not in THAI_SIGNS and unicodedata.category(char)[0] in "LN"


def _word_end(char: str) -> bool:
    return char not in THAI_SIGNS and unicodedata.category(char)[0] in "LNM"


def _term(token: str) -> Term:
    if not THAI_LETTER.search(token):
        return Term(token)
    pieces = word_tokenize(
        token, engine="newmm", custom_dict=thai_dictionary(), keep_whitespace=False
    )
    words = [word for word in map(_trim, pieces) if len(word) > 1]
    words = list(dict.fromkeys(words))[:MAX_WORDS_PER_TERM]
    # One word left means the segmenter found nothing to split (or only dropped
    # letters and punctuation): matching that word alone would only widen the term.
    return Term(token, tuple(words)) if len(words) > 1 else Term(token)


def in_every_language(*fields: str) -> tuple[str, ...]:
    """Each translated field's column in every language: title_th, title_en, ..."""
    return tuple(
        f"{field}_{language}"
        for field in fields
        for language in settings.MODELTRANSLATION_LANGUAGES
    )


def text_in(fields: Sequence[str], text: str) -> Q:
    """The text inside any of the fields, whatever the case."""
    # icontains escapes LIKE's % and _ (and the escape character) in the value.
    return reduce(or_, (Q(**{f"{field}__icontains": text}) for field in fields))


def term_match(term: Term, contains: Callable[[str], Q]) -> Q:
    """The term whole, or each of its words, as ``contains`` finds a text."""
    whole = contains(term.text)
    if not term.words:
        return whole
    return whole | reduce(and_, (contains(word) for word in term.words))


def search_match(query: SearchQuery, fields: Sequence[str]) -> Q:
    """Every term found in one of the fields (a project's search uses its one
    folded search_text column instead: projects.filters.project_text_match)."""
    contains = partial(text_in, fields)
    return reduce(and_, (term_match(term, contains) for term in query.terms), Q())


def search_rank(
    query: SearchQuery, weights: Iterable[tuple[Sequence[str], int]]
) -> Expression:
    """Relevance: per term, the weight of each group of fields it is found in.

    With weights 4, 2, 1 for title, summary and description, a title match scores
    above a summary match, which scores above a description match.
    """
    scores = [
        Case(
            When(term_match(term, partial(text_in, fields)), then=weight),
            default=0,
            output_field=IntegerField(),
        )
        for term in query.terms
        for fields, weight in weights
    ]
    return reduce(lambda a, b: a + b, scores, Value(0, output_field=IntegerField()))


@lru_cache(maxsize=256)
def _pattern(query: SearchQuery) -> re.Pattern | None:
    if not query:
        return None
    alternatives = "|".join(re.escape(word) for word in query.marked)
    return re.compile(alternatives, re.IGNORECASE)


def _cluster_end(text: str, end: int) -> int:
    # A match ending inside a Thai syllable takes its vowels and tone marks along,
    # so that </mark> never separates a mark from its letter.
    while end < len(text) and unicodedata.category(text[end]) in ("Mn", "Mc"):
        end += 1
    return end


def highlight(text: str | None, query: SearchQuery) -> SafeString:
    """The text, escaped, with each match of the query wrapped in <mark>."""
    text = text or ""
    pattern = _pattern(query)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        if match.start() < position:
            continue
        end = _cluster_end(text, match.end())
        parts += [escape(text[position : match.start()]), "<mark>"]
        parts += [escape(text[match.start() : end]), "</mark>"]
        position = end
    parts.append(escape(text[position:]))
    # Safe: every piece of the text was escaped above.
    return mark_safe("".join(parts))


def snippet(
    text: str | None, query: SearchQuery, *, length: int = SNIPPET_LENGTH
) -> SafeString | None:
    """About ``length`` characters of the text around its first match, highlighted;
    None when the query is not found in it."""
    pattern = _pattern(query)
    found = pattern.search(text) if pattern and text else None
    if found is None:
        return None
    start = max(0, found.start() - length // 4)
    if start > 0:
        # Cut at a space before the match if there is one near, else between letters.
        space = text.find(" ", start, found.start())
        start = space + 1 if space != -1 else _cluster_end(text, start)
    end = max(start + length, _cluster_end(text, found.end()))
    if end < len(text):
        space = text.rfind(" ", max(found.end(), end - 20), end)
        end = space if space != -1 else _cluster_end(text, end)
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(text) else ""
    # Safe: highlight() escaped the extract.
    return mark_safe(f"{before}{highlight(text[start:end], query)}{after}")
