"""The calendar feed's public address, `/feeds/<secret>.ics` (mounted at the root: a calendar app is not signed in)."""

from django.urls import path

from glimmers.practice import feed_views

app_name = "feeds"
urlpatterns = [
    path("<str:secret>.ics", feed_views.feed, name="feed"),
]
