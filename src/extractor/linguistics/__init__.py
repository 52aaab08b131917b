"""Linguistic helpers the components share: parse questions (syntax), numbers, credits,
the public-figure list, titles and roles, descriptions of people, and the evidence that a
name is a person. None of them is a pipeline component."""
