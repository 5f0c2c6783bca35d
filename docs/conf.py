"""Sphinx configuration: build with `sphinx-build -W -b html docs docs/_build/html`."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))
sys.path.insert(0, str(HERE.parent / "src"))

import pcc_priorities  # noqa: E402

project = "pcc-priorities"
author = "pcc-priorities contributors"
copyright = "pcc-priorities contributors"
release = pcc_priorities.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "pcc_docs",
    "pcc_refs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
language = "en"

# Markdown (MyST): heading anchors for links such as formats.md#versions.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The API reference, from the docstrings (Google style, with Attributes: sections).
autodoc_default_options = {"members": True, "show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_class_signature = "separated"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_attr_annotations = True

html_theme = "alabaster"
html_title = f"pcc-priorities {release}"
html_static_path: list[str] = []
html_extra_path = ["statement.schema.json"]
