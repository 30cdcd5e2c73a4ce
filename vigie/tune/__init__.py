"""`vigie tune` shell: references of the matching configuration, and the runs that diff, explain and try."""
