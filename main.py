"""Entry point: parse arguments, build the application, hand over (see app/cli.py)."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
