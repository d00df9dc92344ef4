from django.urls import path

from glimmers.portability import views

app_name = "portability"
urlpatterns = [
    path("data/", views.data, name="data"),
    path("data/export/", views.export, name="export"),
    path("delete/", views.erase, name="erase"),
]
