"""The top-level command names, and when a quick capture looks like a mistyped command.

Standard library only, and cheap to import: the console entry point consults it before Typer,
Rich or Django are loaded. tests/test_commands.py keeps BUILT equal to the commands Typer
registers, so the list cannot drift from the real command line.

Quick capture (DESIGN §5): `glimmers "text"` keeps a glimmer whenever the first word is not a
command. That makes a typo such as `glimmers serach sun` a glimmer, so a few captures are asked
about instead (exit 2, nothing kept), by a deliberately narrow rule — a real glimmer is never lost
for a guess, and the question always says how to keep it:

- the first argument is exactly a command that DESIGN §5 reserves but isn't built yet
  (`glimmers export`): once it is built, those same words will run it, so they are not kept now;
- or the words are one or two, and the first is one edit from a command's name (a swap of two
  neighbouring letters counts as one edit; names of six letters or more allow two edits). `add`
  is never a target: "dad laughed" is a glimmer.

Longer captures are always kept: "snow on the roofs" is a glimmer even though "snow" is one
letter from `show`.
"""

from __future__ import annotations

# Commands and groups at the top level of `glimmers`, hidden ones included.
BUILT = frozenset(
    {
        "add",
        "backup",
        "bin",
        "checkin",
        "cues",
        "delete",
        "edit",
        "export",
        "feed",
        "hard-moment",
        "intention",
        "kit",
        "ladder",
        "list",
        "manage",
        "migrate",
        "people",
        "places",
        "practice",
        "random",
        "restore",
        "ritual",
        "savour",
        "search",
        "serve",
        "show",
        "tags",
        "token",
        "user",
    }
)

# Named in DESIGN §5 and the open issues, not built yet. A name moves to BUILT when it lands.
RESERVED = frozenset(
    {
        "email",
        "import",
        "letter",
        "login",
        "logout",
        "outbox",
        "patterns",
        "remind",
        "share",
        "shared",
        "three",
    }
)

# Never a typo's target: `add` ("dad", "ad", "odd" are everyday words) and `manage`, hidden from
# --help (for operators), so never suggested ("mango lassi" stays a glimmer).
NEVER_A_TYPO = frozenset({"add", "manage"})
MOST_WORDS = 2  # a capture of more words than this is always kept
LONG_NAME = 6  # names this long or longer allow two edits


class Question:
    """Why a quick capture is asked about instead of kept. (A plain class: importing dataclasses
    would cost this start-up path more than everything else in the module.)"""

    __slots__ = ("command", "reserved", "text", "typo")

    def __init__(self, command: str, *, typo: bool, reserved: bool, text: str) -> None:
        self.command = command  # the command it looks like
        self.typo = typo  # a near miss of its name, not the name itself
        self.reserved = reserved  # that command isn't built yet
        self.text = text  # the words, as `glimmers add` would keep them

    def __repr__(self) -> str:
        return f"Question({self.command!r}, typo={self.typo}, reserved={self.reserved}, text={self.text!r})"


def is_quick_capture(args: list[str]) -> bool:
    """Is `glimmers ARGS` a quick capture, i.e. `glimmers add ARGS`? A lone "-" is text (it reads
    standard input); any other option first is the root's own (`--help`)."""
    return bool(args) and (args[0] == "-" or not args[0].startswith("-")) and args[0] not in BUILT


def question(args: list[str]) -> Question | None:
    """The question to ask before `glimmers ARGS` keeps a glimmer, or None to keep it."""
    if not is_quick_capture(args) or args[0] == "-":
        return None
    words = leading_words(args)
    text = " ".join(words)
    if args[0] in RESERVED:
        return Question(args[0], typo=False, reserved=True, text=text)
    if not words or len(words) > MOST_WORDS:
        return None
    near = nearest_command(words[0])
    return Question(near, typo=True, reserved=near in RESERVED, text=text) if near else None


def leading_words(args: list[str]) -> list[str]:
    """The words before the first option (--glow 4 and the like are not part of a capture's text)."""
    words: list[str] = []
    for arg in args:
        if arg.startswith("-"):
            break
        words.extend(arg.split())
    return words


def as_shell_words(text: str) -> str:
    """`text` quoted for a shell, as one argument: "in double quotes" when that is safe."""
    if any(char in text for char in '"\\$`!'):
        import shlex  # only for the rare text with shell characters

        return shlex.quote(text)
    return f'"{text}"'


def nearest_command(word: str) -> str | None:
    """The command name `word` is within reach of (fewest edits, then alphabetical), if any."""
    word = word.lower()
    best: tuple[int, str] | None = None
    for name in sorted((BUILT | RESERVED) - NEVER_A_TYPO):
        allowed = 2 if len(name) >= LONG_NAME else 1
        if abs(len(name) - len(word)) > allowed:
            continue
        distance = edit_distance(word, name)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, name)
    return best[1] if best else None


def edit_distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, or swap two neighbouring letters) that turn a into b:
    the optimal string alignment distance, a restricted Damerau–Levenshtein."""
    rows = [list(range(len(b) + 1))]
    for i in range(1, len(a) + 1):
        row = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            row[j] = min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                row[j] = min(row[j], rows[i - 2][j - 2] + 1)
        rows.append(row)
    return rows[-1][-1]
