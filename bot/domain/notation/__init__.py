"""Log notation: the text lifters type, read into entries and echoed back."""
