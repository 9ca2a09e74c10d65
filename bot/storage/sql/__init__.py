"""The storage contract written once in SQL, one module per area."""
