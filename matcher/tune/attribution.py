"""Why a pair moved between two runs: profile terms found or lost, exclusions firing, synonyms linking the
fiche and the call, weights, thresholds. Reasons are French phrases for people, most specific first."""

from __future__ import annotations

from dataclasses import dataclass

from models.config.schema import MatchingConfig

from matcher.affinity import PairProfile
from matcher.documents import Document, surface
from matcher.labels import signed
from matcher.run import ScoredRun
from matcher.tune.diff import PairState, Positions

SIGNAL_NAMES = {"lexical": "lexical", "profile": "profils", "semantic": "sémantique"}
EPSILON = 0.0005


@dataclass(frozen=True)
class ConfigChange:
    """A change of the matching settings, and which kind of pair movement it can explain."""

    kind: str
    """seuil | top | score | eligibilite."""
    text: str


def config_changes(before: MatchingConfig, after: MatchingConfig) -> list[ConfigChange]:
    """Every setting of [matching] that changed and that moves pairs."""
    found = []
    for name in ("lexical", "profile", "semantic"):
        old, new = getattr(before.weights, name), getattr(after.weights, name)
        if old != new:
            found.append(ConfigChange("score", f"poids du signal {SIGNAL_NAMES[name]} {_n(old)} → {_n(new)}"))
    if before.threshold != after.threshold:
        found.append(ConfigChange("seuil", f"seuil {_n(before.threshold)} → {_n(after.threshold)}"))
    if before.top_n != after.top_n:
        found.append(ConfigChange("top", f"top N {before.top_n} → {after.top_n}"))
    if before.min_lead_days != after.min_lead_days:
        text = f"délai minimal avant clôture {before.min_lead_days} → {after.min_lead_days} jours"
        found.append(ConfigChange("eligibilite", text))
    if before.semantic_floor != after.semantic_floor:
        found.append(ConfigChange("score", f"plancher sémantique {_n(before.semantic_floor)} → {_n(after.semantic_floor)}"))
    if before.call_exclusion_factor != after.call_exclusion_factor:
        old, new = _n(before.call_exclusion_factor), _n(after.call_exclusion_factor)
        text = f"facteur des exclusions écrites dans l'appel {old} → {new}"
        found.append(ConfigChange("score", text))
    added, removed = set(after.stop_words) - set(before.stop_words), set(before.stop_words) - set(after.stop_words)
    if added or removed:
        parts = [f"+{w}" for w in sorted(added)] + [f"-{w}" for w in sorted(removed)]
        found.append(ConfigChange("score", "mots vides " + " ".join(parts)))
    return found


def pair_reasons(before: ScoredRun, after: ScoredRun, i: int, j: int, general: list[ConfigChange],
                 positions: tuple[Positions, Positions] | None = None) -> list[str]:
    """Why pair (i, j) moved: its own causes, then the settings that bear on the lines it crossed
    (`positions` of both runs may be passed to save recomputing them pair after pair)."""
    old, new = positions or (Positions.of(before), Positions.of(after))
    reasons = profile_causes(before, after, i, j) + synonym_causes(before, after, i, j)
    score_moved = abs(float(before.scores[i, j]) - float(after.scores[i, j])) > EPSILON
    crossed = crossed_lines(old.state(i, j), new.state(i, j))
    reasons += [c.text for c in general if c.kind in crossed or (c.kind == "score" and score_moved)]
    reasons += signal_causes(before, after, i, j)
    if not score_moved and before.ranks[i, j] != after.ranks[i, j]:
        reasons.append(f"score inchangé, d'autres appels de la fiche ont bougé (rang {_rank(before, i, j)} → "
                       f"{_rank(after, i, j)})")
    return list(dict.fromkeys(reasons))


def profile_causes(before: ScoredRun, after: ScoredRun, i: int, j: int) -> list[str]:
    """Profiles attached or detached, the fiche's affinity to a profile, its terms found or lost in the call (with
    how much they count for this fiche), weights changed, exclusions that fire or no longer fire."""
    old = {p.profile_id: p for p in before.profile_run.pair(i, j)}
    new = {p.profile_id: p for p in after.profile_run.pair(i, j)}
    reasons = [f"profil {pid} attaché à la fiche" for pid in new if pid not in old]
    reasons += [f"profil {pid} détaché de la fiche" for pid in old if pid not in new]
    for pid in (p for p in new if p in old):
        reasons += _affinity_causes(before, after, i, pid) + _term_causes(old[pid], new[pid])
        old_excl, new_excl = set(old[pid].exclusions), set(new[pid].exclusions)
        reasons += [f"exclusion « {t} » du profil {pid} se déclenche" for t in sorted(new_excl - old_excl)]
        reasons += [f"exclusion « {t} » du profil {pid} ne se déclenche plus" for t in sorted(old_excl - new_excl)]
    return reasons


def _affinity_causes(before: ScoredRun, after: ScoredRun, i: int, pid: str) -> list[str]:
    """The profile's terms found or lost in the fiche's own text, and the affinity they make."""
    old = {t for t, _ in before.profile_run.fiches[pid][i].terms}
    new = {t for t, _ in after.profile_run.fiches[pid][i].terms}
    reasons = [f"terme du profil {pid} trouvé dans la fiche : « {t} »" for t in sorted(new - old)]
    reasons += [f"terme du profil {pid} perdu dans la fiche : « {t} »" for t in sorted(old - new)]
    a, b = before.profile_run.affinity(i, pid), after.profile_run.affinity(i, pid)
    if abs(a - b) > EPSILON:
        reasons.append(f"affinité de la fiche au profil {pid} {_n(a, 2)} → {_n(b, 2)}")
    return reasons


def _term_causes(old: PairProfile, new: PairProfile) -> list[str]:
    """Terms of one profile found, lost or reweighted in the call."""
    pid, reasons = new.profile_id, []
    old_terms, new_terms = dict(old.shared + old.call_only), dict(new.shared + new.call_only)
    for term, weight in new_terms.items():
        if term not in old_terms:
            reasons.append(f"nouveau terme du profil {pid} trouvé : « {term} » ({signed(weight)}{_counted(new, term)})")
        elif old_terms[term] != weight:
            reasons.append(f"poids de « {term} » (profil {pid}) {_n(old_terms[term])} → {_n(weight)}")
    reasons += [f"terme du profil {pid} perdu : « {t} » ({signed(-w)}{_counted(old, t)})" for t, w in old_terms.items()
                if t not in new_terms]
    return reasons


def _counted(part: PairProfile, term: str) -> str:
    """How much a call's term counts for the fiche, when not in full: shared terms and named profiles count
    in full, the call's other terms × the fiche's affinity."""
    if part.affinity >= 1 or term in dict(part.shared):
        return ""
    return f", compté à {round(100 * part.affinity)} %" if part.affinity > 0 else ", ne compte pas pour cette fiche"


def synonym_causes(before: ScoredRun, after: ScoredRun, i: int, j: int) -> list[str]:
    """Synonym expansions gained or lost by the call or the fiche that link the two texts."""
    reasons = []
    for label, old_doc, new_doc, other in (
        ("l'appel", before.corpus.calls[j], after.corpus.calls[j], after.corpus.fiches[i]),
        ("la fiche", before.corpus.fiches[i], after.corpus.fiches[i], after.corpus.calls[j]),
    ):
        old, new = expansions(old_doc), expansions(new_doc)
        for text, origin in new.items():
            if text not in old and _links(new_doc, text, other):
                reasons.append(f"synonyme « {text} » ajouté à {label} (via « {origin} »)")
        reasons += [f"synonyme « {t} » retiré de {label} (via « {o} »)" for t, o in old.items() if t not in new]
    return reasons


def signal_causes(before: ScoredRun, after: ScoredRun, i: int, j: int) -> list[str]:
    """Signals whose value moved: "signal profils 0,333 → 0,500"."""
    reasons = []
    for name, label in SIGNAL_NAMES.items():
        old, new = _signal(before, name, i, j), _signal(after, name, i, j)
        if old is not None and new is not None and abs(old - new) > EPSILON:
            reasons.append(f"signal {label} {_n(old, 3)} → {_n(new, 3)}")
    return reasons


def expansions(doc: Document) -> dict[str, str]:
    """Synonym texts a document gained → the term found in it that brought each one in."""
    return {surface(f.tokens): f.origin.text for f in doc.fields if f.name == "synonymes" and f.origin}


def _links(doc: Document, text: str, other: Document) -> bool:
    """Whether an expansion shares a content key with the other text of the pair."""
    field = next(f for f in doc.fields if f.name == "synonymes" and surface(f.tokens) == text)
    return any(doc.is_content(t) and t.key in other.bag for t in field.tokens)


def _signal(run: ScoredRun, name: str, i: int, j: int) -> float | None:
    signals = run.signals
    if name == "profile":
        return float(signals.profile[i, j]) if signals.has_profile[i] else None
    array = getattr(signals, name)
    return None if array is None else float(array[i, j])


def crossed_lines(a: PairState, b: PairState) -> set[str]:
    """Which lines a pair crossed: eligibilite, top (the fiche's top N), seuil (the threshold)."""
    kinds = {"eligibilite"} if a.eligible != b.eligible else set()
    if a.in_top != b.in_top:
        kinds.add("top")
    if a.above != b.above:
        kinds.add("seuil")
    return kinds


def _rank(run: ScoredRun, i: int, j: int) -> str:
    return str(int(run.ranks[i, j]) or "—")


def _n(value: float, digits: int = 4) -> str:
    """A French decimal without trailing zeros: 0,25."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
