"""Para 7A(b) on the page: the statement's own words, and a summary made for the page.

The statement-wide assessment's published words stay where the statement puts them. The
at-a-glance summary of which priorities apply is the renderer's addition: it sits after the
page's details and before any published text, so it splits none, says that it is a summary,
and is left out when the statement states no applicability at all.
"""

from __future__ import annotations

from pcc_priorities.model.statement import ApplicabilityAssessment, Statement
from pcc_priorities.publish.inlines import blank, join_inlines, renderer_words
from pcc_priorities.publish.messages import N_, _
from pcc_priorities.publish.tree import (
    Cell,
    Heading,
    Inlines,
    ItemList,
    LayoutBlock,
    Link,
    Para,
    Row,
    Section,
    Status,
    Strong,
    Table,
    Text,
)
from pcc_priorities.publish.words import NOT_STATED, STATUS_LABELS
from pcc_priorities.reference.national_frameworks import Framework

__all__ = ["ApplicabilityLayout"]

#: What the metadata says where the statement states no applicability at all.
NOT_STATED_HERE = N_("Not stated in this statement")


class ApplicabilityLayout:
    """The applicability parts of the layout; the builder provides the statement's words."""

    statement: Statement
    framework: Framework | None
    anchors: list[str]
    lang: str | None

    def text(self, text: str) -> Inlines:  # pragma: no cover - the builder's
        """Statement text as inline content (the builder marks up abbreviations)."""
        raise NotImplementedError

    def level(self, depth: int) -> int:  # pragma: no cover - the builder's
        """The heading level ``depth`` below the statement's title."""
        raise NotImplementedError

    def priority_title(self, priority_id: str) -> str:  # pragma: no cover - the builder's
        """The framework's title of a national priority."""
        raise NotImplementedError

    def any_assessment(self) -> bool:
        """Whether the statement states the applicability of any priority."""
        return self.statement.applicability is not None or any(
            section.applicability is not None for section in self.statement.sections
        )

    def status(self, assessment: ApplicabilityAssessment | None) -> Status:
        """An assessment's status label ("Not stated" for none)."""
        text, kind = STATUS_LABELS.get(assessment.status, NOT_STATED) if assessment else NOT_STATED
        return Status(_(text), kind)

    def assessment_blocks(
        self, assessment: ApplicabilityAssessment, *, wording: bool = True
    ) -> list[LayoutBlock]:
        """An assessment: its status, its words as published, its reasons and plans."""
        blocks: list[LayoutBlock] = [
            Para(
                join_inlines(Strong(_("Assessment:")), " ", self.status(assessment)),
                kind="assessment",
            )
        ]
        if wording and assessment.wording is not None:
            blocks.append(Para(self.text(assessment.wording), lang=self.lang))
        if assessment.reasons:
            blocks.append(Para((Strong(_("Reasons given:")),)))
            blocks.append(ItemList(tuple(self.text(r) for r in assessment.reasons), lang=self.lang))
        if assessment.aligns_with:
            blocks.append(Para((Strong(_("Rests on:")),)))
            blocks.append(
                ItemList(tuple(self.text(a) for a in assessment.aligns_with), lang=self.lang)
            )
        return blocks

    def applicability_part(self) -> list[LayoutBlock]:
        """The statement-wide assessment where the statement puts it: its published words.

        Without published words, its status, reasons and plans are given in the summary
        instead, so nothing is added here.
        """
        assessment = self.statement.applicability
        if assessment is None or assessment.wording is None:
            return []
        return [Para(self.text(assessment.wording), lang=self.lang)]

    def at_a_glance(self) -> Section | None:
        """The summary of which national priorities apply; None where nothing is stated."""
        if not self.any_assessment():
            return None
        statement = self.statement
        blocks: list[LayoutBlock] = [
            Para(
                renderer_words(
                    "A summary of the statement's assessments under paragraph 7A(b) of the "
                    "Order, made for this page from the statement below."
                )
            )
        ]
        if statement.applicability is not None:
            blocks.append(
                Para(renderer_words("The statement's assessment for all the national priorities:"))
            )
            blocks.extend(self.assessment_blocks(statement.applicability, wording=False))
        rows = self.rows()
        if rows:
            blocks.append(
                Table(
                    caption=renderer_words("Applicability of each national priority"),
                    columns=(
                        _("National priority"),
                        _("Assessment"),
                        _("Where assessed"),
                        _("Reasons and wording"),
                    ),
                    rows=tuple(rows),
                    kind="applicability",
                )
            )
        heading = Heading(
            self.level(1),
            renderer_words("Which national priorities apply: at a glance"),
            "pcc-applicability",
        )
        return Section(heading, tuple(blocks), kind="applicability")

    def rows(self) -> list[Row]:
        """A row per section, then one per framework priority the statement has no section for."""
        statement = self.statement
        rows: list[Row] = []
        for section, anchor in zip(statement.sections, self.anchors, strict=True):
            own = section.applicability
            assessment = own or statement.applicability
            if own is not None:
                basis = _("This priority's own assessment")
            elif statement.applicability is not None:
                basis = _("The statement-wide assessment")
            else:
                basis = _("No assessment given")
            given = assessment.reasons if assessment is not None else ()
            reasons: Cell = tuple(self.text(reason) for reason in given)
            if own is not None and own.wording is not None:
                reasons = (*reasons, self.text(own.wording))
            label = self.text(section.title)
            if blank(label):
                label = (Text(self.priority_title(section.priority)),)
            rows.append(
                Row(
                    (Link(label, f"#{anchor}"),),
                    (((self.status(assessment),),), ((Text(basis),),), reasons),
                )
            )
        if self.framework is not None:
            covered = {section.priority for section in statement.sections}
            wide = statement.applicability
            for priority in self.framework.priorities:
                if priority.id in covered:
                    continue
                if wide is not None:
                    cells: tuple[Cell, ...] = (
                        ((self.status(wide),),),
                        (renderer_words("The statement-wide assessment; no section"),),
                        tuple(self.text(reason) for reason in wide.reasons),
                    )
                else:
                    cells = (
                        ((self.status(None),),),
                        (renderer_words("No section in this statement"),),
                        (),
                    )
                rows.append(Row((Text(_(priority.title)),), cells))
        return rows
