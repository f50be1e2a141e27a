"""The version of vnplan, written into every record (`extractor_version`)."""

__version__ = "0.1.0"
