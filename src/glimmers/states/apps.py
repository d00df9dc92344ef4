from django.apps import AppConfig


class StatesConfig(AppConfig):
    name = "glimmers.states"
    verbose_name = "States"

    def ready(self) -> None:
        # What the ladder adds to pages below it, without their knowing (DESIGN §3). Light imports only: every
        # command-line command starts through this.
        from glimmers.lib.hooks import contribute
        from glimmers.states.hooks import ladder_next

        contribute("first_steps", ladder_next)
