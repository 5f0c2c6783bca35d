"""Cross-references to the everyday names resolve to where the API reference documents them.

Docstrings say ``pcc_priorities.Statement`` (the name a script uses); the API reference
documents the class in its subpackage, ``pcc_priorities.model.Statement``. This hook tries
the subpackages in turn for a reference Sphinx could not resolve.
"""

from __future__ import annotations

from typing import Any

SUBPACKAGES = (
    "model",
    "periods",
    "exceptions",
    "reference",
    "formats",
    "checks",
    "figures",
    "tables",
    "publish",
    "editions",
)


def _resolve(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("pcc_priorities."):
        return None
    rest = target.removeprefix("pcc_priorities.")
    if rest.split(".")[0] in SUBPACKAGES:
        return None
    domain = env.get_domain("py")
    for package in SUBPACKAGES:
        node["reftarget"] = f"pcc_priorities.{package}.{rest}"
        found = domain.resolve_xref(
            env, node["refdoc"], app.builder, node["reftype"], node["reftarget"], node, contnode
        )
        if found is not None:
            return found
    node["reftarget"] = target
    return None


def setup(app: Any) -> dict[str, Any]:
    """Register the hook."""
    app.connect("missing-reference", _resolve)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
