"""The texts the built-in rules cite."""

from __future__ import annotations

_ORDER = "Specified Information Order 2011 (SI 2011/3050), Sch. para 7A"
ORDER_7A = _ORDER
ORDER_7A_A = _ORDER + "(a)"
ORDER_7A_B = _ORDER + "(b)"
STATISTICS_CODE = "UK Statistics Authority, Code of Practice for Statistics (Value: clarity)"
GOV_UK_STYLE = "GOV.UK style guide: abbreviations and acronyms"
NATIONAL_MEASURES = "Home Office, National Crime and Policing Measures (2021)"
