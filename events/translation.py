from modeltranslation.translator import TranslationOptions, register

from events.models import Event


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description", "venue", "city", "country")
    required_languages = ("th",)
