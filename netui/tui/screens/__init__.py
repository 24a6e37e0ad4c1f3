"""Screens and dialogs of the netui app."""
