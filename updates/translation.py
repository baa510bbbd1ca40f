from modeltranslation.translator import TranslationOptions, register

from updates.models import ProjectProposal, ProjectUpdate


@register(ProjectUpdate)
class ProjectUpdateTranslationOptions(TranslationOptions):
    fields = ("title", "body", "stage_change_reason", "lessons_learned")
    required_languages = ("th",)


@register(ProjectProposal)
class ProjectProposalTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "description")
    required_languages = ("th",)
