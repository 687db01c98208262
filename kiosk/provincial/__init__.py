"""The provincial one-stop system's exports, read into plain records (no database here)."""
