"""`vigie tune` output: rich markup for the terminal (matched words highlighted) and the JSON contract."""

from __future__ import annotations

import math
from dataclasses import asdict

from rich.markup import escape

from matcher.tune.diff import ENTERS, LEAVES, PairChange
from matcher.tune.explain import Explanation, ProfileAffinity, Snippet
from vigie.tune.actions import PairExplanation, TrialRow
from vigie.tune.bench import TuneDiff

MARK = {ENTERS: "[green]+ entre[/]", LEAVES: "[red]− sort [/]"}


def fr(value: float, digits: int = 3) -> str:
    """0.4123 → "0,412"."""
    return f"{value:.{digits}f}".replace(".", ",")


def counts_line(diff: TuneDiff) -> str:
    """"2 entrent, 1 sort, 3 franchissent une seule limite, 4 fiches touchées"."""
    n = diff.counts
    return (f"{n['entre']} entre(nt), {n['sort']} sort(ent), {n['bouge']} franchi(ssent) une seule limite, "
            f"{n['fiches']} fiche(s) touchée(s)")


def diff_lines(diff: TuneDiff) -> list[str]:
    """The diff, grouped by porteur and fiche, as rich markup lines."""
    lines = [f"Comparaison : {escape(diff.reference)} → {escape(diff.current)}"]
    lines += [f"  réglage : {escape(c.text)}" for c in diff.settings]
    fiche = None
    for change in diff.changes:
        if change.fiche_id != fiche:
            fiche = change.fiche_id
            lines.append(f"[bold]{escape(change.porteur_id)} — fiche {escape(fiche)}[/]")
        lines.append(change_line(change))
        lines += [f"      · {escape(r)}" for r in change.reasons]
    if not diff.changes:
        lines.append("Aucune correspondance n'entre, ne sort ni ne franchit le seuil.")
    loading = f" (modèle de langue chargé en {fr(diff.load_seconds, 1)} s)" if diff.load_seconds >= 0.05 else ""
    lines.append(f"{counts_line(diff)} — {diff.pairs} paires comparées en {fr(diff.seconds, 1)} s{loading}.")
    return lines


def change_line(change: PairChange) -> str:
    """One pair: movement, title, score and rank before → after, lines crossed."""
    b, a = change.before, change.after
    mark = MARK.get(change.movement, "[yellow]~ limite[/]")
    ranks = f"rang {b.rank or '—'} → {a.rank or '—'}"
    crossed = ", ".join(change.crossings)
    return (f"  {mark} {escape(change.title)} ({escape(change.source)}:{escape(change.source_id)}) "
            f"score {fr(b.score, 4)} → {fr(a.score, 4)}, {ranks} ({escape(crossed)})")


def diff_json(diff: TuneDiff) -> dict:
    """The JSON contract of `vigie tune diff --format json`."""
    return {
        "reference": diff.reference, "current": diff.current, "changed": diff.changed, "counts": diff.counts,
        "settings": [c.text for c in diff.settings], "pairs": diff.pairs, "seconds": round(diff.seconds, 3),
        "load_seconds": round(diff.load_seconds, 3),
        "territories": diff.by_territory,
        "changes": [{
            "fiche_id": c.fiche_id, "porteur_id": c.porteur_id, "source": c.source, "source_id": c.source_id,
            "title": c.title, "movement": c.movement, "crossings": c.crossings, "before": asdict(c.before),
            "after": asdict(c.after), "reasons": c.reasons,
        } for c in diff.changes],
    }


def snippet(s: Snippet) -> str:
    """« … before [match] after … » with the match highlighted."""
    return f"{escape(s.field)} : « {escape(s.before)} [bold black on yellow]{escape(s.match)}[/] {escape(s.after)} »"


def explain_lines(found: PairExplanation) -> list[str]:
    """Every step of one pair's score."""
    e = found.explanation
    lines = [f"[bold]Fiche {escape(e.fiche_id)} × {escape(e.title)}[/] ({escape(e.source)}:{escape(e.source_id)})",
             "[bold]Éligibilité[/] : " + ("éligible" if e.eligible else "non éligible")]
    lines += [f"  {escape(c.criterion)} : {escape(c.verdict)} — {escape(c.detail)}" for c in e.eligibility]
    lines += ["[bold]Faits de l'appel[/] (d'où chacun vient)", *(f"  {escape(f)}" for f in e.facts or ["aucun"])]
    lines.append("[bold]Signaux[/] (valeur, poids, rang parmi les appels de la fiche)")
    lines += [f"  {s.name} : {fr(s.value)} × {s.weight:g} (rang {s.rank})" + ("" if s.active else " — inactif")
              for s in e.signals]
    active = [s for s in e.signals if s.active]
    formula = " + ".join(f"{s.weight:g} × {fr(s.value)}" for s in active)
    lines.append(f"[bold]Fusion[/] : ({formula}) / {sum(s.weight for s in active):g} = {fr(e.fused, 4)}")
    lines += _reranker_lines(e)
    lines += _calibration_lines(e)
    lines += _call_exclusion_lines(e)
    lines += _decision_lines(e)
    lines += _evidence_lines(e)
    lines += _score_lines(found)
    return lines


def _reranker_lines(e: Explanation) -> list[str]:
    if e.intercept is None:
        moved = ", déplacée par les décisions d'autres territoires" if e.decisions else ""
        calibrated = " étalonnée" if e.calibration else ""
        return [f"[bold]Modèle appris[/] : aucun en service, le score est la fusion{calibrated}{moved}."]
    lines = ["[bold]Modèle appris[/] (régression logistique : contribution au logit)"]
    lines += [f"  {escape(n)} = {fr(v)} → {'+' if x >= 0 else ''}{fr(x)}" for n, v, x in e.reranker]
    if not e.bound:
        lines.append(f"  constante {fr(e.intercept)} ; probabilité = {fr(e.score, 4)}")
        return lines
    lines.append(f"  constante {fr(e.intercept)} ; probabilité d'acceptation p = {fr(e.probability or 0.0, 4)}")
    lines.append(f"  ajustement borné : score sans modèle {fr(e.unlearnt, 4)} × (1 + {fr(e.bound)} × (p − 0,5))"
                 f" = {fr(e.unlearnt * (1 + e.bound * ((e.probability or 0.0) - 0.5)), 4)}")
    return lines


def _calibration_lines(e: Explanation) -> list[str]:
    if not e.calibration:
        return []
    parts = " ".join(f"+ {escape(n)} {fr(v)} → {'+' if x >= 0 else ''}{fr(x)}" for n, v, x in e.calibration)
    logit = e.calibration_intercept + sum(x for _, _, x in e.calibration)
    # The first input is the fused score: without any evidence the pair stays at 0 (matcher.calibration).
    probability = 1 / (1 + math.exp(-logit)) if e.calibration[0][1] > 0 else 0.0
    return [f"[bold]Étalonnage[/] (contribution au logit) : constante {fr(e.calibration_intercept)} {parts} ; "
            f"probabilité de pertinence = {fr(probability, 4)}"]


def _decision_lines(e: Explanation) -> list[str]:
    if not e.decisions:
        return ["[bold]Décisions d'autres territoires[/] : aucune pour des fiches semblables"]
    lines = [f"[bold]Décisions d'autres territoires[/] : signal {'+' if e.neighbours >= 0 else ''}{fr(e.neighbours)}"
             + ("" if e.intercept is not None else f" ; score de contenu {fr(e.content, 4)} → {fr(e.score, 4)}")]
    return lines + [f"  {escape(text)}" for text in e.decisions]


def _affinity_line(a: ProfileAffinity) -> str:
    """« profil X : nommé par la fiche ou son porteur » or its affinity and the fiche's words that make it."""
    if a.named:
        return f"  profil {escape(a.profile_id)} : nommé par la fiche ou son porteur, compte en entier"
    if not a.terms:
        return f"  profil {escape(a.profile_id)} : la fiche ne cite aucun de ses termes, il ne compte pas"
    words = ", ".join(escape(t) for t in a.terms)
    return f"  profil {escape(a.profile_id)} : affinité de la fiche {fr(a.affinity)} (dans la fiche : {words})"


def _call_exclusion_lines(e: Explanation) -> list[str]:
    if not e.call_exclusions:
        return ["[bold]Exclusions écrites dans l'appel[/] : aucune ne touche la fiche"]
    lines = [f"[bold]Exclusions écrites dans l'appel[/] : score × {fr(e.exclusion_multiplier, 2)}"]
    return lines + [f"  « {escape(subject)} » — « {escape(quote)} »" for subject, quote in e.call_exclusions]


def _evidence_lines(e: Explanation) -> list[str]:
    lines = ["[bold]Profils[/]" if e.profiles else "[bold]Profils[/] : aucun terme trouvé"]
    lines += [_affinity_line(a) for a in e.affinities]
    for p in e.profiles:
        weight = f" ({'+' if p.weight >= 0 else ''}{p.weight:g})" if p.kind != "exclusion neutralisée" else ""
        lines.append(f"  {escape(p.kind)} « {escape(p.term)} »{weight} — profil {escape(p.profile_id)}")
        lines += [f"      {snippet(s)}" for s in p.snippets]
    lines.append("[bold]Synonymes[/]" if e.synonyms else "[bold]Synonymes[/] : aucun")
    for label, text, origin, places in e.synonyms:
        lines.append(f"  {label} : « {escape(text)} » ajouté (via « {escape(origin)} »)")
        lines += [f"      {snippet(s)}" for s in places]
    if e.terms:
        lines.append("[bold]Termes communs[/] (part du score BM25) : "
                     + ", ".join(f"{escape(k)} {fr(v, 2)}" for k, v in e.terms))
    return lines


def _score_lines(found: PairExplanation) -> list[str]:
    e = found.explanation
    lines = [f"[bold]Score[/] : {fr(e.score, 4)} — rang {e.rank or '—'}"]
    if found.stored is None:
        lines.append("  (paire non enregistrée : sous le seuil ou hors des meilleures de la fiche)")
    else:
        same = round(found.stored.score, 3) == round(e.score, 3)
        verdict = "identique" if same else ("différent : la configuration ou les appels ont changé depuis le dernier "
                                            "« vigie match », ou la paire a dérivé de moins de rescore_tolerance")
        lines.append(f"  score enregistré {fr(found.stored.score, 4)} ({verdict})")
    return lines


def trial_lines(rows: list[TrialRow], profile: str, fiche: str) -> list[str]:
    """The test bench: best calls with the profile attached, score without → with."""
    lines = [f"[bold]Essai du profil {escape(profile)} sur la fiche {escape(fiche)}[/] (score sans → avec)"]
    for r in rows:
        where = f"{r.rank}." if r.rank else "inéligible"
        terms = ", ".join(r.terms) or "aucun terme du profil"
        lines.append(f"  {where} {fr(r.before)} → {fr(r.after)} {escape(r.title)} ({escape(r.source)}:"
                     f"{escape(r.source_id)}) — {escape(terms)}")
    return lines
