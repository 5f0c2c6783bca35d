"""The ``pcc-priorities`` command line.

Argument parsing, reading inputs, writing outputs and exit codes. Every command is a library
call a script can make too.

May import anything; nothing imports it.
"""

from typing import TYPE_CHECKING

from pcc_priorities._lazy import lazy_names

if TYPE_CHECKING:
    from pcc_priorities.cli.app import main
    from pcc_priorities.cli.console import EXIT_BUG, EXIT_FINDINGS, EXIT_INVALID, EXIT_OK

_LAZY = {
    "EXIT_BUG": "pcc_priorities.cli.console",
    "EXIT_FINDINGS": "pcc_priorities.cli.console",
    "EXIT_INVALID": "pcc_priorities.cli.console",
    "EXIT_OK": "pcc_priorities.cli.console",
    "main": "pcc_priorities.cli.app",
}

__all__ = [
    "EXIT_BUG",
    "EXIT_FINDINGS",
    "EXIT_INVALID",
    "EXIT_OK",
    "main",
]

__getattr__, __dir__ = lazy_names(__name__, _LAZY, __all__)
