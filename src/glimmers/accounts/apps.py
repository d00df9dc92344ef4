from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "glimmers.accounts"
    verbose_name = "Accounts"
