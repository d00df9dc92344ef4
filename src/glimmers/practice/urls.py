from django.urls import path

from glimmers.practice import views

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
]
