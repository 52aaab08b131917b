"""Scripts that refit the weights kept in `models/` from the gold files (training time only)."""
