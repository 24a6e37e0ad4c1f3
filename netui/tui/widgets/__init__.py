"""Reusable widgets of the netui app."""
