"""Fitting the weights the pipeline loads from models/ (needs the dev extra: scikit-learn)."""
