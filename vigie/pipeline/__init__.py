"""The imperative shell around the pure stages: load from the store, call the stage, store the outcome."""
