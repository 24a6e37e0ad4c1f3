"""The main screen's panes: Contacts, Today and Script, each owning its keys."""
