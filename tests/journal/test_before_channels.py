"""A glimmer from before and "don't bring this back" on tags, through the API, the command line and the web:
each a thin adapter over the same services (journal.before, journal.names)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from django.test import Client

from glimmers.accounts.models import User
from glimmers.journal import names
from glimmers.journal.models import Glimmer, Tag
from tests.helpers import Api, invoke, keep

LAST_JUNE = datetime(2025, 6, 1, 8, 0, tzinfo=UTC)


def test_the_api_brings_back_a_glimmer_from_before_and_never_one_kept_back(alice: User, bob: User) -> None:
    fine = keep(alice, "the kettle singing", when=LAST_JUNE)
    keep(alice, "the #old_job party", when=LAST_JUNE)
    names.update_name(alice, "tags", "old_job", resurface=False)
    for _ in range(10):
        answer = Api(alice).get("/from-before")
        assert answer.status_code == 200
        assert answer.json()["glimmer"]["id"] == str(fine.uuid)
    assert Api(bob).get("/from-before").json() == {"glimmer": None}  # alice's are never bob's


def test_the_api_changes_each_setting_on_its_own(alice: User) -> None:
    api = Api(alice)
    changed = api.patch("/me", {"from_before": False}).json()
    assert (changed["time_zone"], changed["on_this_day"], changed["from_before"]) == ("Europe/London", True, False)
    keep(alice, "last june", when=LAST_JUNE)
    assert api.get("/from-before").json() == {"glimmer": None}
    assert api.patch("/me", {"on_this_day": "no"}).status_code == 422  # a yes/no is true or false
    assert api.patch("/me", {"time_zone": "Asia/Tokyo"}).json()["from_before"] is False


def test_tags_are_kept_back_through_the_api(alice: User) -> None:
    keep(alice, "a #work party")
    tag = names.get_name(alice, "tags", "work")
    api = Api(alice)
    answer = api.patch(f"/tags/{tag.uuid}", {"resurface": False})
    assert answer.status_code == 200 and answer.json()["resurface"] is False
    assert Tag.objects.get(pk=tag.pk).resurface is False
    assert api.patch(f"/tags/{tag.uuid}", {"archived": True}).status_code == 400  # tags are never archived
    assert not Glimmer.objects.resurfaceable(alice).exists()


def test_glimmers_random_on_the_command_line(alice: User) -> None:
    assert "nothing from before" in invoke("random").output
    fine = keep(alice, "the kettle singing", when=LAST_JUNE)
    keep(alice, "kept to myself", when=LAST_JUNE, resurface=False)
    printed = invoke("random")
    assert printed.exit_code == 0 and "the kettle singing" in printed.output
    assert json.loads(invoke("random", "--json").output)["glimmer"]["id"] == str(fine.uuid)


def test_tags_edit_no_resurface_on_the_command_line(alice: User) -> None:
    keep(alice, "a #work party", when=LAST_JUNE)
    result = invoke("tags", "edit", "work", "--no-resurface")
    assert result.exit_code == 0, result.output
    assert names.get_name(alice, "tags", "work").resurface is False
    assert "won't bring “work” back" in invoke("tags", "show", "work").output
    assert json.loads(invoke("random", "--json").output) == {"glimmer": None}
    assert invoke("tags", "edit", "work", "--resurface").exit_code == 0
    assert json.loads(invoke("random", "--json").output)["glimmer"]["text"] == "a #work party"


def test_a_tag_is_kept_back_from_its_page(alice: User, alice_client: Client, bob_client: Client) -> None:
    keep(alice, "a #work party")
    tag = names.get_name(alice, "tags", "work")
    page = alice_client.get(f"/tags/{tag.uuid}/").content.decode()
    assert f'action="/tags/{tag.uuid}/resurface/"' in page
    assert bob_client.post(f"/tags/{tag.uuid}/resurface/", {"resurface": "0"}).status_code == 404
    assert alice_client.post(f"/tags/{tag.uuid}/resurface/", {"resurface": "0"}).status_code == 302
    assert names.get_name(alice, "tags", "work").resurface is False
    assert "won't bring #work back" in alice_client.get(f"/tags/{tag.uuid}/").content.decode()


def test_merging_tags_keeps_dont_bring_back(alice: User) -> None:
    keep(alice, "a #work party and #job")
    names.update_name(alice, "tags", "job", resurface=False)
    assert names.merge(alice, "tags", "work", "job").resurface is False
    assert names.merge(alice, "tags", "job", names.add_name(alice, "tags", "fresh").uuid).resurface is False
