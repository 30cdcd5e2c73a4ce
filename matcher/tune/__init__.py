"""Tuning keyword profiles with confidence: pure code over scored runs.

- `diff`: the pairs that enter or leave a fiche's top N or cross the digest threshold between two runs;
- `attribution`: why a pair moved (a profile term, an exclusion, a synonym, a weight, a threshold);
- `explain`: the full computation of one pair, read from the run that scored it;
- `lint`: warnings about profiles (unused or duplicated terms, terms shadowed by a synonym…).
"""
