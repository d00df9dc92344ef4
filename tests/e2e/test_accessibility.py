"""The accessibility sweep: every page, with data in it, in light and dark mode at 320 px, axe-clean.

Every web route that answers GET must be in PAGES (or say where else it is checked): a new page
that is not fails `test_every_page_is_in_the_sweep`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.helpers import sign_in, use_scheme
from tests.helpers import serving_with_account
from tests.test_access import WEB

pytestmark = pytest.mark.browser

NAME, PASSWORD = "wren", "moss after the rain"

# name -> how to reach it: a path, or a path with {glimmer} / {binned}; None with a reason when not a page.
PAGES: dict[str, str | None] = {
    "journal:today": "/",
    "journal:timeline": "/journal/",
    "journal:from_before": "/journal/from-before/",
    "journal:detail": "/glimmers/{glimmer}/",
    "journal:edit": "/glimmers/{glimmer}/edit/",
    "journal:bin": "/bin/",
    "journal:erase": "/bin/{binned}/erase/",
    "accounts:settings": "/settings/",
    "accounts:password": "/settings/password/",
    "support": "/support/",
    "accounts:sign_in": "/sign-in/",  # visited signed out
    "states:ladder": "/ladder/",
    "states:ladder_about": "/ladder/about/",  # the only page that shows the method's terms
    "states:ladder_edit": "/ladder/edit/",
    "states:ladder_words": "/ladder/words/?first=dorsal",
    "states:ladder_story": "/ladder/story/?state=ventral",
    "states:day": "/ladder/day/",
    "states:hard_moments": "/ladder/hard-moments/",
    "states:cues": "/ladder/cues/",
    "states:cue": "/ladder/cues/{cue}/",
    "states:cue_edit": "/ladder/cues/{cue}/edit/",
    "states:balance": "/ladder/balance/",
    "journal:people": "/people/",
    "journal:person": "/people/{person}/",
    "journal:person_edit": "/people/{person}/edit/",
    "journal:person_merge": "/people/{person}/merge/",
    "journal:places": "/places/",
    "journal:place": "/places/{place}/",
    "journal:place_edit": "/places/{place}/edit/",
    "journal:place_merge": "/places/{place}/merge/",
    "journal:tags": "/tags/",
    "journal:tag": "/tags/{tag}/",
    "journal:tag_edit": "/tags/{tag}/edit/",
    "journal:tag_merge": "/tags/{tag}/merge/",
    "kit:index": "/kit/",
    "kit:need": "/kit/need/",
    "kit:surfacing": "/kit/surfacings/{surfacing}/",
    "kit:savour": "/kit/savour/{glimmer}/?surfacing={surfacing}",
    "kit:feel": "/kit/savourings/{savouring}/feel/",
    "kit:pin": "/kit/pin/{person}/",
    "kit:anchor": "/kit/anchors/{anchor}/",
    "practice:index": "/practice/",
    "practice:ritual_add": "/practice/rituals/new/",
    "practice:ritual": "/practice/rituals/{ritual}/",
    "practice:ritual_edit": "/practice/rituals/{ritual}/edit/",
    "practice:ritual_delete": "/practice/rituals/{ritual}/delete/",
    "practice:occasion_glimmer": "/practice/occasions/{occasion}/glimmer/",
    # The practice itself (the page that chooses one is checked in test_practice.py).
    "practice:noticing": "/practice/noticing/?minutes=2&senses=sound&senses=body&pacer=on",
    "practice:session": "/practice/sessions/{session}/",
    "practice:prompts": "/practice/prompts/",
    "practice:prompt_edit": "/practice/prompts/{prompt}/",
    "portability:data": "/settings/data/",
    "portability:erase": "/settings/delete/",
}
ELSEWHERE = {
    "healthz": "plain text, not a page",
    "accounts:first_run": "checked with a live link in test_first_run.py",
    "journal:suggest_people": "<option>s for a type-ahead <datalist>, not a page (used in test_search.py)",
    "journal:suggest_places": "<option>s for a type-ahead <datalist>, not a page",
    "journal:suggest_tags": "<option>s for a type-ahead <datalist>, not a page",
    "portability:export": "a file to download (JSON, a zip, Markdown), not a page: tests/portability",
    "feeds:feed": "an iCalendar file for calendar apps, not a page: tests/practice/test_feed.py",
}
SIGNED_OUT = {"accounts:sign_in"}


def test_every_page_is_in_the_sweep() -> None:
    pages = {name for name, route in WEB.items() if "get" in route.methods}
    missing = sorted(pages - set(PAGES) - set(ELSEWHERE))
    assert not missing, f"Add these pages to PAGES in {__file__}: {missing}"


def _keep(page: Any, text: str) -> None:
    page.fill("#id_text", text)
    page.click("button:text('Keep this glimmer')")
    page.locator(".glimmer-card", has_text=text.splitlines()[0]).first.wait_for()


def _practise(page: Any, url: str) -> dict[str, str]:
    """A ritual made on the web and done from Today (so Today asks "did it glimmer?"), and an intention."""
    page.goto(f"{url}/practice/rituals/new/")
    page.fill("#id_name", "Morning coffee")
    page.fill("#id_about", "The first cup, by the window")
    page.click("button:text('Add this ritual')")
    page.wait_for_url(re.compile(r"/practice/rituals/[0-9a-f-]+/$"))
    ritual = page.url.split("/")[-2]
    page.goto(f"{url}/practice/")
    page.fill("#id_text", "notice 3 glimmers")
    page.click("button:text('Set intention')")
    page.goto(f"{url}/")
    page.click(f"#ritual-{ritual} button:text('Done')")
    question = page.locator(f"#ritual-{ritual} form.glimmer-question")
    question.wait_for()
    occasion = question.get_attribute("action").split("/")[3]
    page.goto(f"{url}/practice/noticing/?minutes=1&senses=sound")
    page.click('button:text("I\'m done")')
    page.wait_for_url(re.compile(r"/practice/sessions/[0-9a-f-]+/$"))
    session = page.url.split("/")[-2]
    page.fill("#keep-text", "A blackbird")
    page.click("button:text('Keep this glimmer')")
    page.goto(f"{url}/practice/prompts/")
    page.fill("#id_text", "The softest sound in the room")
    page.click("button:text('Add this prompt')")
    prompt = page.locator("a[href^='/practice/prompts/']:text('Edit')").first.get_attribute("href").split("/")[3]
    page.goto(f"{url}/settings/")  # the calendar feed on: Settings then shows its long address
    page.click("button:text('Turn the feed on')")
    page.locator("#feed-url").wait_for()
    return {"ritual": ritual, "occasion": occasion, "session": session, "prompt": prompt}


def test_every_page_is_accessible_in_light_and_dark_at_320px(tmp_path: Path, browser: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    with serving_with_account(tmp_path, NAME, PASSWORD) as running:
        context = browser.new_context(viewport={"width": 320, "height": 720})
        page = context.new_page()
        sign_in(page, running.url, NAME, PASSWORD)
        for text in ("Warm bread from the oven #home", "A friendly wave\nfrom the neighbour", "Rain on the window"):
            _keep(page, text)
        page.goto(f"{running.url}/journal/")
        links = page.locator(".glimmer-text a")
        samples = {
            "glimmer": links.nth(0).get_attribute("href").split("/")[2],
            "binned": links.nth(1).get_attribute("href").split("/")[2],
        }
        page.goto(f"{running.url}/glimmers/{samples['binned']}/")
        page.click("button:text('Delete')")
        page.wait_for_url(f"{running.url}/journal/")
        # My ladder with things in it: hard moments on and one kept, a check-in, a cue with a glimmer.
        page.goto(f"{running.url}/settings/")
        page.check("#id_hard_moments")
        page.click("#hard-moments-heading ~ form button")
        page.goto(f"{running.url}/ladder/hard-moments/")
        page.fill("#id_text", "A loud room")
        page.fill("#id_cue", "Rain on the window")
        page.click("button:text('Keep this note')")
        # Words of her own for one state (by keyboard: type, tick an example, Enter), so the control shows
        # her words beside states that still show their names.
        page.goto(f"{running.url}/ladder/words/?first=dorsal")
        page.fill("#id_words", "foggy, heavy")
        page.keyboard.press("Tab")
        page.keyboard.press("Space")
        page.click("button:text('Save and go on')")
        page.wait_for_url(re.compile(r"step=sympathetic"))
        page.goto(f"{running.url}/ladder/story/?state=ventral")  # a landmark story, shown on the map
        page.fill("#id_what", "The lake at dawn")
        page.click("button:text('Keep my story')")
        page.wait_for_url(re.compile(r"/ladder/"))
        page.click("#checkin > summary")
        page.click("button.rung-button >> nth=1")
        page.locator("#checkin-status", has_text="Noted").wait_for()
        page.goto(f"{running.url}/ladder/cues/")
        page.click(".cue-name a")
        page.click("button:text('Link this glimmer')")
        samples["cue"] = page.url.split("/")[-2]
        # People, places and tags, named in a glimmer with @, + and #; and one more of each to merge with.
        page.goto(f"{running.url}/")
        _keep(page, "Tea with @Sam and @Biscuit at +the_park #cosy #afternoon")
        page.goto(f"{running.url}/")
        _keep(page, "A walk at +the_beach")
        for kind, one in (("people", "person"), ("places", "place"), ("tags", "tag")):
            page.goto(f"{running.url}/{kind}/")
            samples[one] = page.locator(".name-row a").first.get_attribute("href").split("/")[2]
        # The kit with things in it: a glimmer pinned with a note, one brought back from a state, and savoured.
        page.goto(f"{running.url}/kit/pin/{samples['glimmer']}/")
        page.fill("#id_note", "warm and golden")
        page.click("button:text('Pin to my kit')")
        page.wait_for_url(f"{running.url}/kit/")
        samples["anchor"] = page.locator(".anchor a[href^='/kit/anchors/']").first.get_attribute("href").split("/")[3]
        page.goto(f"{running.url}/kit/need/")
        page.click(".need-form button.rung-button >> nth=1")
        page.wait_for_url(re.compile(r"/kit/surfacings/"))
        samples["surfacing"] = page.url.split("/")[-2]
        page.click("button:text('This helped')")
        page.locator("#answer-status", has_text="Noted").wait_for()
        page.click("a:text('Savour it')")
        page.click('button:text("I\'m done")')
        page.wait_for_url(re.compile(r"/feel/$"))
        samples["savouring"] = page.url.split("/")[-3]
        samples.update(_practise(page, running.url))

        problems: list[str] = []
        anonymous = browser.new_context(viewport={"width": 320, "height": 720})
        for name, path in PAGES.items():
            assert path is not None
            target = anonymous.new_page() if name in SIGNED_OUT else page
            target.goto(running.url + path.format(**samples))
            for scheme in ("light", "dark"):
                use_scheme(target, scheme)
                results = axe.run(target)
                if results.violations_count:
                    problems.append(f"{name} ({scheme}):\n{results.generate_report()}")
                # Nothing may spill sideways at 320 px (WCAG reflow).
                overflow = target.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    problems.append(f"{name} ({scheme}): {overflow}px wider than a 320 px screen")
        anonymous.close()
        context.close()
    assert not problems, "\n\n".join(problems)
