"""Words the command line says to people, in one place so the tone stays gentle and consistent."""

NO_DATA_YET = "The database isn't set up yet, or it is from an older Glimmers. Run `glimmers migrate` first."
PASSWORD_NEEDS_TERMINAL = (
    "I need a password: run this in a terminal to type it, or pass it on standard input with --password-stdin."
)
PASSWORD_EMPTY = "The password was empty. Please give one on the first line of standard input."
PASSWORDS_DIFFER = "Those two passwords were different. Nothing was changed; please try again."
PORT_IN_USE = "Port {port} on {host} is already in use — is Glimmers already running? Try another with --port."
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

GLIMMER_ADDED = "Kept: “{text}” — {when}  ({short_id})"
GLIMMER_CHANGED = "Saved: “{text}” — {when}  ({short_id})"
GLIMMER_BINNED = (
    "Moved “{text}” to the bin. It stays there for 30 days, then it is erased for good.\n"
    "To bring it back: glimmers bin restore {short_id}"
)
GLIMMER_ERASED = "“{text}” is erased for good."
GLIMMER_RESTORED = "“{text}” is back in your journal — {when}  ({short_id})"
TYPE_THE_GLIMMER = "Write your glimmer, then press Ctrl-D on a new line:"
NO_GLIMMERS = 'No glimmers yet. When you notice one, keep it with: glimmers "what you noticed"'
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
