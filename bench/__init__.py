"""figcheck's benchmark: a corpus generator and the measuring script."""
