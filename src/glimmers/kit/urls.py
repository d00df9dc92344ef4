from django.urls import path

from glimmers.kit import need_views, views

app_name = "kit"
urlpatterns = [
    path("", views.index, name="index"),
    path("low-energy/", views.low_energy, name="low_energy"),
    path("savour-length/", views.savour_length, name="savour_length"),
    path("anchors/<uuid:anchor_id>/", views.anchor, name="anchor"),
    path("anchors/<uuid:anchor_id>/move/", views.anchor_move, name="anchor_move"),
    path("anchors/<uuid:anchor_id>/unpin/", views.anchor_unpin, name="anchor_unpin"),
    # A glimmer, person, place or cue, by its id: pin it (with a note) or take it out.
    path("pin/<uuid:thing_id>/", views.pin, name="pin"),
    path("need/", need_views.need, name="need"),
    path("surfacings/<uuid:surfacing_id>/", need_views.surfacing, name="surfacing"),
    path("surfacings/<uuid:surfacing_id>/answer/", need_views.surfacing_answer, name="surfacing_answer"),
    path("savour/<uuid:glimmer_id>/", need_views.savour, name="savour"),
    path("savourings/<uuid:savouring_id>/feel/", need_views.feel, name="feel"),
]
