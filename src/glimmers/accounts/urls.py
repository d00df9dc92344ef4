from django.urls import path

from glimmers.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("welcome/<str:token>/", views.first_run, name="first_run"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/password/", views.change_password, name="password"),
    path("settings/tokens/", views.token_create, name="token_create"),
    path("settings/tokens/<str:key_id>/revoke/", views.token_revoke, name="token_revoke"),
]
