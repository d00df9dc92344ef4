from django.urls import path

from glimmers.journal import views

app_name = "journal"
urlpatterns = [
    path("", views.today, name="today"),
    path("glimmers/new/", views.capture, name="capture"),
    path("journal/", views.timeline, name="timeline"),
    path("glimmers/<uuid:glimmer_id>/", views.detail, name="detail"),
    path("glimmers/<uuid:glimmer_id>/edit/", views.edit, name="edit"),
    path("glimmers/<uuid:glimmer_id>/delete/", views.delete, name="delete"),
    path("bin/", views.bin_list, name="bin"),
    path("bin/<uuid:glimmer_id>/restore/", views.restore, name="restore"),
    path("bin/<uuid:glimmer_id>/erase/", views.erase, name="erase"),
]
