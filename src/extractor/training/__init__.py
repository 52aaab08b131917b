"""Scripts that refit the weights kept in `models/` from the gold files (training time only:
they need scikit-learn, from the dev extra)."""
