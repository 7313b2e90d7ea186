"""One parser per article file format; each turns decoded text into :class:`Draft` records."""
