"""Territories: reference geography, Territoires d'industrie, clusters, search."""
