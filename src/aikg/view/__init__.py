"""view wing."""
