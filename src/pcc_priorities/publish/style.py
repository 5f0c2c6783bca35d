"""The page's style for the parts issue 14 added, and its dark, narrow and printed forms.

Kept apart from the base rules in :mod:`pcc_priorities.publish.html` (which appends these) so
that each can be read on its own. Every rule is scoped to ``.pcc-statement``. Colours meet
WCAG 2.2 AA contrast in both schemes (text at least 4.5:1 against its background; the
figures are in ``docs/publishing.md``).
"""

from __future__ import annotations

__all__ = ["ADDED_STYLE", "DARK_PAGE_STYLE"]

#: The page's ``body`` in the dark scheme (full pages only; a fragment's page has its own).
DARK_PAGE_STYLE = """\
@media (prefers-color-scheme: dark) {
  body { background: #141516; }
}
"""

ADDED_STYLE = """\
.pcc-statement .pcc-logo { margin: 0 0 0.5em; }
.pcc-statement .pcc-logo img { display: block; max-width: 100%; max-height: 6rem; height: auto; }
.pcc-statement .pcc-skip {
  position: absolute;
  left: -10000px;
  width: 1px;
  height: 1px;
  overflow: hidden;
}
.pcc-statement .pcc-skip:focus {
  position: static;
  display: inline-block;
  width: auto;
  height: auto;
  padding: 0.25em 0.5em;
}
.pcc-statement nav.pcc-contents {
  border-left: 4px solid #b1b4b6;
  padding: 0 0 0 1em;
  margin: 0 0 1.5em;
}
.pcc-statement nav.pcc-contents h2 { border-top: none; padding-top: 0; margin-top: 0; }
.pcc-statement nav.pcc-contents ol { margin: 0 0 0.5em; padding-left: 1.5em; }
.pcc-statement nav.pcc-contents ol ol { list-style: lower-alpha; margin: 0.25em 0; }
.pcc-statement nav.pcc-contents li { margin: 0.2em 0; }
.pcc-statement .pcc-summary dl { margin: 0 0 1.5em; }
.pcc-statement .pcc-summary dt { font-weight: 700; margin-top: 0.75em; }
.pcc-statement .pcc-summary dd { margin: 0.25em 0 0 0; }
.pcc-statement footer.pcc-footer {
  margin-top: 2em;
  padding: 0.5em 1em 1em;
  background: #f3f2f1;
  border-top: 4px solid #1d4f91;
}
.pcc-statement footer.pcc-footer h2 { border-top: none; }
.pcc-statement .pcc-dates, .pcc-statement .pcc-contact dl {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.25em 1em;
}
.pcc-statement .pcc-dates > div, .pcc-statement .pcc-contact dl > div { display: contents; }
.pcc-statement .pcc-dates dt, .pcc-statement .pcc-contact dt { font-weight: 700; }
.pcc-statement .pcc-dates dd, .pcc-statement .pcc-contact dd { margin: 0; }
.pcc-statement td, .pcc-statement th, .pcc-statement dd, .pcc-statement a {
  overflow-wrap: anywhere;
}
@media (max-width: 40em) {
  .pcc-statement { padding: 0.75rem; }
  .pcc-statement .pcc-metadata, .pcc-statement .pcc-dates,
  .pcc-statement .pcc-contact dl { grid-template-columns: minmax(0, 1fr); }
  .pcc-statement .pcc-metadata dd, .pcc-statement .pcc-dates dd,
  .pcc-statement .pcc-contact dd { margin-bottom: 0.5em; }
  .pcc-statement .pcc-table table, .pcc-statement .pcc-table caption,
  .pcc-statement .pcc-table tbody, .pcc-statement .pcc-table tr,
  .pcc-statement .pcc-table th, .pcc-statement .pcc-table td { display: block; }
  .pcc-statement .pcc-table thead {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .pcc-statement .pcc-table tbody tr { border: 1px solid #b1b4b6; margin: 0 0 0.75em; }
  .pcc-statement .pcc-table tbody th, .pcc-statement .pcc-table td { border: none; }
  .pcc-statement .pcc-table tbody th { background: #f3f2f1; }
  .pcc-statement .pcc-table td[data-label]::before {
    content: attr(data-label) ": ";
    font-weight: 700;
  }
  .pcc-statement .pcc-table td:empty { display: none; }
}
@media (prefers-color-scheme: dark) {
  .pcc-statement { color: #f3f2f1; background: #141516; }
  .pcc-statement h2 { border-top-color: #f3f2f1; }
  .pcc-statement a { color: #8ab4f8; }
  .pcc-statement a:visited { color: #c5a3ff; }
  .pcc-statement a:focus, .pcc-statement [tabindex]:focus { color: #0b0c0c; }
  .pcc-statement .pcc-national-priority, .pcc-statement figcaption { color: #cecfd0; }
  .pcc-statement section.pcc-applicability { border-bottom-color: #f3f2f1; }
  .pcc-statement .pcc-status-applicable { color: #b7e4c7; background: #0e3b22; }
  .pcc-statement .pcc-status-not-applicable { color: #ffc9bf; background: #5a1a10; }
  .pcc-statement .pcc-status-not-yet-assessed { color: #fff3a3; background: #4a4000; }
  .pcc-statement .pcc-status-not-stated { color: #e5e6e7; background: #34383b; }
  .pcc-statement thead th, .pcc-statement .pcc-table tbody th { background: #26292b; }
  .pcc-statement footer.pcc-footer { background: #26292b; border-top-color: #8ab4f8; }
  .pcc-statement .pcc-logo img { background: #ffffff; padding: 0.25rem; }
}
@media (prefers-color-scheme: dark) and (min-width: 40.0625em) {
  .pcc-statement .pcc-table tbody th { background: none; }
}
@media print {
  .pcc-statement, .pcc-statement footer.pcc-footer { background: #ffffff; color: #000000; }
  .pcc-statement .pcc-skip, .pcc-statement nav.pcc-contents { display: none; }
  .pcc-statement thead th, .pcc-statement .pcc-table tbody th { background: none; }
  .pcc-statement .pcc-logo img { background: none; padding: 0; }
  .pcc-statement footer.pcc-footer { border-top: 2px solid #000000; }
}
"""
