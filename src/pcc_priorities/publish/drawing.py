"""Drawing a chart: one :class:`~pcc_priorities.publish.tree.Chart` as a small inline SVG.

:func:`chart_svg` draws the bars :mod:`pcc_priorities.publish.charts` lays out: horizontal bars
from a zero line, each labelled with its name and value, the figure's own bar solid, what it
is compared with hatched, a target a dashed outline; no script, no style sheet of its own, no
external file. Coordinates are worked out in binary floating point, with the exact decimal
kept for any coordinate near a rounding tie, so that they are the exact decimals rounded to
a tenth of a unit of the drawing.
"""

from __future__ import annotations

import html
import math
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

from pcc_priorities.publish.inlines import plain_text
from pcc_priorities.publish.tree import Chart
from pcc_priorities.publish.words import CHART_WORDS, lines, printable

__all__ = ["chart_svg"]

# --------------------------------------------------------------------------- drawing

_WIDTH = 360
_PAD = 4
_FONT = 15
_LINE = 18
_BAR = 22
_GAP = 12
#: A generous average width of a character at the chart's font size, in drawing units.
_CHAR = Decimal("8.5")
_TENTH = Decimal("0.1")


def _number(value: Decimal | int) -> str:
    """A coordinate as SVG writes it: at most one decimal place, no exponent."""
    rounded = Decimal(value).quantize(_TENTH, rounding=ROUND_HALF_EVEN)
    text = format(rounded, "f")
    return text[:-2] if text.endswith(".0") else text


def _escape(text: str) -> str:
    """Text for SVG content or a double-quoted attribute, on one line."""
    if text.isprintable():  # no line break, nothing to make visible
        return html.escape(text, quote=True)
    return html.escape(printable(" ".join(lines(text))), quote=True)


def _wrap(text: str, width: int) -> list[str]:
    """Split ``text`` into lines of at most ``width`` characters, at spaces where it can."""
    result: list[str] = []
    line = ""
    for whole in " ".join(lines(text)).split():
        word = whole
        while len(word) > width:
            if line:
                result.append(line)
                line = ""
            result.append(word[:width])
            word = word[width:]
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line = f"{line} {word}"
        else:
            result.append(line)
            line = word
    if line or not result:
        result.append(line)
    return result


@lru_cache(maxsize=2048)
def _label_lines(label: str, width: int) -> tuple[str, ...]:
    """A bar's label wrapped to ``width`` characters, each line escaped (labels repeat)."""
    return tuple(_escape(line) for line in _wrap(label, width))


@lru_cache(maxsize=2048)
def _escaped(text: str) -> str:
    """:func:`_escape`, once per distinct text (values and labels repeat across charts)."""
    return _escape(text)


class _Scale:
    """Where a value falls on a chart's axis, written as a coordinate.

    The exact position is ``left + (value - low) × width / span`` in decimals, rounded half
    to even to a tenth. Binary floating point gives the same tenth unless the exact position
    is within a hair of a half-tenth (where its rounding error could decide): those few are
    worked out in decimals. The bound holds because every value lies between ``low`` and
    ``high``, so the float error is relative to the span, not to the values' size.
    """

    def __init__(self, left: Decimal, width: Decimal, low: Decimal, span: Decimal) -> None:
        self.left, self.width, self.low, self.span = left, width, low, span
        self.fleft, self.fwidth = float(left), float(width)
        self.flow, self.fspan = float(low), float(span)

    def exact(self, value: Decimal) -> Decimal:
        """The position of ``value`` in decimals."""
        return self.left + (value - self.low) * self.width / self.span

    def at(self, value: Decimal, shift: int = 0) -> str:
        """The coordinate of ``value`` moved by ``shift`` drawing units."""
        position = self.fleft + (float(value) - self.flow) * self.fwidth / self.fspan + shift
        tenths = position * 10
        if abs(tenths - math.floor(tenths) - 0.5) < 1e-6 or not math.isfinite(tenths):
            return _number(self.exact(value) + shift)
        text = f"{position:.1f}"
        return text[:-2] if text.endswith(".0") else text

    def size(self, value: Decimal, zero: Decimal) -> str:
        """The length of the bar from ``zero`` to ``value``, written as a coordinate."""
        length = abs((float(value) - float(zero)) * self.fwidth / self.fspan)
        tenths = length * 10
        if abs(tenths - math.floor(tenths) - 0.5) < 1e-6 or not math.isfinite(tenths):
            return _number(abs(self.exact(value) - self.exact(zero)))
        text = f"{length:.1f}"
        return text[:-2] if text.endswith(".0") else text


_LOOKS = {
    "figure": 'class="pcc-chart-bar" fill="currentColor"',
    "reference": 'fill="url(#{ident}-hatch)" stroke="currentColor" stroke-width="1.5"',
    "target": 'fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="5 3"',
}


@lru_cache(maxsize=256)
def _frame(left_chars: int, right: int) -> tuple[Decimal, Decimal, Decimal, int]:
    """Where the bars start, the room they have, the chart's width and a line's characters.

    From the longest value labels left and right of the zero line (charts share them).
    Label widths are whole multiples of half a unit: the arithmetic is exact.
    """
    right_width = right * _CHAR + 6 if right else Decimal(0)
    left_width = left_chars * _CHAR + 6 if left_chars else Decimal(0)
    width = max(Decimal(_WIDTH), left_width + right_width + 2 * _PAD + 120)
    chars = int((width - 2 * _PAD) / _CHAR)
    return _PAD + left_width, width - 2 * _PAD - left_width - right_width, width, chars


def chart_svg(chart: Chart, ident: str, *, described_by: str | None = None) -> str:
    """Return ``chart`` as an inline SVG bar chart.

    Args:
        chart: The chart.
        ident: A prefix, unique on the page, for the SVG's ids (its title and patterns).
        described_by: The id of the element that describes the chart in words, if any.
    """
    points = chart.points
    zero_value = Decimal(0)
    low = min([zero_value, *(point.value for point in points)])
    high = max([zero_value, *(point.value for point in points)])
    right = max([0, *(len(p.value_words) for p in points if p.value >= 0)])
    left_chars = max([0, *(len(p.value_words) for p in points if p.value < 0)])
    left, plot, width, chars = _frame(left_chars, right)
    scale = _Scale(left, plot, low, high - low if high != low else Decimal(1))
    zero = scale.at(zero_value)
    hatch = f'fill="url(#{ident}-hatch)" stroke="currentColor" stroke-width="1.5"'
    body: list[str] = []
    y = _PAD
    top = None
    for point in points:
        # One <text> per label, a <tspan> per line: only the number of lines follows the text.
        label = _label_lines(plain_text(point.label), chars)
        y += _LINE
        spans = [f'<tspan x="{_PAD}">{label[0]}</tspan>']
        for line in label[1:]:
            y += _LINE
            spans.append(f'<tspan x="{_PAD}" dy="{_LINE}">{line}</tspan>')
        first_line = y - (len(spans) - 1) * _LINE - 4
        body.append(f'<text x="{_PAD}" y="{first_line}">{"".join(spans)}</text>')
        y += 3
        top = y if top is None else top
        value = point.value
        negative = value < 0
        start = scale.at(value) if negative else zero
        look = (
            hatch if point.style == "reference" else _LOOKS.get(point.style, 'fill="currentColor"')
        )
        body.append(
            f'<rect x="{start}" y="{y}" width="{scale.size(value, zero_value)}" '
            f'height="{_BAR}" {look}></rect>'
        )
        if negative:
            where = f'x="{scale.at(value, -4)}" text-anchor="end"'
        else:
            where = f'x="{scale.at(value, 4)}"'
        body.append(
            f'<text {where} y="{y + _BAR // 2 + 5}" font-weight="700">'
            f"{_escaped(point.value_words)}</text>"
        )
        y += _BAR + _GAP
    bottom = y - _GAP + 3
    body.append(
        f'<line x1="{zero}" y1="{(top or _PAD) - 3}" x2="{zero}" '
        f'y2="{bottom}" stroke="currentColor" stroke-width="1.5"></line>'
    )
    height = bottom + _PAD
    described = "" if described_by is None else f' aria-describedby="{_escape(described_by)}"'
    title = _escape(CHART_WORDS["svg title"] + plain_text(chart.title))
    description = _escape(" ".join(plain_text(sentence) for sentence in chart.description))
    size = _number(width)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {height}" '
        f'width="{size}" height="{height}" role="img" '
        f'aria-labelledby="{ident}-title"{described} font-size="{_FONT}" fill="currentColor">'
        f'<title id="{ident}-title">{title}</title>'
        f"<desc>{description}</desc>"
        f'<defs><pattern id="{ident}-hatch" width="6" height="6" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="2.5"></line>'
        "</pattern></defs>\n" + "\n".join(body) + "\n</svg>"
    )
