from modeltranslation.translator import TranslationOptions, register

from projects.models import IssueArea, Project


@register(IssueArea)
class IssueAreaTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("th",)


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = ("th",)
