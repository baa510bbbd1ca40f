from modeltranslation.translator import TranslationOptions, register

from projects.models import IssueArea, Project, StageChange


@register(IssueArea)
class IssueAreaTranslationOptions(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("th",)


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = ("th",)


@register(StageChange)
class StageChangeTranslationOptions(TranslationOptions):
    fields = ("reason", "lessons_learned")
    required_languages = {"th": ("reason",), "default": ()}
