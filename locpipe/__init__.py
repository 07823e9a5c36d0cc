"""locpipe: an offline localization pipeline for film and TV subtitles and scripts."""

__version__ = "0.1.0"
