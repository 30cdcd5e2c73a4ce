"""`vigie demo`: the whole pipeline, offline, on a bundled mirror of real source structures."""
