"""Article text as HTML with every fact highlighted in place, overlapping spans included.

The text is cut at every start and end; each piece is escaped and wrapped in the highlights
that cover it, outermost first. Spans that nest (a person inside a quote, a partial quote
inside reported speech) become nested elements; spans that cross are closed and reopened, so
one highlight may be several elements sharing its `data-hl` key. Nothing but the text's own
characters goes between the tags: the page's text is the article's text.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape

Attributes = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    key: str  # unique on the page; every element of this highlight carries it as data-hl
    classes: str
    layer: int  # of two spans with the same offsets, the lower layer is the outer element
    attributes: Attributes = field(default_factory=tuple)
    anchor: str | None = None  # id given to the first element, for links to this span


def highlighted_html(text: str, highlights: list[Highlight]) -> Markup:
    """Return `text` as escaped HTML with a <span> per highlight (or per piece of one).

    Highlights outside the text or empty are left out.
    """
    usable = [h for h in highlights if 0 <= h.start < h.end <= len(text)]
    # Longer spans open first, so a span inside another is always its child.
    ordered = sorted(usable, key=lambda h: (h.start, -h.end, h.layer, h.key))
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for rank, highlight in enumerate(ordered):
        starting[highlight.start].append(rank)
        ending[highlight.end].append(rank)
    boundaries = sorted({0, len(text), *starting, *ending})
    active: set[int] = set()
    stack: list[int] = []
    opened: set[int] = set()
    parts: list[str] = []
    for left, right in pairwise(boundaries):
        active.difference_update(ending.get(left, ()))
        active.update(starting.get(left, ()))
        wanted = sorted(active)
        kept = 0
        while kept < min(len(stack), len(wanted)) and stack[kept] == wanted[kept]:
            kept += 1
        parts.extend("</span>" for _ in stack[kept:])
        for rank in wanted[kept:]:
            parts.append(_open_tag(ordered[rank], first=rank not in opened))
            opened.add(rank)
        stack = wanted
        parts.append(str(escape(text[left:right])))
    parts.extend("</span>" for _ in stack)
    return Markup("".join(parts))


def _open_tag(highlight: Highlight, first: bool) -> str:
    attributes = [
        ("class", f"{highlight.classes} first" if first else highlight.classes),
        ("data-hl", highlight.key),
        ("data-start", str(highlight.start)),
        ("data-end", str(highlight.end)),
        *highlight.attributes,
    ]
    if first and highlight.anchor:
        attributes.insert(0, ("id", highlight.anchor))
    rendered = " ".join(f'{name}="{escape(value)}"' for name, value in attributes)
    return f"<span {rendered}>"
