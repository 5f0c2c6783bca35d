"""Partial dates: a date known to the year, the month or the day ("Published September 2023")."""

from __future__ import annotations

import calendar
import re
from datetime import date

import attrs
from attrs import field, frozen

from pcc_priorities._typecheck import typed_fields, unchecked_constructor

__all__ = ["PartialDate"]


# --------------------------------------------------------------------------- dates


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", re.ASCII)


@frozen(kw_only=True, field_transformer=typed_fields)
class PartialDate:
    """A date known to the year, the month or the day ("Published September 2023").

    Attributes:
        year: The year.
        month: The month (1-12), or None when only the year is known.
        day: The day of the month, or None when only the month is known.
    """

    year: int = field()
    month: int | None = None
    day: int | None = None

    @year.validator
    def _check(self, _attribute: attrs.Attribute[int], year: int) -> None:
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range 1-9999")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} is out of range 1-12")
        if self.day is not None:
            last = calendar.monthrange(year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValueError(
                    f"day {self.day} is out of range 1-{last} for {year}-{self.month:02}"
                )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            ValueError: ``text`` is not in one of those forms, or is not a real date.
        """
        match = _PARTIAL_DATE.fullmatch(text)
        if match is None:
            raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {text!r}")
        year, month, day = match.groups()
        # The pattern gives whole numbers: the value checks run, the type checks need not.
        return unchecked_constructor(cls)(
            int(year), None if month is None else int(month), None if day is None else int(day)
        )

    @classmethod
    def from_date(cls, value: date) -> PartialDate:
        """Return a day-precision PartialDate for ``value``."""
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def earliest(self) -> date:
        """The first day the date can stand for."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        """The last day the date can stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04}"
        if self.month is not None:
            text += f"-{self.month:02}"
        if self.day is not None:
            text += f"-{self.day:02}"
        return text
