from django.urls import path

from glimmers.states import views

app_name = "states"
urlpatterns = [
    path("", views.ladder, name="ladder"),
    path("edit/", views.ladder_edit, name="ladder_edit"),
    path("about/", views.ladder_about, name="ladder_about"),
    path("words/", views.ladder_words, name="ladder_words"),
    path("story/", views.ladder_story, name="ladder_story"),
    path("checkins/new/", views.checkin, name="checkin"),
    path("checkins/<uuid:checkin_id>/delete/", views.checkin_delete, name="checkin_delete"),
    path("day/", views.day, name="day"),
    path("hard-moments/", views.hard_moments, name="hard_moments"),
    path("hard-moments/<uuid:moment_id>/delete/", views.hard_moment_delete, name="hard_moment_delete"),
    path("cues/", views.cues, name="cues"),
    path("cues/<uuid:cue_id>/", views.cue, name="cue"),
    path("cues/<uuid:cue_id>/edit/", views.cue_edit, name="cue_edit"),
    path("cues/<uuid:cue_id>/delete/", views.cue_delete, name="cue_delete"),
    path("cues/<uuid:cue_id>/link/", views.cue_link, name="cue_link"),
    path("cues/<uuid:cue_id>/unlink/", views.cue_unlink, name="cue_unlink"),
    path("balance/", views.balance, name="balance"),
    path("settings/", views.settings, name="settings"),
]
