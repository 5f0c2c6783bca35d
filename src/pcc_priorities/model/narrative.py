"""Narrative blocks: paragraphs, lists, quotations and titled subsections."""

from __future__ import annotations

from typing import TypeAlias

from attrs import frozen

from pcc_priorities._typecheck import typed_fields
from pcc_priorities.model.figures import Figure
from pcc_priorities.model.values import NarrativeRole

__all__ = ["Block", "BulletList", "Paragraph", "Quotation", "Subsection"]


# --------------------------------------------------------------------------- narrative


@frozen(kw_only=True, field_transformer=typed_fields)
class Paragraph:
    """A paragraph of narrative.

    Attributes:
        text: The paragraph as published.
        role: What the paragraph does in its section.
    """

    text: str
    role: NarrativeRole | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class BulletList:
    """A list of items.

    Attributes:
        items: The items, in order, as published.
        ordered: Whether the items are numbered.
        role: What the list does in its section.
    """

    items: tuple[str, ...]
    ordered: bool = False
    role: NarrativeRole | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class Quotation:
    """A quotation, with its attribution ("Beating Crime Plan, 2021").

    Attributes:
        text: The words quoted, without quotation marks.
        attribution: Who or what is quoted.
        role: What the quotation does in its section.
    """

    text: str
    attribution: str | None = None
    role: NarrativeRole | None = None


@frozen(kw_only=True, field_transformer=typed_fields)
class Subsection:
    """A titled part of a section, with its own narrative and figures.

    West Mercia splits neighbourhood crime into theft from the person, robbery, burglary and
    vehicle crime; "Reflections on force performance" is a subsection with role reflections.

    Attributes:
        title: The heading as published.
        blocks: The narrative, in order.
        figures: The figures stated in this subsection.
        role: What the subsection does in its section.
    """

    title: str
    blocks: tuple[Block, ...] = ()
    figures: tuple[Figure, ...] = ()
    role: NarrativeRole | None = None


#: A narrative block: the tagged union stored under ``"type"`` in JSON.
Block: TypeAlias = Paragraph | BulletList | Quotation | Subsection
