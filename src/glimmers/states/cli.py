"""`glimmers checkin`, `ladder show|edit|hard-moments`, `hard-moment`, `cues list|show|add|link`:
thin adapters over states.services and states.reading.

Like every command, these load Django (without the web-only apps) only once they run, and import
nothing heavy at module level. States are taken by their standard names (ventral, sympathetic,
dorsal) or by the person's own names for them, ignoring case.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from glimmers import messages
from glimmers.accounts.cli import command_line_user, signed_in
from glimmers.lib.cli import JsonOption, UserOption, fail, given, kind_errors, not_found, print_json, setup_django

if TYPE_CHECKING:
    from glimmers.states.ladder import Ladder

states_app = typer.Typer(no_args_is_help=True)
ladder_app = typer.Typer(
    help=(
        "My ladder: the states in my own words. The method it comes from calls its three rungs ventral, "
        "sympathetic and dorsal — its language for a personal map, not a fact about the body. Those words "
        "work wherever a state is asked for, as do my own names and the plain ones."
    ),
    no_args_is_help=True,
)
cues_app = typer.Typer(help="Cues: what tends to come with a move on my ladder.", no_args_is_help=True)
states_app.add_typer(ladder_app, name="ladder")
states_app.add_typer(cues_app, name="cues")

StateArgument = Annotated[
    str,
    typer.Argument(
        metavar="STATE", help="Your own name for the state, its plain words, or one of your words for it (any case)."
    ),
]
WhenOption = Annotated[
    str | None,
    typer.Option(
        "--when",
        metavar="WORDS",
        help="When, in words or digits: “10 minutes ago”, “this morning”. Words look back: a time still to come "
        "is refused.",
    ),
]
DownOption = Annotated[bool, typer.Option("--moves-down", help="Show moves down as well.")]


@contextmanager
def _looking_for_cue(words: str) -> Iterator[None]:
    with not_found(messages.NO_SUCH_CUE.format(cue=words)):
        yield


# --- check-ins ------------------------------------------------------------------------------------


@states_app.command("checkin")
def checkin(
    state: StateArgument,
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="A few words, if you like.")] = None,
    when: WhenOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Where am I on my ladder? Check in with a state, and a note if you like."""
    with signed_in(user) as owner:
        from glimmers.states import reading, services

        ladder = services.ladder_for(owner)
        saved = services.check_in(owner, state=state, note=note or "", when=when, ladder=ladder)
    if as_json:
        print_json(reading.checkin_as_dict(saved, ladder))
        return
    name = f"{saved.word} ({ladder.name(saved.state)})" if saved.word else ladder.name(saved.state)
    typer.echo(messages.CHECKED_IN.format(name=name, time=f"{saved.local_at:%H:%M}"))


# --- the ladder map -------------------------------------------------------------------------------


def _print_ladder(ladder: Ladder) -> None:
    typer.echo(messages.LADDER_HEADER)
    for rung in ladder.top_to_bottom:
        typer.echo("")
        typer.echo(f"{rung.marker} {rung.name}  " + typer.style(f"({rung.colour_name}, {rung.shape})", dim=True))
        if rung.words:
            typer.echo(f"  {typer.style('My words:', dim=True)} {', '.join(rung.words)}")
        written = [answer for answer in rung.answers if answer.text]
        for answer in written:
            text = answer.text.replace("\n", "\n    ")
            typer.echo(f"  {typer.style(answer.question + ':', dim=True)} {text}")
        if not rung.written:
            typer.echo(typer.style("  " + messages.RUNG_NOT_WRITTEN.format(name=rung.name), dim=True))
        if rung.has_story:
            typer.echo(f"  {typer.style('My landmark story:', dim=True)} {rung.story[0].text or '…'}")


@ladder_app.command("show")
def ladder_show(user: UserOption = None, as_json: JsonOption = False) -> None:
    """My ladder, top to bottom, in my own words."""
    setup_django()
    from glimmers.states import reading, services

    with kind_errors():
        ladder = services.ladder_for(command_line_user(user))
    if as_json:
        print_json(reading.ladder_as_dict(ladder))
        return
    _print_ladder(ladder)


def _ask(ladder: Ladder, states: list[str]) -> dict[str, dict[str, str]]:
    """The guided map on the terminal: each question with what is there now; Enter keeps it, “-” clears it."""
    from glimmers.states.palette import FIELDS, PALETTE

    typer.echo(messages.LADDER_GUIDE)
    answers: dict[str, dict[str, str]] = {}
    for state in states:
        rung = ladder[state]
        typer.echo("")
        typer.echo(f"{rung.marker} {rung.name} — {rung.hint}")
        replies: dict[str, str] = {}
        questions = {"name": "My name for it", "colour": f"Its colour ({', '.join(PALETTE)})", **FIELDS}
        current = {"name": rung.own_name, "colour": rung.own_colour, **{a.key: a.text for a in rung.answers}}
        for key, question in questions.items():
            reply = typer.prompt(question, default=current[key] or "", show_default=bool(current[key]))
            replies[key] = "" if reply.strip() == "-" else reply
        answers[state] = replies
    return answers


@ladder_app.command("edit")
def ladder_edit(
    state: Annotated[
        str | None,
        typer.Argument(
            metavar="[STATE]", help="Which state (your own name or the plain one). Left out: all three, in order."
        ),
    ] = None,
    name: Annotated[str | None, typer.Option("--name", help="My name for it (up to 40 characters).")] = None,
    colour: Annotated[str | None, typer.Option("--colour", "--color", help="sage, sky, sand, plum, …")] = None,
    body: Annotated[str | None, typer.Option("--body", help="How it feels in my body.")] = None,
    feel: Annotated[str | None, typer.Option("--feel", help="What I feel.")] = None,
    think: Annotated[str | None, typer.Option("--think", help="What I think.")] = None,
    do: Annotated[str | None, typer.Option("--do", help="What I do.")] = None,
    helps: Annotated[str | None, typer.Option("--helps", help="What helps me climb.")] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Write my ladder. With options, change just those (an empty value "" clears one); without, answer the
    questions one by one — stirred up, then far away, then settled, so it always ends in safety."""
    changes = given(name=name, colour=colour, body=body, feel=feel, think=think, do=do, helps=helps)
    if changes and state is None:
        fail(messages.LADDER_EDIT_WHICH, code=2)
    with signed_in(user) as owner:
        from glimmers.states import reading, services
        from glimmers.states.palette import FILL_ORDER

        ladder = services.ladder_for(owner)
        chosen = services.state_named(owner, state, ladder) if state is not None else None
        rungs = {chosen: changes} if chosen and changes else _ask(ladder, [chosen] if chosen else list(FILL_ORDER))
        ladder = services.update_ladder(owner, rungs)
    if as_json:
        print_json(reading.ladder_as_dict(ladder))
        return
    typer.echo(messages.LADDER_SAVED)


def _print_words(ladder: Ladder, states: list[str]) -> None:
    if not any(ladder[state].words for state in states) and len(states) > 1:
        typer.echo(messages.WORDS_NONE_AT_ALL)
        return
    for state in states:
        rung = ladder[state]
        words = (
            ", ".join(rung.words) if rung.words else typer.style(messages.WORDS_NONE.format(name=rung.name), dim=True)
        )
        typer.echo(f"{rung.marker} {rung.name}: {words}")


@ladder_app.command("words")
def ladder_words(
    state: Annotated[
        str | None,
        typer.Argument(metavar="[STATE]", help="Which state (your own name or the plain one). Left out: all three."),
    ] = None,
    words: Annotated[
        list[str] | None, typer.Argument(metavar="[WORD…]", help="Words to add to that state's list.")
    ] = None,
    remove: Annotated[
        list[str] | None,
        typer.Option("--remove", metavar="WORD", help="Take a word off whichever list holds it (repeatable)."),
    ] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """My own words for each state: they become my check-in choices (`glimmers checkin foggy`). With a state
    and words, add them to its list; with --remove, take words off."""
    with signed_in(user) as owner:
        from glimmers.states import reading, services
        from glimmers.states.palette import LADDER

        ladder = services.ladder_for(owner)
        chosen = services.state_named(owner, state, ladder) if state is not None else None
        missing: list[str] = []
        if remove:
            ladder, missing = services.remove_words(owner, remove)
        if words:
            if chosen is None:
                fail(messages.WORDS_WHICH, code=2)
            ladder = services.add_words(owner, chosen, words)
    if missing:
        typer.echo(messages.WORDS_NOT_FOUND.format(words=", ".join(missing)), err=True)
    if as_json:
        print_json(reading.words_as_dict(ladder))
        return
    if remove and len(missing) < len(remove):
        typer.echo(messages.WORDS_REMOVED.format(words=", ".join(w for w in remove if w not in missing)))
    if words and chosen:
        typer.echo(messages.WORDS_SAVED.format(name=ladder[chosen].name, words=", ".join(ladder[chosen].words)))
    elif not remove:
        _print_words(ladder, [chosen] if chosen else list(LADDER))


def _print_story(rung: Any) -> None:
    typer.echo(f"{rung.marker} {rung.name}")
    if not rung.has_story:
        typer.echo(typer.style(messages.STORY_NONE.format(name=rung.name), dim=True))
    for answer in rung.story:
        if answer.text:
            typer.echo(
                f"  {typer.style(answer.question + ':', dim=True)} {answer.text.replace(chr(10), chr(10) + '    ')}"
            )


@ladder_app.command("story")
def ladder_story(
    state: StateArgument,
    what: Annotated[str | None, typer.Option("--what", metavar="TEXT", help="What happened.")] = None,
    body: Annotated[str | None, typer.Option("--body", metavar="TEXT", help="What my body felt.")] = None,
    thoughts: Annotated[str | None, typer.Option("--thoughts", metavar="TEXT", help="What thoughts came.")] = None,
    show: Annotated[bool, typer.Option("--show", help="Only show the story.")] = False,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """A landmark story for a state: a time I was really there. With options, change just those ("" clears
    one); with --show, show it; else answer the three questions one by one."""
    given = {"what": what, "body": body, "thoughts": thoughts}
    changes = {key: value for key, value in given.items() if value is not None}
    with signed_in(user) as owner:
        from glimmers.states import reading, services
        from glimmers.states.palette import STORY_FIELDS

        ladder = services.ladder_for(owner)
        chosen = services.state_named(owner, state, ladder)
        if not show:
            if not changes:
                typer.echo(messages.STORY_GUIDE)
                typer.echo(f"{ladder[chosen].marker} {ladder[chosen].name} — {ladder[chosen].story_hint}")
                for answer in ladder[chosen].story:
                    reply = typer.prompt(STORY_FIELDS[answer.key], default=answer.text, show_default=bool(answer.text))
                    changes[answer.key] = "" if reply.strip() == "-" else reply
            ladder = services.set_stories(owner, {chosen: changes})
    if as_json:
        print_json(reading.stories_as_dict(ladder)[chosen])
        return
    if show:
        _print_story(ladder[chosen])
    else:
        typer.echo(messages.STORY_SAVED.format(name=ladder[chosen].name))


@ladder_app.command("hard-moments")
def ladder_hard_moments(
    turn: Annotated[str | None, typer.Argument(metavar="[on|off]", help="Turn hard moments on or off.")] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Are hard moments on? Off by default; turning them off hides them everywhere and deletes nothing."""
    if turn is not None and turn.lower() not in ("on", "off"):
        fail(messages.ON_OR_OFF, code=2)
    with signed_in(user) as owner:
        from glimmers.states import services

        on = services.set_hard_moments(owner, turn.lower() == "on") if turn else services.hard_moments_on(owner)
    if as_json:
        print_json({"hard_moments": on})
        return
    typer.echo(messages.HARD_MOMENTS_ARE_ON if on else messages.HARD_MOMENTS_ARE_OFF)


# --- hard moments ---------------------------------------------------------------------------------


@states_app.command("hard-moment")
def hard_moment(
    text: Annotated[list[str], typer.Argument(metavar="TEXT", help="A few words about what moved you down.")],
    state: Annotated[
        str | None, typer.Option("--state", metavar="STATE", help="Where it left you (your own name or the plain one).")
    ] = None,
    cue: Annotated[
        str | None, typer.Option("--cue", metavar="NAME", help="What came with it; a new name makes a new cue.")
    ] = None,
    when: WhenOption = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Note a hard moment (only while hard moments are on: `glimmers ladder hard-moments on`)."""
    with signed_in(user) as owner:
        from glimmers.states import reading, services

        if not services.hard_moments_on(owner):
            fail(messages.HARD_MOMENTS_OFF)
        moment = services.add_hard_moment(owner, text=" ".join(text), state=state, cue=cue, when=when)
    if as_json:
        print_json(reading.hard_moment_as_dict(moment))
        return
    typer.echo(messages.HARD_MOMENT_NOTED)


# --- cues -----------------------------------------------------------------------------------------


@cues_app.command("list")
def cues_list(moves_down: DownOption = False, user: UserOption = None, as_json: JsonOption = False) -> None:
    """My cues, with how often their glimmers came with a move up."""
    setup_django()
    from glimmers.states import reading

    with kind_errors():
        summaries = reading.cue_summaries(command_line_user(user))
    if as_json:
        print_json([reading.cue_as_dict(summary, moves_down=moves_down) for summary in summaries])
        return
    if not summaries:
        typer.echo(messages.NO_CUES)
        return
    for summary in summaries:
        parts = [f"{summary.glimmers} glimmer{'s' if summary.glimmers != 1 else ''}"] if summary.glimmers else []
        if summary.moved_up:
            parts.append(f"{summary.moved_up} with a move up")
        if moves_down and summary.moved_down:
            parts.append(f"{summary.moved_down} with a move down")
        if summary.hard_moments:
            parts.append(f"{summary.hard_moments} hard moment{'s' if summary.hard_moments != 1 else ''}")
        verdict = messages.CUE_HELPS if summary.helps else messages.CUE_NOT_ENOUGH
        typer.echo(f"{summary.cue.name}  " + typer.style(" · ".join([*parts, verdict]), dim=True))


@cues_app.command("show")
def cues_show(
    cue: Annotated[str, typer.Argument(metavar="CUE", help="The cue's name (any case), or its id.")],
    moves_down: DownOption = False,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """One cue: the glimmers that came with it, and whether “this helps me” yet."""
    setup_django()
    from glimmers.states import reading, services

    with kind_errors(), _looking_for_cue(cue):
        owner = command_line_user(user)
        story = reading.cue_story(owner, services.find_cue(owner, cue))
        ladder = services.ladder_for(owner)
    if as_json:
        print_json(reading.cue_story_as_dict(story, moves_down=moves_down))
        return
    typer.echo(story.cue.name)
    if story.cue.note:
        typer.echo(typer.style(story.cue.note, dim=True))
    typer.echo("")
    if story.helps:
        typer.echo(messages.CUE_HELPS_DETAIL.format(up=story.moved_up, count=len(story.glimmers)))
    else:
        typer.echo(messages.CUE_NOT_ENOUGH_DETAIL.format(up=story.moved_up))
    for item in story.glimmers:
        glimmer = item.glimmer
        mark = "↑" if item.up else "↓" if (item.down and moves_down) else " "
        move = ""
        if item.up or (item.down and moves_down):
            move = f"  ({ladder.name(glimmer.state_before)} → {ladder.name(glimmer.state_after)})"
        first_line = glimmer.text.splitlines()[0][:60]
        typer.echo(f"{mark} {glimmer.short_id}  {glimmer.local_noticed_at:%d %b %Y}  {first_line}{move}")
    if story.hard_moments:
        typer.echo("")
        typer.echo(messages.CUE_HARD_MOMENTS.format(count=len(story.hard_moments)))


@cues_app.command("add")
def cues_add(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Like “the dog” or “rain on the window”.")],
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT")] = None,
    user: UserOption = None,
    as_json: JsonOption = False,
) -> None:
    """Add a cue."""
    with signed_in(user) as owner:
        from glimmers.states import reading, services

        story = reading.cue_story(owner, services.create_cue(owner, name=name, note=note or ""))
    if as_json:
        print_json(reading.cue_as_dict(story))
        return
    typer.echo(messages.CUE_ADDED.format(name=story.cue.name))


@cues_app.command("link")
def cues_link(
    cue: Annotated[str, typer.Argument(metavar="CUE", help="The cue's name (any case), or its id.")],
    glimmer_id: Annotated[str, typer.Argument(metavar="GLIMMER", help="The glimmer's id, or its first 6+ characters.")],
    user: UserOption = None,
) -> None:
    """Say a glimmer came with a cue."""
    with signed_in(user) as owner:
        from glimmers.journal import services as journal
        from glimmers.lib.errors import NotFound
        from glimmers.states import services

        with _looking_for_cue(cue):
            found = services.find_cue(owner, cue)
        try:
            glimmer = journal.get_glimmer(owner, glimmer_id)
        except NotFound:
            fail(messages.NO_SUCH_GLIMMER.format(glimmer_id=glimmer_id))
        services.link_glimmer(owner, found.uuid, glimmer.uuid)
    typer.echo(messages.CUE_LINKED.format(name=found.name, text=glimmer.text.splitlines()[0][:60]))
