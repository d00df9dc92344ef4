from django.apps import AppConfig


class StatesConfig(AppConfig):
    name = "glimmers.states"
    verbose_name = "States"

    def ready(self) -> None:
        # What the ladder adds to the journal's pages and operations, without the journal knowing (DESIGN §3).
        # Only light modules here: every command-line command starts through this.
        from glimmers.lib.hooks import answer_with, contribute
        from glimmers.states.hooks import (
            capture_before,
            checkin_before,
            ladder_next,
            state_names,
            stories_named,
            story_results,
        )

        answer_with("state_names", state_names)
        answer_with("checkin_before", checkin_before)
        answer_with("search_elsewhere", stories_named)
        contribute("capture_before", capture_before)
        contribute("first_steps", ladder_next)
        contribute("search_results", story_results)
