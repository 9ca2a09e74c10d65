"""Data in and out: the import formats and readers, and the export format."""
