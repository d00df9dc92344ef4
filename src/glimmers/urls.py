"""Web routes, grouped by prefix under each app's namespace."""

from django.urls import include, path

from glimmers import views
from glimmers.api import api

urlpatterns = [
    path("", include("glimmers.journal.urls")),  # Today at /, the journal, the bin
    path("", include("glimmers.accounts.urls")),
    path("ladder/", include("glimmers.states.urls")),  # my ladder: check-ins, cues, balance
    path("kit/", include("glimmers.kit.urls")),  # the kit: anchors, "I need a glimmer", savouring
    path("practice/", include("glimmers.practice.urls")),  # rituals, the intention
    path("settings/", include("glimmers.portability.urls")),  # your data: export, erasing the account
    path("feeds/", include("glimmers.practice.feed_urls")),  # the private calendar feed, by its secret address
    path("healthz", views.healthz, name="healthz"),
    path("support/", views.support, name="support"),
    path("api/", api.urls),
]

handler400 = "glimmers.views.bad_request"
handler404 = "glimmers.views.not_found"
handler500 = "glimmers.views.server_error"
