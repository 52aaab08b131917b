"""Numbers as news writes them: "8,500", "1.5 million", "three thousand", "Seventeen".

Number words go through text2num; a bare scale word ("thousands", "a thousand") is not an
explicit figure and gives None.
"""

from __future__ import annotations

import re

from text_to_num import text2num

SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+(?:\.\d+)?$")


def parse_number(words: list[str]) -> int | None:
    """Return the integer a sequence of number words or digits writes, or None."""
    words = [w for w in (w.strip().lower() for w in words) if w and w not in ("-", "and")]
    if not words:
        return None
    first = words[0].replace(",", "")
    if _DIGITS.match(words[0]):
        value = float(first)
        for word in words[1:]:
            scale = SCALES.get(word.rstrip("s"))
            if scale is None:
                return None
            value *= scale
        return round(value)
    if words[0] in SCALES or words[0].rstrip("s") in SCALES:
        return None
    try:
        return int(text2num(" ".join(words), "en"))
    except ValueError:
        return None
