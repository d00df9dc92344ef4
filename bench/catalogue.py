"""The parts realistic glimmers are built from: moments, wording, people, places and tags.

Plain data only, so the generator stays short and the parts are easy to extend.
"""

from __future__ import annotations

from typing import NamedTuple


class Moment(NamedTuple):
    phrase: str
    senses: tuple[str, ...]  # the senses that plausibly carried it, most likely first
    tags: tuple[str, ...]  # tags (from TAGS) a person might give it
    who: tuple[str, ...] = ()  # people (from PEOPLE) it usually comes with, e.g. a pet


MOMENTS: tuple[Moment, ...] = (
    Moment("sun on my face", ("touch", "sight", "body"), ("nature", "weather")),
    Moment("a friendly smile from the bus driver", ("sight",), ("kindness", "work")),
    Moment("the first sip of coffee", ("taste", "smell", "body"), ("coffee", "morning")),
    Moment("birdsong outside the window", ("sound",), ("nature", "morning")),
    Moment("a cool breeze", ("touch", "body"), ("weather", "nature")),
    Moment("the cat curled on my lap", ("touch", "body", "sound"), ("animals", "home"), ("Biscuit",)),
    Moment("a favourite song on the radio", ("sound", "movement"), ("music",)),
    Moment("rain on the window", ("sound", "sight"), ("weather", "home")),
    Moment("the smell of fresh bread from the bakery", ("smell", "taste"), ("food", "walk")),
    Moment("warm socks straight from the dryer", ("touch",), ("home",)),
    Moment("a long exhale after the meeting", ("body", "movement"), ("work",)),
    Moment("the dog's tail thumping when I came in", ("sound", "sight"), ("animals", "home"), ("Pepper",)),
    Moment("a message from an old friend", ("sight",), ("kindness", "family")),
    Moment("the light through the leaves", ("sight",), ("nature", "walk")),
    Moment("laughing until my stomach hurt", ("body", "sound"), ("family",)),
    Moment("a hug that lasted a little longer", ("touch", "body"), ("family", "kindness")),
    Moment("the kettle starting to sing", ("sound",), ("home", "morning")),
    Moment("swinging my arms on the walk home", ("movement", "body"), ("walk",)),
    Moment("the smell of cut grass", ("smell",), ("nature", "walk")),
    Moment("a stranger holding the door for me", ("sight",), ("kindness",)),
    Moment("toast with honey", ("taste", "smell"), ("food", "morning")),
    Moment("stretching in the morning light", ("movement", "body", "sight"), ("morning",)),
    Moment("the first snow of the year", ("sight", "touch"), ("weather",)),
    Moment("my feet in the cold sea", ("touch", "body", "movement"), ("nature",)),
    Moment("a child waving from a passing train", ("sight",), ("kindness",)),
    Moment("the radiator ticking as it warmed up", ("sound", "touch"), ("home",)),
    Moment("orange peel on my fingers", ("smell", "touch"), ("food",)),
    Moment("clean sheets", ("touch", "smell"), ("home",)),
    Moment("a heron standing very still by the canal", ("sight",), ("nature", "walk")),
    Moment("someone humming in the queue", ("sound",), ("kindness",)),
    Moment("lavender by the front door", ("smell",), ("home", "nature")),
    Moment("steam rising from the soup", ("sight", "smell", "taste"), ("food",)),
    Moment("dancing in the kitchen", ("movement", "sound", "body"), ("music", "home")),
    Moment("Mum's voice on the phone", ("sound",), ("family",), ("Mum",)),
    Moment("the rabbit flopping over in the sun", ("sight",), ("animals",), ("Luna",)),
    Moment("a slow breath at the top of the stairs", ("body",), ()),
)

# A rare moment, so search has a rare word to find: every RARE_EVERY-th glimmer (the oldest first) is this
# one instead of its drawn moment. "kingfisher" appears nowhere else; "kettle" is in about 1 glimmer in 10.
RARE_MOMENT = Moment("a kingfisher flashing blue along the river", ("sight",), ("nature", "walk"))
RARE_EVERY = 5000
RARE_WORD = "kingfisher"
COMMON_WORD = "kettle"

# How a capture might be worded around its moment: "{m}" is the phrase, "{M}" the phrase capitalised.
WORDINGS: tuple[str, ...] = (
    "{M}.",
    "{M}",
    "{m}",
    "{M} this morning.",
    "{M} on the way to work.",
    "{M}, just for a moment.",
    "{M} after a hard day.",
    "{M} at the end of a long week.",
    "{M} while the kettle boiled.",
    "{M}. Felt my shoulders drop.",
    "{M}. Stayed with it for three breaths.",
    "{M}.\nNothing special, and yet.",
    "{M}.\nI smiled all the way home.",
    "Noticed: {m}.",
    "Tiny one: {m}.",
)
EMOJI: tuple[str, ...] = ("☕", "🌿", "🎶", "🐈", "☀️", "💛")

WHYS: tuple[str, ...] = (
    "It reminded me I'm not alone.",
    "My shoulders dropped for the first time today.",
    "A small sign that the day could be kind.",
    "It brought me back into my body.",
    "I felt looked after.",
    "Because I almost missed it.",
    "It felt like home.",
    "For a second nothing needed fixing.",
)

# (name, note, resurface). Pets count as people; someone who died is never brought back unasked.
PEOPLE: tuple[tuple[str, str, bool], ...] = (
    ("Mum", "", True),
    ("Dad", "", True),
    ("Sam", "my partner", True),
    ("Priya", "", True),
    ("Tom", "from work", True),
    ("Aisha", "", True),
    ("Grandma Rose", "", True),
    ("Grandad Joe", "", False),
    ("Jonas", "", True),
    ("Mei", "friend in Tokyo", True),
    ("Carlos", "friend in New York", True),
    ("Nell", "", True),
    ("Biscuit", "our cat", True),
    ("Pepper", "the neighbours' dog", True),
    ("Luna", "Sam's rabbit", True),
)
PETS: frozenset[str] = frozenset({"Biscuit", "Pepper", "Luna"})
HUMANS: tuple[str, ...] = tuple(name for name, _note, _resurface in PEOPLE if name not in PETS)

# Places by the zone they are in; the old flat is one that hurts now.
PLACES: dict[str, tuple[str, ...]] = {
    "Europe/London": ("Home", "The park", "The office", "Corner café", "The allotment", "Whitby beach", "The old flat"),
    "America/New_York": ("Central Park", "Brooklyn Bridge"),
    "Asia/Tokyo": ("Shinjuku Gyoen", "Yanaka"),
}
PLACES_NOT_RESURFACED: frozenset[str] = frozenset({"The old flat"})

TAGS: tuple[str, ...] = (
    "morning",
    "nature",
    "kindness",
    "coffee",
    "music",
    "home",
    "animals",
    "weather",
    "food",
    "family",
    "walk",
    "work",
    "travel",
)

HOME_ZONE = "Europe/London"
TRIP_ZONES: tuple[str, ...] = ("America/New_York", "America/New_York", "Asia/Tokyo")
