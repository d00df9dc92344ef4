"""Words the command line says to people, in one place so the tone stays gentle and consistent."""

NO_DATA_YET = "The database isn't set up yet, or it is from an older Glimmers. Run `glimmers migrate` first."
PASSWORD_NEEDS_TERMINAL = (
    "I need a password: run this in a terminal to type it, or pass it on standard input with --password-stdin."
)
PASSWORD_EMPTY = "The password was empty. Please give one on the first line of standard input."
PASSWORDS_DIFFER = "Those two passwords were different. Nothing was changed; please try again."
PORT_IN_USE = "Port {port} on {host} is already in use — is Glimmers already running? Try another with --port."
SECRET_KEY_TOO_WEAK = (
    "Glimmers won't serve with this GLIMMERS_SECRET_KEY: it signs every session, so it needs at least 50\n"
    "characters, at least 5 of them different (and not Django's 'django-insecure-' kind). Make one with\n"
    "  python3 -c 'import secrets; print(secrets.token_urlsafe(50))'\n"
    "or unset it and Glimmers keeps its own in the data folder. (GLIMMERS_DEBUG=1 allows a short one for development.)"
)
SERVE_RUNNING = "Glimmers is running at {url}/  (Ctrl-C stops it)"
FIRST_RUN = (
    "Welcome! Nobody has an account here yet. Open this link to choose your name and password.\n"
    "It works once, for 15 minutes; restart `glimmers serve` for a new one."
)
NOT_LOOPBACK = (
    "You are serving on {host}, which other machines can reach. Glimmers holds private things:\n"
    "put HTTPS in front of it (a reverse proxy such as Caddy or nginx), then set GLIMMERS_HTTPS=1,\n"
    "GLIMMERS_BASE_URL and GLIMMERS_ALLOWED_HOSTS. docs/self-hosting.md shows how."
)
MIGRATED = "The database is up to date."

# --- quick capture: asking before a mistyped command becomes a glimmer (glimmers.lib.commands) -----

KEEP_IT_INSTEAD = "To keep it as a glimmer: `glimmers add {text}`"
DID_YOU_MEAN = "Did you mean `glimmers {command}`?"
NOT_BUILT_YET = "`glimmers {command}` isn't here yet (it's planned for a later Glimmers), so nothing was kept."
NEAR_NOT_BUILT_YET = "Did you mean `glimmers {command}`? It isn't here yet (it's planned for a later Glimmers)."
USER_CREATED = "Account “{name}” is ready."
USER_DELETED = "Account “{name}” and everything in it are erased."
USER_DELETE_CONFIRM = "This erases “{name}” and everything in their journal, for good. Type the name to go ahead"
USER_DELETE_KEPT = "Nothing was erased."
NO_SUCH_USER = "There's no account called “{name}”. `glimmers user list` shows who is here."
NO_USERS = "No accounts yet. `glimmers serve` prints a link to create the first, or use `glimmers user create NAME`."
PASSWORD_SET = "The password for “{name}” is changed."
TOKEN_CREATED = "Here is the token for “{name}” ({access}). It is shown only this once — keep it somewhere safe:"
TOKEN_REVOKED = "Token {key_id} is revoked; scripts using it will now be turned away."
NO_SUCH_TOKEN = "There's no token {key_id} for “{name}”. `glimmers token list` shows them."
NO_TOKENS = "No tokens yet. `glimmers token create` makes one."

# --- glimmers: add, list, show, edit, delete, the bin ---------------------------------------------

GLIMMER_ADDED = "Kept for {when}: “{text}”  ({short_id})"
GLIMMER_CHANGED = "Saved, kept for {when}: “{text}”  ({short_id})"
# the web says the same moment back (journal.moments.said gives "today at 07:00")
WEB_KEPT = "Kept for {when}. Thank you for noticing."
WEB_SAVED = "Saved, kept for {when}."
WHICH_TIME = "You wrote “{words}” ({from_words}) but picked {picked}. Which did you mean? Choose one, then save again."
WHICH_TIME_OPTIONS = {"words": "{when}, as written", "picked": "{when}, as picked"}
GLIMMER_BINNED = (
    "Moved “{text}” to the bin. It stays there for 30 days, then it is erased for good.\n"
    "To bring it back: glimmers bin restore {short_id}"
)
GLIMMER_ERASED = "“{text}” is erased for good."
GLIMMER_RESTORED = "“{text}” is back in your journal — {when}  ({short_id})"
TYPE_THE_GLIMMER = "Write your glimmer, then press Ctrl-D on a new line:"
NO_GLIMMERS = 'No glimmers yet. When you notice one, keep it with: glimmers "what you noticed"'
NOTHING_FROM_BEFORE = "There is nothing from before to bring back yet. Glimmers you keep will be here another day."
FROM_BEFORE_OFF = "Bringing back a glimmer from before is turned off; Settings on the web turns it on again."
MORE_GLIMMERS = "There are more: `glimmers list -n {more}` shows them."
NO_SUCH_GLIMMER = "No glimmer starts with {glimmer_id} — `glimmers list` shows the ids."
NO_SUCH_GLIMMER_IN_BIN = "Nothing in the bin starts with {glimmer_id} — `glimmers bin list` shows what is there."
SEVERAL_GLIMMERS_SHARE = "(If two share that beginning, a few more characters of the id will tell them apart.)"
ID_TOO_SHORT = "“{glimmer_id}” is a little short: give at least 6 characters of the id, as `glimmers list` shows them."
NOTHING_TO_CHANGE = (
    "Nothing to change — say what to change, for example --text, --when, --glow 4 or --person Sam. "
    "`glimmers edit --help` lists them all."
)
GLOW_TWICE = "Use either --glow N or --no-glow, not both."
BIN_EMPTY = "The bin is empty."
BIN_HEADER = "In the bin — each is erased 30 days after it was deleted; `glimmers bin restore ID` brings one back:"
BIN_SHOWS_NEWEST = "These are the {count} most recently deleted."
BIN_PURGED = "Erased {count} {glimmers} that had been in the bin for more than 30 days."
BIN_NOTHING_TO_PURGE = "Nothing in the bin is older than 30 days, so nothing was erased."

# --- my ladder: check-ins, the map, hard moments, cues --------------------------------------------
# The same quiet words whichever state someone checks in with: nothing is set off by a state.

CHECKED_IN = "Noted: {name}, {time}."
LADDER_HEADER = "My ladder, top to bottom"
RUNG_NOT_WRITTEN = 'Not written yet — `glimmers ladder edit "{name}"` when you like.'
LADDER_GUIDE = (
    "Your ladder in your own words: press Enter to keep what is there (or to skip), “-” to clear it.\n"
    "The map goes from stirred up, to far away, to settled, so it always ends in safety."
)
LADDER_SAVED = "Your ladder is saved. `glimmers ladder show` shows it."
WORDS_NONE = "No words of your own for “{name}” yet."
WORDS_NONE_AT_ALL = (
    "No words of your own yet. A few for each state become your check-in choices: "
    '`glimmers ladder words "on edge" buzzing wired`.'
)
WORDS_SAVED = "Your words for “{name}”: {words}."
WORDS_REMOVED = "Removed: {words}."
WORDS_NOT_FOUND = "Not on any of your lists: {words}."
WORDS_WHICH = 'Say which state the words are for, e.g. `glimmers ladder words "far away" foggy heavy`.'
SEARCH_ELSEWHERE = "Also in my landmark stories: {names} (`glimmers ladder story NAME --show`)."
STORY_GUIDE = (
    "A landmark story: a time you were really in this state. Three short questions, each optional "
    '(Enter keeps what is there, "-" clears it).'
)
STORY_SAVED = "Your landmark story for “{name}” is kept with your ladder."
STORY_NONE = 'No landmark story for “{name}” yet — `glimmers ladder story "{name}"` when you like.'
LADDER_EDIT_WHICH = 'Say which state to change, e.g. `glimmers ladder edit "on edge" --name wired`.'
ON_OR_OFF = "Say `on` or `off`, e.g. `glimmers ladder hard-moments on`."
HARD_MOMENTS_ARE_ON = "Hard moments are on."
HARD_MOMENTS_ARE_OFF = "Hard moments are off. Any you kept before are still there, unseen."
HARD_MOMENTS_OFF = (
    "Hard moments are turned off (the “Hard moments” setting in Settings).\n"
    "To keep them, turn it on there or with `glimmers ladder hard-moments on`; nothing kept before is lost."
)
HARD_MOMENT_NOTED = "Noted. Thank you for writing it down."
NO_CUES = 'No cues yet. `glimmers cues add NAME` adds one, e.g. glimmers cues add "rain on the window".'
NO_SUCH_CUE = "You have no cue called “{cue}” — `glimmers cues list` shows them."
CUE_ADDED = "Added the cue “{name}”."
CUE_LINKED = "Linked “{text}” to “{name}”."
CUE_HELPS = "this helps me"
CUE_NOT_ENOUGH = "not enough yet"
CUE_HELPS_DETAIL = "This helps me: {up} of its {count} glimmers came with a move up."
CUE_NOT_ENOUGH_DETAIL = (
    "Not enough yet to say: “this helps me” shows once 3 of its glimmers came with a move up (so far {up})."
)
CUE_HARD_MOMENTS = "Hard moments with it: {count}."

# --- finding: search, filters, people, places and tags --------------------------------------------

NO_MATCHES = "No glimmers match. Fewer words, or fewer filters, may find more."
SEARCH_NO_WORDS = (
    "Search looks for words and numbers, and there weren't any to look for — here is your journal instead."
)
MORE_MATCHES = "There are more: add -n {more} to see them."
NAMES_EMPTY = {
    "people": "Nobody here yet. Add someone with --person when you keep a glimmer, or write @Sam in it.",
    "places": "No places yet. Add one with --place when you keep a glimmer, or write +beach in it.",
    "tags": "No tags yet. Write #tag in a glimmer, or add one with --tag.",
}
NAMES_ARCHIVED_EMPTY = "Nothing is archived."
NO_SUCH_NAME = "You have no {one} called “{name}” — `glimmers {kind} list` shows them."
NAME_ADDED = "Added “{name}”."
NAME_TAKEN = "You already have “{name}”."
NAME_RENAMED = "“{old}” is “{new}” now, on every glimmer."
NAME_TAKEN_MERGE = (
    "You already have “{other}”. If they are one and the same, make them one with:\n"
    "  glimmers {kind} merge {source} {target}"
)
NAMES_MERGED = "“{source}” and “{into}” are one now, as “{into}” ({count} {glimmers})."
NAME_ARCHIVED = "“{name}” is archived: kept on past glimmers, left out of lists."
NAME_UNARCHIVED = "“{name}” is back in your lists."
NAME_SAVED = "Saved “{name}”."
NAME_NOTHING_TO_CHANGE = "Nothing to change — give --note, --resurface or --no-resurface."
NAME_NO_GLIMMERS = "No glimmers with “{name}” yet."
NAME_LIFTED = "Of the {noted} where you noted how you were before and after, {lifted} came with a move up the ladder."
NAME_NOT_BROUGHT_BACK = "Glimmers won't bring “{name}” back unless you ask."

# --- the kit: anchors, "I need a glimmer", savouring ----------------------------------------------
# Plain and warm; they describe, never label the person, and never promise an effect.

KIT_ALL_RESTING = (
    "Everything in your journal is marked “don't bring this back” just now, so there is nothing to bring back "
    "unasked. That's alright: it's all still there, and you can change that on any glimmer, person or place."
)
KIT_JUST_SHOWN = "That was the only glimmer to bring back just now. You could stay with it a little longer."
KIT_NO_GLIMMERS = (
    "Your journal is still empty, so there is nothing of your own to bring back yet. "
    "Here are a few small things people often notice — ideas to try, not memories."
)
KIT_IDEAS = "Ideas to try noticing (not memories):"
KIT_BROUGHT_BACK = "From your journal, {when}:"
KIT_HELPED_HINT = "Savour it: glimmers savour {short_id}"
KIT_EMPTY_LIST = (
    "Your kit is empty. Pin something that helps: glimmers kit pin ID, or --person NAME, --place NAME, --cue NAME."
)
KIT_RESTING = "(resting: marked “don't bring this back”)"
KIT_PINNED = "Pinned to your kit: {label}"
KIT_ALREADY_PINNED = "Already in your kit: {label}"
KIT_UNPINNED = "Taken out of your kit: {label} (it stays in your journal)."
KIT_NOT_PINNED = "That isn't in your kit: {label}"
KIT_PIN_WHICH = "Say what to pin: a glimmer's id, or one of --person NAME, --place NAME, --cue NAME."
KIT_NOT_FOUND = "You have no {kind} “{key}” — `glimmers {listing}` shows them."
SAVOUR_BEGIN = "Stay with it for {seconds} seconds. Remember where you were, and what your senses took in."
SAVOUR_END = "That's {seconds} seconds. Stay as long as you like."
SAVOUR_KEPT = "Savoured for {seconds} seconds."
SAVOUR_SECONDS_RANGE = "Savouring can last from 10 to 60 seconds; {seconds} isn't in between."
FEEL_NOW = "How do you feel now? ({words}; Enter to skip)"

# --- practice: rituals, the intention, the noticing practice -----------------------------------------------
NO_SUCH_RITUAL = (
    "You have no ritual starting with {ritual_id} — `glimmers ritual list` shows them (retired too, with --retired)."
)
NO_SUCH_PROMPT = (
    "You have no prompt of your own starting with {prompt_id} — `glimmers practice prompts list` shows them."
)
RITUAL_ADDED = "“{name}” is one of your rituals now: {schedule}{at}. ({short_id})"
RITUAL_SAVED = "Saved: “{name}”, {schedule}{at}."
RITUAL_NONE = 'No rituals yet. Add one: glimmers ritual add "Morning coffee" --daily --at 07:30'
RITUAL_NONE_RETIRED = "No retired rituals."
RITUAL_RETIRED = "“{name}” is retired; its history stays (`glimmers ritual unretire {short_id}` brings it back)."
RITUAL_UNRETIRED = "“{name}” is back among your rituals."
RITUAL_DELETED = "“{name}” is deleted. The glimmers it brought stay in your journal."
RITUAL_DELETE_ASK = "Delete “{name}” and its history? (The glimmers it brought stay in your journal.)"
RITUAL_DELETE_NEEDS_YES = "To delete “{name}” without being asked, add --yes. (To keep its history, retire it instead.)"
RITUAL_KEPT = "Kept."
RITUAL_DONE = "“{name}” done for {day}."
RITUAL_DONE_AGAIN = "“{name}” was already done for {day}: still one occasion."
RITUAL_ASK_GLIMMER = "Did it glimmer? Write what you noticed, or press Enter to leave it"
RITUAL_GLIMMER_KEPT = "Kept, and linked to this ritual: {text}"
RITUAL_ONE_SCHEDULE = "Choose one schedule: --daily, --on DAYS, --every N (or none, for whenever)."
INTENTION_NONE = 'No intention today. Set one: glimmers intention "notice 3 glimmers"'
INTENTION_SET = "Your intention{scope}: {text}"
INTENTION_CLEARED = "No intention{scope}."
PRACTICE_BEGIN = "Noticing, {minutes} minute{s}: one sense at a time. Ctrl-C ends it whenever you like."
PRACTICE_STOPPED = "Ending here — that's fine."
PRACTICE_END = "That's the end of the practice."
PRACTICE_ASK = "Did anything glimmer? Write it (up to {room} more), or press Enter to finish"
PRACTICE_KEPT = "Kept: {text}"
PRACTICE_RECORDED = "A {minutes}-minute practice kept{kept}."
PROMPT_ADDED = "Added ({sense}): {text}  ({short_id})"
PROMPT_SAVED = "Saved ({sense}): {text}"
PROMPT_HIDDEN = "Hidden: it won't be offered. ({short_id})"
PROMPT_SHOWN = "It will be offered again. ({short_id})"
PROMPT_NONE = (
    'No prompts of your own yet. Add one: glimmers practice prompts add --sense sound "What is the softest sound?"'
)

# --- the calendar feed (glimmers feed) ---
FEED_ON = "Your calendar feed is on. Subscribe to this address in your calendar app (keep it to yourself):"
FEED_OFF = "Your calendar feed is off; its address no longer works."
FEED_IS_OFF = "Your calendar feed is off. Turn it on with: glimmers feed on"
FEED_ROTATED = "Your calendar feed has a new address; the old one no longer works:"
FEED_NO_BASE = (
    "GLIMMERS_BASE_URL isn't set, so this is the address on this computer. Set it to the address people reach "
    "this Glimmers at (docs/configuration.md)."
)
FEED_HOLDS = "It holds your rituals that have a time of day{extra}."
FEED_NOTICING_BOTH = "Choose either --noticing HH:MM or --no-noticing."
