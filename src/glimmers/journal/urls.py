from django.urls import path

from glimmers.journal import names_views, search_views, views

app_name = "journal"
urlpatterns = [
    path("", views.today, name="today"),
    path("glimmers/new/", views.capture, name="capture"),
    path("journal/", search_views.timeline, name="timeline"),
    path("glimmers/<uuid:glimmer_id>/", views.detail, name="detail"),
    path("glimmers/<uuid:glimmer_id>/edit/", views.edit, name="edit"),
    path("glimmers/<uuid:glimmer_id>/delete/", views.delete, name="delete"),
    path("bin/", views.bin_list, name="bin"),
    path("bin/<uuid:glimmer_id>/restore/", views.restore, name="restore"),
    path("bin/<uuid:glimmer_id>/erase/", views.erase, name="erase"),
    # Names for type-ahead pickers: <option>s for a <datalist>.
    path("suggest/people/", search_views.suggest_people, name="suggest_people"),
    path("suggest/places/", search_views.suggest_places, name="suggest_places"),
    path("suggest/tags/", search_views.suggest_tags, name="suggest_tags"),
]

# People, places and tags share their views; each kind has its own addresses and names.
for kind, one in (("people", "person"), ("places", "place"), ("tags", "tag")):
    of = {"kind": kind}
    urlpatterns += [
        path(f"{kind}/", names_views.name_list, of, name=kind),
        path(f"{kind}/<uuid:thing_id>/", names_views.name_detail, of, name=one),
        path(f"{kind}/<uuid:thing_id>/edit/", names_views.name_edit, of, name=f"{one}_edit"),
        path(f"{kind}/<uuid:thing_id>/merge/", names_views.name_merge, of, name=f"{one}_merge"),
    ]
    if kind != "tags":
        urlpatterns += [
            path(f"{kind}/new/", names_views.name_add, of, name=f"{one}_add"),
            path(f"{kind}/<uuid:thing_id>/archive/", names_views.name_archive, of, name=f"{one}_archive"),
            path(f"{kind}/<uuid:thing_id>/resurface/", names_views.name_resurface, of, name=f"{one}_resurface"),
        ]
