from django.urls import path

from glimmers.practice import feed_views, noticing_views, views

app_name = "practice"
urlpatterns = [
    path("", views.index, name="index"),
    path("intention/", views.intention, name="intention"),
    path("rituals/new/", views.ritual_add, name="ritual_add"),
    path("rituals/<uuid:ritual_id>/", views.ritual, name="ritual"),
    path("rituals/<uuid:ritual_id>/edit/", views.ritual_edit, name="ritual_edit"),
    path("rituals/<uuid:ritual_id>/retire/", views.ritual_retire, name="ritual_retire"),
    path("rituals/<uuid:ritual_id>/delete/", views.ritual_delete, name="ritual_delete"),
    path("rituals/<uuid:ritual_id>/done/", views.ritual_done, name="ritual_done"),
    path("occasions/<uuid:occasion_id>/answer/", views.occasion_answer, name="occasion_answer"),
    path("occasions/<uuid:occasion_id>/glimmer/", views.occasion_glimmer, name="occasion_glimmer"),
    path("noticing/", noticing_views.noticing, name="noticing"),
    path("noticing/done/", noticing_views.noticing_done, name="noticing_done"),
    path("sessions/<uuid:session_id>/", noticing_views.session, name="session"),
    path("sessions/<uuid:session_id>/keep/", noticing_views.session_keep, name="session_keep"),
    path("sessions/<uuid:session_id>/checkin/", noticing_views.session_checkin, name="session_checkin"),
    path("prompts/", noticing_views.prompts, name="prompts"),
    path("prompts/<uuid:prompt_id>/", noticing_views.prompt_edit, name="prompt_edit"),
    path("prompts/<uuid:prompt_id>/hide/", noticing_views.prompt_hide, name="prompt_hide"),
    path("feed/", feed_views.feed_settings, name="feed"),
]
