from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "glimmers.practice"
    verbose_name = "Practice"

    def ready(self) -> None:
        # What practice adds to Today and Settings without the journal or accounts knowing (DESIGN §3). Only
        # light modules here: every command-line command starts through this.
        from glimmers.lib.hooks import contribute
        from glimmers.practice.hooks import settings_section, today_intention, today_sections

        contribute("today_intention", today_intention)
        contribute("today_sections", today_sections)
        contribute("settings_sections", settings_section)
