"""The noticing practice's library of prompts, kept as data: for each sense, short invitations written kindly and
plainly. A person's own prompts (practice.models.Prompt) join these; the library itself never changes per person.

Each prompt has a stable key (`sense-N`), so a session can record which one it offered. Keys are only ever added.
Invitations, never instructions to feel something: "what can you…", "is there…", "notice…", with room for nothing.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LibraryPrompt:
    key: str
    sense: str
    text: str


_LIBRARY: dict[str, tuple[str, ...]] = {
    "sight": (
        "Let your eyes wander. Is there a colour you like somewhere near you?",
        "Look for the lightest thing you can see, and the softest shadow.",
        "Find something small you hadn't noticed before.",
        "Is there something green, or something growing, within sight?",
        "Look up for a moment. What is above you?",
        "Notice where the light is coming from, and where it lands.",
        "Find a shape you like — a curve, a line, a pattern.",
    ),
    "sound": (
        "What is the quietest sound you can hear right now?",
        "Is there a sound further away, beyond the room?",
        "Listen for a sound that comes and goes.",
        "Is there a sound you find pleasant, even a little?",
        "Notice the sound of your own breath, if you can hear it.",
        "Listen for a moment of quiet between sounds.",
    ),
    "touch": (
        "Notice where your body meets what holds it: the chair, the floor, the bed.",
        "What is the temperature of the air on your hands?",
        "Is there a texture within reach that feels pleasant? Let your fingers find it.",
        "Notice the weight of your clothes, or a blanket, if there is one.",
        "Feel your feet. Are they warm or cool?",
        "Rest a hand somewhere comfortable, and notice how that feels.",
    ),
    "smell": (
        "Is there a smell in the air, even a faint one?",
        "Breathe in gently through your nose. What is there, if anything?",
        "Is there something near you with a smell you like — a cup, a plant, your sleeve?",
        "Notice whether the air smells fresh, warm, or of nothing much at all.",
        "Does a smell bring back a place or a person, just for a moment?",
        "If there is no smell to find, notice the coolness of the air as you breathe in.",
    ),
    "taste": (
        "Is there any taste in your mouth right now?",
        "If you have a drink nearby, take a slow sip and notice its taste.",
        "Notice your tongue resting in your mouth.",
        "Think of a taste you enjoy. Where were you when you last had it?",
        "If you are eating, let one mouthful be slow.",
        "Notice whether your mouth feels dry, or moist, or something in between.",
    ),
    "movement": (
        "Let your shoulders move a little, however they like.",
        "Stretch your fingers wide, then let them rest.",
        "Is there a small movement that would feel good right now? Try it, gently.",
        "Turn your head slowly, and let your eyes follow.",
        "Notice any movement around you: leaves, people, a curtain, the clouds.",
        "Rock or sway a little, if you like, and notice the rhythm.",
    ),
    "body": (
        "Is there a part of your body that feels comfortable, or neutral, right now?",
        "Notice your breath without changing it. Where do you feel it most?",
        "Is there a place in your body that feels warm?",
        "Notice your hands. Are they still, or moving, warm or cool?",
        "If anything feels tight, notice it kindly, and then find a place that doesn't.",
        "Notice your heartbeat, only if that feels all right — or simply notice that you are here.",
    ),
}

LIBRARY: tuple[LibraryPrompt, ...] = tuple(
    LibraryPrompt(f"{sense}-{index}", sense, text)
    for sense, texts in _LIBRARY.items()
    for index, text in enumerate(texts, start=1)
)


def library_for(sense: str) -> tuple[LibraryPrompt, ...]:
    return tuple(prompt for prompt in LIBRARY if prompt.sense == sense)
