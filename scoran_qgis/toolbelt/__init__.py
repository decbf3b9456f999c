"""Small services shared by the GUI parts: logging, settings."""
