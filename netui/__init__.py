"""netui: a keyboard-driven terminal app for getting back in touch with the people who can help."""

__version__ = "0.1.0"
