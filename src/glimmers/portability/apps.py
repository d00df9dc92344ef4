from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "glimmers.portability"
    verbose_name = "Your data"

    def ready(self) -> None:
        # Portability stands on top of every app (DESIGN §3): nothing imports it, so it hands its work to the
        # places below that ask for it. Only light modules here: every command-line command starts through this.
        from glimmers.lib import erasure, hooks

        erasure.register("glimmers.portability.erasure.erase_account")
        hooks.contribute("settings_sections", _settings_sections)


def _settings_sections(request, user):  # type: ignore[no-untyped-def]
    from django.template.loader import render_to_string

    return render_to_string("portability/_settings.html", request=request)
