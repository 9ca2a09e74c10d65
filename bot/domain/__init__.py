"""The pure core: values in, values out.

Nothing here performs I/O, reads the clock or imports Discord or a database
driver, so every rule can be tested with plain values.
"""
