from modeltranslation.translator import TranslationOptions, register

from agencies.models import Agency


@register(Agency)
class AgencyTranslationOptions(TranslationOptions):
    fields = ("name", "short_name", "description")
    required_languages = ("th",)
