from django.urls import path

from glimmers.journal import names_views, search_views, views

app_name = "journal"
urlpatterns = [
    path("", views.today, name="today"),
    path("glimmers/new/", views.capture, name="capture"),
    path("journal/", search_views.timeline, name="timeline"),
    path("journal/from-before/", views.from_before, name="from_before"),
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

PEOPLE, PLACES, TAGS = {"kind": "people"}, {"kind": "places"}, {"kind": "tags"}

# People, places and tags share their views; each kind has its own addresses and names (written out, so
# each name can be found with grep).
urlpatterns += [
    path("people/", names_views.name_list, PEOPLE, name="people"),
    path("people/new/", names_views.name_add, PEOPLE, name="person_add"),
    path("people/<uuid:thing_id>/", names_views.name_detail, PEOPLE, name="person"),
    path("people/<uuid:thing_id>/edit/", names_views.name_edit, PEOPLE, name="person_edit"),
    path("people/<uuid:thing_id>/merge/", names_views.name_merge, PEOPLE, name="person_merge"),
    path("people/<uuid:thing_id>/archive/", names_views.name_archive, PEOPLE, name="person_archive"),
    path("people/<uuid:thing_id>/resurface/", names_views.name_resurface, PEOPLE, name="person_resurface"),
    path("places/", names_views.name_list, PLACES, name="places"),
    path("places/new/", names_views.name_add, PLACES, name="place_add"),
    path("places/<uuid:thing_id>/", names_views.name_detail, PLACES, name="place"),
    path("places/<uuid:thing_id>/edit/", names_views.name_edit, PLACES, name="place_edit"),
    path("places/<uuid:thing_id>/merge/", names_views.name_merge, PLACES, name="place_merge"),
    path("places/<uuid:thing_id>/archive/", names_views.name_archive, PLACES, name="place_archive"),
    path("places/<uuid:thing_id>/resurface/", names_views.name_resurface, PLACES, name="place_resurface"),
    path("tags/", names_views.name_list, TAGS, name="tags"),
    path("tags/<uuid:thing_id>/", names_views.name_detail, TAGS, name="tag"),
    path("tags/<uuid:thing_id>/edit/", names_views.name_edit, TAGS, name="tag_edit"),
    path("tags/<uuid:thing_id>/merge/", names_views.name_merge, TAGS, name="tag_merge"),
    path("tags/<uuid:thing_id>/resurface/", names_views.name_resurface, TAGS, name="tag_resurface"),
]
