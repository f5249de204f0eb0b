"""store wing."""
