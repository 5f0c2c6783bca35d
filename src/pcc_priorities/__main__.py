"""``python -m pcc_priorities``: the command line."""

from __future__ import annotations

import sys

from pcc_priorities.cli import main

if __name__ == "__main__":
    sys.exit(main())
