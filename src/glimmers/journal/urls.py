from django.urls import path

from glimmers.journal import views

urlpatterns = [
    path("", views.today, name="home"),
]
