"""Pure rules of the netui method: no I/O, no Textual, no SQLAlchemy."""
