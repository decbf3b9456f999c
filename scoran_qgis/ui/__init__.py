"""Dock widgets, dialogs and the settings page."""
