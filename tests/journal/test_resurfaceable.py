"""May this come back: one rule in journal, `Glimmer.objects.resurfaceable(user)`, for everything that
brings a glimmer back unasked."""

from __future__ import annotations

from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.journal.models import Glimmer, Person, Place, Tag


def test_only_glimmers_nobody_marked_dont_bring_back_may_come_back(alice: User, bob: User) -> None:
    fine = services.create_glimmer(alice, text="the kettle singing", people=["Sam"], place="kitchen")
    services.create_glimmer(alice, text="kept to myself", resurface=False)
    services.create_glimmer(alice, text="with @Gran")
    services.create_glimmer(alice, text="at +old_house")
    binned = services.create_glimmer(alice, text="in the bin")
    services.delete_glimmer(alice, binned.uuid)
    services.create_glimmer(bob, text="bob's own")
    Person.objects.filter(owner=alice, name="Gran").update(resurface=False)
    Place.objects.filter(owner=alice, name="old house").update(resurface=False)

    assert list(Glimmer.objects.resurfaceable(alice)) == [fine]


def test_a_tag_marked_dont_bring_back_keeps_its_glimmers_back_too(alice: User) -> None:
    fine = services.create_glimmer(alice, text="the kettle singing #home")
    services.create_glimmer(alice, text="the #old_job party")
    Tag.objects.filter(owner=alice, name="old_job").update(resurface=False)

    assert list(Glimmer.objects.resurfaceable(alice)) == [fine]
