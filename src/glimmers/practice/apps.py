from django.apps import AppConfig


class PracticeConfig(AppConfig):
    name = "glimmers.practice"
    verbose_name = "Practice"
