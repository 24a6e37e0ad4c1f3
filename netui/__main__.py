"""Allow ``python -m netui``."""

from netui.cli import main

if __name__ == "__main__":
    main()
