"""I/O and batching, apart from the linguistics: files in, files out, and where the work runs.

`reading` turns an article's bytes into text, `writing` writes outputs atomically, `run` finds
the articles and runs a batch, `engines/` run the per-article work locally or on Dask, and
`library` is the public call (`extractor.extract_batch`). Nothing here imports a component.
"""
