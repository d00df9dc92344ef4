"""Plain helpers with no Django models: environment parsing, the data folder, runtime flags."""
