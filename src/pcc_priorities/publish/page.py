"""What a page carries besides the statement: earlier editions, downloads, a logo, a style sheet.

:class:`PageOptions` gathers them for :func:`~pcc_priorities.publish.render_html`. A logo is
a local image, checked by its content (PNG, JPEG, GIF or WebP; SVG is refused, because an
SVG file can carry scripts and links) and its size, and embedded in the page as a ``data:``
URL: the page's Content Security Policy then allows ``data:`` images and nothing else. A
body's own style sheet is added after the page's, inside the page (its hash in the policy),
so it can restyle anything and load nothing.
"""

from __future__ import annotations

import base64
import os
import re

from attrs import frozen

from pcc_priorities.exceptions import PageAssetError
from pcc_priorities.files import read_input
from pcc_priorities.model.statement import EditionRecord

__all__ = [
    "MAX_LOGO_BYTES",
    "MAX_STYLESHEET_BYTES",
    "Download",
    "Logo",
    "PageOptions",
    "check_logo",
    "check_stylesheet",
    "read_logo",
    "read_stylesheet",
]

#: The largest logo embedded (bytes of the image file): a logo is small, and the page
#: carries it in every copy.
MAX_LOGO_BYTES = 256 * 1024
#: The largest style sheet added to the page (bytes).
MAX_STYLESHEET_BYTES = 256 * 1024


def _is_webp(data: bytes) -> bool:
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"


#: Image types by their first bytes: (test, media type).
_SIGNATURES = (
    (lambda data: data.startswith(b"\x89PNG\r\n\x1a\n"), "image/png"),
    (lambda data: data.startswith(b"\xff\xd8\xff"), "image/jpeg"),
    (lambda data: data[:6] in (b"GIF87a", b"GIF89a"), "image/gif"),
    (_is_webp, "image/webp"),
)
_SVG = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!DOCTYPE svg|<svg)", re.I | re.S)


@frozen
class Logo:
    """A checked image, ready to embed.

    Attributes:
        media_type: Its type, from its content ("image/png").
        data: The image file's bytes.
    """

    media_type: str
    data: bytes

    @property
    def data_url(self) -> str:
        """The image as a ``data:`` URL."""
        return f"data:{self.media_type};base64,{base64.b64encode(self.data).decode('ascii')}"


def check_logo(data: bytes, name: str = "the logo") -> Logo:
    """Return ``data`` as a :class:`Logo` if it is an image the page may embed.

    Raises:
        PageAssetError: It is SVG, not a PNG, JPEG, GIF or WebP image, empty, or larger
            than :data:`MAX_LOGO_BYTES`.
    """
    if not data:
        raise PageAssetError(f"{name} is empty; expected a PNG, JPEG, GIF or WebP image")
    if len(data) > MAX_LOGO_BYTES:
        raise PageAssetError(
            f"{name} is {len(data):,} bytes; a logo may be at most {MAX_LOGO_BYTES:,} bytes "
            "(save it smaller, for example as a PNG 400 pixels wide)"
        )
    if _SVG.match(data[:4096]):
        raise PageAssetError(
            f"{name} is an SVG image, which can carry scripts and links; save it as PNG "
            "and use that"
        )
    for test, media_type in _SIGNATURES:
        if test(data):
            return Logo(media_type, data)
    raise PageAssetError(
        f"{name} is not a PNG, JPEG, GIF or WebP image (its content was checked, not its name)"
    )


def read_logo(path: str | os.PathLike[str]) -> Logo:
    """Read and check the image file at ``path`` (see :func:`check_logo`).

    Raises:
        FileProblemError: The file cannot be read.
        PageAssetError: It is not an image the page may embed.
    """
    return check_logo(read_input(path), os.fspath(path))


_STYLE_END = re.compile(r"</(?=style|!--)|<!--|@import", re.IGNORECASE)


def check_stylesheet(text: str, name: str = "the style sheet") -> str:
    """Return ``text`` if it can be added inside the page's ``<style>`` element.

    Raises:
        PageAssetError: It is too large, or holds ``</style``, ``<!--`` or ``@import`` (which
            would end the element, or ask for another file the page's policy refuses).
    """
    if len(text.encode("utf-8")) > MAX_STYLESHEET_BYTES:
        raise PageAssetError(f"{name} is larger than {MAX_STYLESHEET_BYTES:,} bytes")
    found = _STYLE_END.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise PageAssetError(
            f"{name}, line {line}: {found.group()!r} cannot be used in a style sheet embedded "
            "in the page; put every rule in the one file"
        )
    return text


def read_stylesheet(path: str | os.PathLike[str]) -> str:
    """Read and check the UTF-8 style sheet at ``path`` (see :func:`check_stylesheet`).

    Raises:
        FileProblemError: The file cannot be read.
        PageAssetError: It is not UTF-8, or cannot be embedded.
    """
    name = os.fspath(path)
    data = read_input(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise PageAssetError(f"{name} is not UTF-8 text (byte {error.start})") from None
    return check_stylesheet(text, name)


@frozen
class Download:
    """A file of the statement's figures written beside the page.

    Attributes:
        href: Its address from the page (its file name, when it is in the same folder).
        kind: Its format: "csv" or "ods".
    """

    href: str
    kind: str


@frozen(kw_only=True)
class PageOptions:
    """What the page carries besides the statement.

    Attributes:
        history: Earlier editions and what changed in each (oldest first), added to the
            history the statement records; ``pcc-priorities render --history`` makes them
            from ``diff``.
        downloads: Files of the figures written beside the page, linked from its footer.
        logo: The body's logo, shown above the title.
        logo_text: The logo's text alternative; by default "Logo of" and the body's name.
        stylesheet: The body's own CSS, added after the page's (HTML pages only; a fragment
            takes its styles from the embedding page).
        description: The page's meta description; by default one made from the title and
            the body's name.
    """

    history: tuple[EditionRecord, ...] = ()
    downloads: tuple[Download, ...] = ()
    logo: Logo | None = None
    logo_text: str | None = None
    stylesheet: str | None = None
    description: str | None = None
