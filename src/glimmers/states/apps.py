from django.apps import AppConfig


class StatesConfig(AppConfig):
    name = "glimmers.states"
    verbose_name = "States"
