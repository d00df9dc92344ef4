from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "glimmers.journal"
    verbose_name = "Journal"
