"""The one rule for a move up the ladder: the SQL beside the ranks agrees with the ranks."""

from __future__ import annotations

import itertools

from glimmers.accounts.models import User
from glimmers.journal import services
from glimmers.journal.ladder import RANK, moves, rungs_up
from glimmers.journal.models import Glimmer


def test_moves_and_rungs_in_sql_agree_with_the_ranks(alice: User) -> None:
    states = [*RANK, ""]
    for before, after in itertools.product(states, states):
        services.create_glimmer(alice, text=f"{before}→{after}", state_before=before, state_after=after)
    mine = Glimmer.objects.owned_by(alice)
    pairs = {(g.state_before, g.state_after) for g in mine}
    up = {(b, a) for b, a in pairs if b and a and RANK[a] > RANK[b]}
    down = {(b, a) for b, a in pairs if b and a and RANK[a] < RANK[b]}
    assert set(mine.filter(moves(up=True)).values_list("state_before", "state_after")) == up
    assert set(mine.filter(moves(up=False)).values_list("state_before", "state_after")) == down
    rungs = {(g.state_before, g.state_after): g.rungs for g in mine.annotate(rungs=rungs_up())}
    assert rungs == {(b, a): (RANK[a] - RANK[b] if (b, a) in up else 0) for b, a in pairs}
