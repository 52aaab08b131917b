"""Our spaCy pipeline components, one factory per module. Importing this package registers them."""

from extractor.components import (  # noqa: F401
    furniture,
    gazetteer,
    organizations,
    paragraphs,
    people,
    quotes,
    troops,
)
