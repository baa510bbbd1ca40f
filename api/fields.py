"""Serializer fields that give a record in both of the site's languages.

A translated field is an object {"th": ..., "en": ...}. A language without text is
null; the Thai title or name of a record is always given, since Thai is required.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

# The registry's languages, Thai first; the OpenAPI description names them too.
LANGUAGES = ("th", "en")


class TranslatedTextSerializer(serializers.Serializer):
    th = serializers.CharField(help_text="Thai text, always given.")
    en = serializers.CharField(
        allow_null=True, help_text="English text; null where none has been written."
    )


class OptionalTranslatedTextSerializer(serializers.Serializer):
    th = serializers.CharField(allow_null=True, help_text="Thai text, or null.")
    en = serializers.CharField(allow_null=True, help_text="English text, or null.")


class PageLinksSerializer(serializers.Serializer):
    th = serializers.URLField(help_text="The public page in Thai.")
    en = serializers.URLField(help_text="The public page in English.")


class _WholeRecordField(serializers.Field):
    """A read-only field computed from the whole record rather than one attribute."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)


@extend_schema_field(TranslatedTextSerializer)
class TranslatedField(_WholeRecordField):
    """A field Thai requires, such as a title: Thai always, English or null."""

    def to_representation(self, instance):
        th, en = (getattr(instance, f"{self.field_name}_{lang}") for lang in LANGUAGES)
        return {"th": th or "", "en": en or None}


@extend_schema_field(OptionalTranslatedTextSerializer)
class OptionalTranslatedField(_WholeRecordField):
    """A field that may be empty in either language, such as a summary."""

    def to_representation(self, instance):
        return {
            lang: getattr(instance, f"{self.field_name}_{lang}") or None
            for lang in LANGUAGES
        }


@extend_schema_field(PageLinksSerializer)
class PageLinksField(_WholeRecordField):
    """The record's public page in each language: /th/... and /en/..."""

    def __init__(self, view_name: str, **kwargs):
        self.view_name = view_name
        super().__init__(**kwargs)

    def to_representation(self, instance):
        request = self.context["request"]
        links = {}
        for lang in LANGUAGES:
            # i18n_patterns prefixes the path with the language active at reverse().
            with translation.override(lang):
                path = reverse(self.view_name, kwargs={"slug": instance.slug})
            links[lang] = request.build_absolute_uri(path)
        return links


@extend_schema_field({"type": "string", "format": "uri"})
class ProjectsLinkField(_WholeRecordField):
    """The API's project list filtered to this record, e.g. ?agency=<slug>."""

    def __init__(self, parameter: str, **kwargs):
        self.parameter = parameter
        super().__init__(**kwargs)

    def to_representation(self, instance):
        query = urlencode({self.parameter: instance.slug})
        path = f"{reverse('api:project-list')}?{query}"
        return self.context["request"].build_absolute_uri(path)


class BlankAsNullURLField(serializers.URLField):
    """An optional address: null rather than an empty string when there is none."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None
