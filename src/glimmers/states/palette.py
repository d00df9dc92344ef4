"""The ladder's fixed words: its order, the shapes that mark each rung, the colours one may pick, the defaults.

Plain Python (no models), so the command line can name states and colours before Django loads.
Every colour has a light and a dark shade (in app.css, `.rung-<colour>`), each at least 4.5:1
against the page and card backgrounds in its scheme, so it can colour text as well as shapes.
Colour is never the only sign: each rung also has its own shape.
"""

from __future__ import annotations

from glimmers.journal import ladder as journal_ladder

VENTRAL, SYMPATHETIC, DORSAL = "ventral", "sympathetic", "dorsal"

LADDER = (VENTRAL, SYMPATHETIC, DORSAL)  # top to bottom, as the ladder is drawn
FILL_ORDER = (SYMPATHETIC, DORSAL, VENTRAL)  # Deb Dana's order for the map: it always ends in safety
RANK = journal_ladder.RANK  # higher is further up the ladder

MARKERS = {VENTRAL: "●", SYMPATHETIC: "◆", DORSAL: "■"}
SHAPE_NAMES = {VENTRAL: "circle", SYMPATHETIC: "diamond", DORSAL: "square"}

# The short, plain names used until the person writes their own (the journal's, so every page agrees).
DEFAULT_NAMES = dict(journal_ladder.PLAIN_NAMES)
# What each step of the map is about, in plain words (never a label for the person).
STEP_HINTS = {
    SYMPATHETIC: "The state of being stirred up: restless, anxious, on edge or angry.",
    DORSAL: "The state of shutting down: numb, heavy, foggy or far away.",
    VENTRAL: "The state of feeling safe: calm, connected, present — where the ladder ends.",
}

PALETTE = {
    "sage": "sage green",
    "sky": "sky blue",
    "sand": "warm sand",
    "plum": "plum",
    "slate": "slate grey",
    "teal": "teal",
    "indigo": "indigo",
    "moss": "moss",
}
DEFAULT_COLOURS = {VENTRAL: "sage", SYMPATHETIC: "sand", DORSAL: "slate"}

NAME_LIMIT = 40  # a rung's own name: a few words
FIELD_LIMIT = 500  # each of body, feel, think, do, helps
NOTE_LIMIT = 500  # a check-in's note
HARD_MOMENT_LIMIT = 500  # a hard moment is a short note, never dwelt on
CUE_NAME_LIMIT = 100

# The map's fields for each rung, in the order the page asks them, with their questions.
FIELDS = {
    "body": "How it feels in my body",
    "feel": "What I feel",
    "think": "What I think",
    "do": "What I do",
    "helps": "What helps me climb",
}

# Each state's own short word list (issue 16): these become the check-in chips.
WORD_LIMIT = 40  # one word or a few: "foggy", "calm and here"
WORDS_PER_STATE = 12  # a short list: enough chips to choose from at a glance, few enough to read
# A few words to take or leave on the guided page; never more than suggestions, and never stored unasked.
EXAMPLE_WORDS = {
    SYMPATHETIC: ("buzzing", "wired", "restless", "tense", "rushed", "prickly"),
    DORSAL: ("foggy", "heavy", "numb", "far away", "flat", "tired"),
    VENTRAL: ("settled", "calm", "here", "open", "warm", "steady"),
}

# A landmark story for each state (issue 16): "a time I was really here", in three short questions.
STORY_LIMIT = 1000  # each answer: a short story, not a diary
STORY_FIELDS = {
    "what": "What happened",
    "body": "What my body felt",
    "thoughts": "What thoughts came",
}
STORY_HINTS = {
    SYMPATHETIC: "A time you were really in this stirred-up state — whatever comes to mind.",
    DORSAL: "A time you were really in this far-away state — only as much as feels all right to write.",
    VENTRAL: "A time you were really here, settled and connected: a moment you can come back to.",
}
