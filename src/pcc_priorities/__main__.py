"""``python -m pcc_priorities``: the command line."""

from __future__ import annotations

from pcc_priorities.cli.app import run

if __name__ == "__main__":
    run()
