"""Analysis on the store: filter state and its URL codec, queries, metrics, class breaks,
funding gaps."""
