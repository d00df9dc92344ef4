from django.apps import AppConfig


class KitConfig(AppConfig):
    name = "glimmers.kit"
    verbose_name = "Kit"

    def ready(self) -> None:
        # What the kit adds to pages and operations below it, without their knowing (DESIGN §3). Only light
        # modules here: every command-line command starts through this (the contributors load the rest later).
        from glimmers.journal.signals import merged
        from glimmers.kit.hooks import follow_merge, page_actions, pin_mark, welcome_ideas
        from glimmers.lib.hooks import contribute

        contribute("card_marks", pin_mark)
        contribute("page_actions", page_actions)
        contribute("welcome", welcome_ideas)
        merged.connect(follow_merge, dispatch_uid="kit-follow-merge")
