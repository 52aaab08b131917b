"""Quote finding and attribution logic used by the quotes component."""
