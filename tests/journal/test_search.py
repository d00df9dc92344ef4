"""Search and filters behind journal.search.find_glimmers: one table of cases that must give the same
glimmers on SQLite (FTS5) and PostgreSQL (GIN), the index kept right through every change, and any
string a person can type answered without an error."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glimmers.accounts.models import User
from glimmers.journal import names, search, services
from glimmers.journal.folding import fold, searchable, words
from glimmers.journal.highlight import highlight
from glimmers.journal.models import Glimmer
from glimmers.lib.errors import NotFound

GLIMMERS: dict[str, dict[str, object]] = {
    "sunset": {"text": "The sunset over the bay #evening", "people": ["Sam"], "place": "Beach"},
    "cafe": {"text": "First sip of café au lait", "why": "It tasted like Paris in spring"},
    "dog": {"text": "The dog at the beach, tail wagging", "people": ["Biscuit"]},
    "rain": {"text": "Rain on the window while reading", "tags": ["cosy"]},
    "strasse": {"text": "Walking down the Straße in Köln"},
    "face": {"text": "sun on my face at the bus stop"},
    "ecole": {"text": "ÉCOLE bell ringing, children laughing"},
    "mp3": {"text": "An old mp3 of Grandma singing"},
    "emoji": {"text": "🌞 morning light ✨ on the kitchen wall"},
    "cjk": {"text": "友達とお茶"},
    "aunt": {"text": "Tea with my aunt", "people": ["Aunt May"]},
    "greek": {"text": "Καλημέρα from the neighbour"},
}
EVERY = frozenset(GLIMMERS)
SUN = {"sunset", "face"}

# (what a person types, which glimmers it finds). EVERY: there were no words, so the whole journal.
CASES: list[tuple[str, frozenset[str] | set[str]]] = [
    ("sun", SUN),
    ("SUN", SUN),
    ("sunse", {"sunset"}),
    ("sunset", {"sunset"}),
    ('"sun on my"', {"face"}),
    ('"on my sun"', set()),
    ('"sun on', {"face"}),
    ("sun face", {"face"}),
    ("face sun", {"face"}),
    ("cafe", {"cafe"}),
    ("café", {"cafe"}),
    ("CAFÉ", {"cafe"}),
    ("caf", {"cafe"}),
    ("strasse", {"strasse"}),
    ("Straße", {"strasse"}),
    ("koln", {"strasse"}),
    ("KÖLN", {"strasse"}),
    ("ecole", {"ecole"}),
    ("école", {"ecole"}),
    ("καλημερα", {"greek"}),
    ("ΚΑΛΗΜΈΡΑ", {"greek"}),
    ("友達", {"cjk"}),
    ("mp3", {"mp3"}),
    ("mp", {"mp3"}),
    ("kitchen wall", {"emoji"}),
    ("🌞", EVERY),
    # names, tags and why are searched too
    ("sam", {"sunset"}),
    ("@sam", {"sunset"}),
    ("beach", {"sunset", "dog"}),
    ("biscuit", {"dog"}),
    ("cosy", {"rain"}),
    ("#evening", {"sunset"}),
    ("paris", {"cafe"}),
    ('"aunt may"', {"aunt"}),
    ("may", {"aunt"}),
    # anything typed is words, or nothing: never syntax, never an error
    ("NEAR(", set()),
    ("NEAR(sun face)", set()),
    ('"', EVERY),
    ('""', EVERY),
    ("*", EVERY),
    ("-", EVERY),
    ("^", EVERY),
    (":", EVERY),
    ("AND OR NOT", set()),
    ("sun*", SUN),
    ("-sun", SUN),
    ("^sun:", SUN),
    ("sun:face", {"face"}),
    ('sun"', SUN),
    ("sun AND", set()),
    ("'sun'", SUN),
    ("\x00sun\x1f", SUN),
    ("sun \ud800", SUN),
    ("a" * 10_000, set()),
    ("sun " * 2500, SUN),
    ("   ", EVERY),
    ("ᦰ", set()),  # a letter to Python, not to FTS5's Unicode 6.1 tables: still no error, nothing found
    ("sun ᦰ", set()),
]


@pytest.fixture
def journal(alice: User, bob: User) -> dict[str, str]:
    """alice's glimmers, by label; one in her bin, and bob's own with the same words."""
    texts = {}
    for label, fields in GLIMMERS.items():
        texts[services.create_glimmer(alice, **fields).text] = label  # type: ignore[arg-type]
    binned = services.create_glimmer(alice, text="sunshine in the bin", people=["Sam"])
    services.delete_glimmer(alice, binned.uuid)
    services.create_glimmer(bob, text="bob's sunset at the beach", people=["Sam"])
    return texts


def found(user: User, words: str = "", **kwargs: object) -> set[str]:
    result = search.find_glimmers(user, words=words, limit=200, **kwargs)  # type: ignore[arg-type]
    return {glimmer.text for glimmer in result.items}


def labels(user: User, journal: dict[str, str], words: str, **kwargs: object) -> set[str]:
    return {journal[text] for text in found(user, words, **kwargs)}


@pytest.mark.parametrize(("typed", "expected"), CASES, ids=[repr(typed[:24]) for typed, _ in CASES])
def test_the_same_words_find_the_same_glimmers_on_every_database(
    alice: User, journal: dict[str, str], typed: str, expected: set[str]
) -> None:
    assert labels(alice, journal, typed) == set(expected)
    assert labels(alice, journal, typed, order="relevance") == set(expected)


def test_best_match_puts_the_fullest_match_first(alice: User) -> None:
    now = timezone.now()
    services.create_glimmer(alice, text="birdsong birdsong birdsong", when=now - timedelta(days=2))
    services.create_glimmer(alice, text="birdsong, then a long and quiet walk through the woods at dawn", when=now)
    newest = search.find_glimmers(alice, words="birdsong").items
    best = search.find_glimmers(alice, words="birdsong", order="relevance").items
    assert newest[0].text.startswith("birdsong, then")
    assert best[0].text == "birdsong birdsong birdsong"


def test_words_that_are_not_words_say_so_and_show_the_journal(alice: User, journal: dict[str, str]) -> None:
    result = search.find_glimmers(alice, words="*** ?! ")
    assert result.words_ignored and not result.query
    assert not search.find_glimmers(alice, words="").words_ignored


def test_pages_of_matches_go_newest_first_and_never_repeat(alice: User) -> None:
    start = timezone.now() - timedelta(days=10)
    for index in range(25):
        services.create_glimmer(alice, text=f"kettle song {index}", when=start + timedelta(hours=index // 2))
        services.create_glimmer(alice, text=f"quiet {index}", when=start + timedelta(hours=index))
    seen: list[str] = []
    cursor = None
    while True:
        page = search.find_glimmers(alice, words="kettle", cursor=cursor, limit=7)
        seen += [glimmer.text for glimmer in page.items]
        if not (cursor := page.next_cursor):
            break
    assert len(seen) == len(set(seen)) == 25
    expected = [g.text for g in services.list_glimmers(alice, limit=200).items if g.text.startswith("kettle")]
    assert seen == expected


def test_best_match_pages_by_number(alice: User) -> None:
    for index in range(5):
        services.create_glimmer(alice, text="rain " * (index + 1) + f"number {index}")
    first = search.find_glimmers(alice, words="rain", order="relevance", limit=2)
    second = search.find_glimmers(alice, words="rain", order="relevance", limit=2, cursor=first.next_cursor)
    third = search.find_glimmers(alice, words="rain", order="relevance", limit=2, cursor=second.next_cursor)
    texts = [g.text for page in (first, second, third) for g in page.items]
    assert len(set(texts)) == 5 and third.next_cursor is None


def test_a_mangled_page_marker_is_refused_kindly(alice: User) -> None:
    from django.core.exceptions import ValidationError

    for order in ("newest", "relevance"):
        with pytest.raises(ValidationError, match="page marker"):
            search.find_glimmers(alice, words="sun", order=order, cursor="not-ours")


# --- the index stays right ------------------------------------------------------------------------------


def _fts_rows() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM journal_glimmer_fts")
        return int(cursor.fetchone()[0])


def test_search_follows_an_edit(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="frost on the grass", why="crisp", people=["Ana"])
    services.update_glimmer(alice, glimmer.uuid, text="dew on the lawn", why="fresh", people=["Ben"], place="Park")
    assert not found(alice, "frost") and not found(alice, "crisp") and not found(alice, "ana")
    for word in ("dew", "fresh", "ben", "park"):
        assert found(alice, word) == {"dew on the lawn"}


def test_search_never_finds_the_bin_and_finds_what_comes_back(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="warm bread")
    services.delete_glimmer(alice, glimmer.uuid)
    assert not found(alice, "bread")
    services.restore_glimmer(alice, glimmer.uuid)
    assert found(alice, "bread") == {"warm bread"}


def test_erased_and_purged_glimmers_leave_the_index(alice: User) -> None:
    erased = services.create_glimmer(alice, text="old note")
    purged = services.create_glimmer(alice, text="older note")
    services.create_glimmer(alice, text="kept note")
    sqlite = connection.vendor == "sqlite"
    before = _fts_rows() if sqlite else 0
    services.delete_glimmer(alice, erased.uuid)
    services.delete_forever(alice, erased.uuid)
    services.delete_glimmer(alice, purged.uuid)
    assert services.purge_bin(now=timezone.now() + timedelta(days=31)) == 1
    assert found(alice, "note") == {"kept note"}
    if sqlite:
        assert _fts_rows() == before - 2
        with connection.cursor() as cursor:  # FTS5's own check that the index matches its content
            cursor.execute("INSERT INTO journal_glimmer_fts(journal_glimmer_fts, rank) VALUES ('integrity-check', 1)")


@pytest.mark.parametrize("kind", ["people", "places", "tags"])
def test_a_rename_is_found_under_the_new_name_bin_included(alice: User, kind: str) -> None:
    given = {"people": {"people": ["Mum"]}, "places": {"place": "Mum"}, "tags": {"tags": ["Mum"]}}[kind]
    shown = services.create_glimmer(alice, text="a cup of tea", **given)  # type: ignore[arg-type]
    binned = services.create_glimmer(alice, text="a slice of cake", **given)  # type: ignore[arg-type]
    services.delete_glimmer(alice, binned.uuid)
    names.rename(alice, kind, "Mum", "Mother")
    assert not found(alice, "mum")
    assert found(alice, "mother") == {shown.text}
    services.restore_glimmer(alice, binned.uuid)
    assert found(alice, "mother") == {shown.text, binned.text}


@pytest.mark.parametrize("kind", ["people", "places", "tags"])
def test_a_merge_is_found_under_the_name_kept(alice: User, kind: str) -> None:
    def given(name: str) -> dict[str, object]:
        return {"people": {"people": [name]}, "places": {"place": name}, "tags": {"tags": [name]}}[kind]

    services.create_glimmer(alice, text="a cup of tea", **given("Mom"))  # type: ignore[arg-type]
    services.create_glimmer(alice, text="a slice of cake", **given("Mum"))  # type: ignore[arg-type]
    names.merge(alice, kind, "Mom", "Mum")
    assert not found(alice, "mom")
    assert found(alice, "mum") == {"a cup of tea", "a slice of cake"}


def test_refreshing_the_search_text_mends_glimmers_written_in_bulk(alice: User) -> None:
    glimmer = services.create_glimmer(alice, text="a quiet lake", people=["Ada"])
    Glimmer.objects.filter(pk=glimmer.pk).update(search_text="")  # as a bulk import would leave it
    assert not found(alice, "lake")
    assert search.refresh_search_text(alice) == 1
    assert found(alice, "lake") == found(alice, "ada") == {"a quiet lake"}
    assert search.refresh_search_text(alice) == 0


# --- filters ---------------------------------------------------------------------------------------------


def test_filters_combine_with_words_and_each_other(alice: User) -> None:
    now = timezone.now()
    services.create_glimmer(
        alice, text="birdsong", senses=["sound"], people=["Sam"], place="Park", tags=["spring"], glow=4,
        state_before="sympathetic", state_after="ventral", when=now - timedelta(days=3),
    )  # fmt: skip
    services.create_glimmer(alice, text="birdsong again", senses=["sound", "sight"], glow=2, when=now)
    services.create_glimmer(alice, text="warm tea", people=["Sam"], glow=5, when=now - timedelta(days=1))

    def texts(words: str = "", **filters: object) -> set[str]:
        return found(alice, words, filters=search.make_filters(filters))

    assert texts(sense="sound") == {"birdsong", "birdsong again"}
    assert texts(sense="SIGHT") == {"birdsong again"}
    assert texts(person="sam") == {"birdsong", "warm tea"}
    assert texts("birdsong", person="Sam") == {"birdsong"}
    assert texts(place="park") == texts(tag="Spring") == {"birdsong"}
    assert texts(glow="4") == {"birdsong", "warm tea"}
    assert texts(state_before="sympathetic", state_after="ventral") == {"birdsong"}
    today = now.astimezone(services.profile_zone(alice)).date()
    assert texts(since=today - timedelta(days=1)) == {"birdsong again", "warm tea"}
    assert texts(until=str(today - timedelta(days=2))) == {"birdsong"}
    assert texts("birdsong", since=today - timedelta(days=5), until=today, sense="sound", glow=2) == {
        "birdsong",
        "birdsong again",
    }


def test_a_filter_by_id_works_like_one_by_name(alice: User) -> None:
    services.create_glimmer(alice, text="a walk", people=["Sam"])
    sam = names.get_name(alice, "people", "Sam")
    assert found(alice, filters=search.Filters(person=str(sam.uuid))) == {"a walk"}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("sense", "smelly", "isn't one of the senses"),
        ("glow", "9", "Glow is a number from 1"),
        ("glow", "bright", "Glow is a number from 1"),
        ("state_before", "calm", "should be one of"),
        ("since", "last tuesday-ish", "like 2026-03-14"),
        ("until", "2026-13-40", "like 2026-03-14"),
    ],
)
def test_filters_that_make_no_sense_are_refused_kindly(field: str, value: str, message: str) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=message) as refused:
        search.make_filters({field: value})
    assert field in refused.value.error_dict


def test_a_to_date_before_the_from_date_is_refused_kindly() -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="Swap them round"):
        search.make_filters({"since": "2026-03-10", "until": "2026-03-01"})


# --- nothing of anyone else's ----------------------------------------------------------------------------


def test_bob_never_finds_alices_words_people_places_or_tags(alice: User, bob: User, journal: dict[str, str]) -> None:
    assert found(bob, "sunset") == {"bob's sunset at the beach"}
    for typed in ("paris", "biscuit", "cosy", "koln", "aunt"):
        assert not found(bob, typed)
    sam = names.get_name(alice, "people", "Sam")
    cosy = names.get_name(alice, "tags", "cosy")
    for filters in (
        search.Filters(person=str(sam.uuid)),
        search.Filters(tag=str(cosy.uuid)),
        search.Filters(tag="cosy"),
        search.Filters(place="Beach"),
    ):
        result = search.find_glimmers(bob, filters=filters)
        assert result.items == [] and result.narrowed.unknown  # the same as a name nobody has
    assert search.find_glimmers(bob, filters=search.Filters(person="Sam")).items  # bob's own Sam
    with pytest.raises(NotFound):
        names.get_name(bob, "people", sam.uuid)


# --- reading a query --------------------------------------------------------------------------------------


def test_a_query_is_words_and_phrases_folded_like_the_text() -> None:
    query = search.parse_query('Sun "ON my Face" café NEAR( "unclosed phrase')
    assert query.terms == (("sun",), ("on", "my", "face"), ("cafe",), ("near",), ("unclosed", "phrase"))
    assert query.fts5() == '"sun" * AND "on my face" * AND "cafe" * AND "near" * AND "unclosed phrase" *'
    assert query.tsquery() == "'sun':* & 'on' <-> 'my' <-> 'face':* & 'cafe':* & 'near':* & 'unclosed' <-> 'phrase':*"
    assert not search.parse_query('"" * - ^ : ( ) 🌞')


def test_the_search_text_holds_every_searchable_field_folded() -> None:
    assert searchable("Café #Morning", "why: Straße", ["Zoë", "Al"], "Köln", ["Tea-time"]) == (
        "cafe morning why strasse al zoe koln tea time"
    )
    assert fold("ÉCOLE ﬁne") == "ecole fine"
    assert words("mp3 player, 2nd") == ["mp", "3", "player", "2", "nd"]


def test_highlighting_escapes_first_then_marks_matched_words() -> None:
    query = search.parse_query("sun café")
    shown = highlight('<script>alert("sun")</script> Sunny CAFE\nnext', query)
    assert "<script>" not in shown
    assert "&lt;script&gt;alert(&quot;<mark>sun</mark>&quot;)" in shown
    assert "<mark>Sunny</mark> <mark>CAFE</mark><br>next" in shown
    assert highlight("plain & simple", None) == "plain &amp; simple"


# --- anything a person can type ----------------------------------------------------------------------------

TYPED = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=300) | st.sampled_from(
    ['"', "NEAR(", "*", "-", "AND OR", "^", ":", '"a" OR "b"', "col:term", "a -b", "(((", "'", "\\", "%", "_"]
)


@given(typed=TYPED)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_anything_typed_is_answered_without_an_error(alice: User, journal: dict[str, str], typed: str) -> None:
    for order in ("newest", "relevance"):
        result = search.find_glimmers(alice, words=typed, order=order)
        assert {glimmer.text for glimmer in result.items} <= set(journal)


@given(typed=TYPED)
@settings(max_examples=300, deadline=None)
def test_a_parsed_query_holds_only_letters_digits_and_its_own_syntax(typed: str) -> None:
    query = search.parse_query(typed)
    for term in query.terms:
        for word in term:
            assert word and all(ch.isalnum() for ch in word), word
    assert set(query.fts5()) - set('" *AND') <= {ch for term in query.terms for word in term for ch in word}
