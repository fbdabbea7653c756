"""Synthetic notes files shaped like the seed, of any size, for the benchmarks."""

from __future__ import annotations

import random

MARKS = ("🗸", "ðŸ—¸", "✓", "âœ“", "✔\ufe0f", "✅")
WORDS = (
    "perceptrons backpropagation softmax entropy convolution attention transformer dropout "
    "momentum regularisation autoencoder adversarial policy gradient embedding recurrent "
    "naïve bayes café résumé über Gödel's theorem «quoted» — curvature"
).split()
SECTIONS = (
    "lecture slides",
    "lecture attendance, videos and notes",
    "exercises",
    "video recordings & notes:",
    "readings",
)


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _item(rng: random.Random, section: str) -> str:
    text = _phrase(rng, rng.randint(2, 8))
    if section.startswith("video"):
        text += rng.choice([f" ({rng.randint(1, 59)}:{rng.randint(0, 59):02})", " (?)", " ()"])
    roll = rng.random()
    if roll < 0.4:
        text += " " + rng.choice(MARKS)
    elif roll < 0.5:
        text = "[x] " + text
    indent = "  " if section.startswith("video") else ""
    return f"{indent}- {text}"


def week_lines(rng: random.Random, number: int, items: int) -> list[str]:
    """One week: its heading, the five known sections, items spread over them."""
    lines = [f"# week {number}: {_phrase(rng, 2)}"]
    per_section = max(1, items // len(SECTIONS))
    for section in SECTIONS:
        lines.append(f"## {section}")
        lines += [_item(rng, section) for _ in range(per_section)]
        lines.append(rng.choice(["-", "  - ()", ""]))
    lines.append("-" * 50)
    return lines


def notes(size: int, weeks: int = 52, seed: int = 1) -> str:
    """About ``size`` bytes of notes: ``weeks`` weeks of items, a tenth of Thoughts."""
    rng = random.Random(seed)
    # Small files have fewer weeks: a week with its five sections is about 2 KB.
    weeks = max(1, min(weeks, size // 2500))
    thoughts = ["# Thoughts"]
    thoughts_size = size // 10
    while sum(len(line.encode()) + 1 for line in thoughts) < thoughts_size:
        thoughts.append(_phrase(rng, 12) + "?")
        thoughts.append("")
    body_size = size - sum(len(line.encode()) + 1 for line in thoughts)
    # Measure one week to know how many items fit in the size asked for.
    probe = "\n".join(week_lines(random.Random(seed), 1, 100)).encode()
    item_bytes = len(probe) / 100
    items = max(5, int(body_size / weeks / item_bytes))
    lines: list[str] = []
    for number in range(1, weeks + 1):
        lines += week_lines(rng, number, items)
    text = "\n".join(lines + thoughts) + "\n"
    return text


def notes_with_items(items: int, weeks: int = 52, seed: int = 1) -> str:
    """Notes with about ``items`` items over ``weeks`` weeks, and a short Thoughts section."""
    rng = random.Random(seed)
    lines: list[str] = []
    for number in range(1, weeks + 1):
        lines += week_lines(rng, number, items // weeks)
    lines += ["# Thoughts", "why does dropout help?", "", "what is a good learning rate?"]
    return "\n".join(lines) + "\n"
