"""The letters' email policy reuses header classes and parsed values: the bytes sent are those of the standard
library's default policy, letter after letter, whatever the names and subjects hold."""

from __future__ import annotations

import email.policy
import random
from dataclasses import replace
from datetime import UTC, datetime

import pytest

import notifier.render
from models.config.schema import SenderConfig
from models.records import ContactData
from notifier import render_digest
from notifier.letter_policy import LETTER_POLICY
from test_notifier_render import SENDER, digest, entry, simple_digest

NAMES = ["Claire Dupont", "Zoë « l'Ardéchoise », O'Brien (Jr.)", "Jean-Édouard de La Tour d'Auvergne-Lauraguais " * 3]


def _letters(contents: list, sender: SenderConfig) -> list[bytes]:
    """Each letter rendered in turn (as a batch is), serialised with the same MIME boundaries."""
    out = []
    for n, content in enumerate(contents):
        rendered = render_digest(content, sender, f"digest-{n}@vigie.example.org",
                                 sent_at=datetime(2026, 11, 24, 7, n, tzinfo=UTC))
        random.seed(n)  # the boundaries are drawn at random
        out.append(rendered.message.as_bytes())
    return out


@pytest.mark.parametrize("sender", [SENDER, SenderConfig(from_name="Vigie — « Territoires », Gers")],
                         ids=["reply-to", "quoted-sender"])
def test_a_batch_of_letters_is_byte_for_byte_what_the_default_policy_writes(
        monkeypatch: pytest.MonkeyPatch, sender: SenderConfig) -> None:
    contents = [simple_digest()] + [
        replace(digest(entry("aap-1", title=f"Appel « {name} » " * 4)),
                contact=ContactData(email="a@example.org", nom=name))
        for name in NAMES]
    reused = _letters(contents, sender)
    monkeypatch.setattr(notifier.render, "LETTER_POLICY", email.policy.default)
    assert reused == _letters(contents, sender)


def test_the_letter_policy_folds_like_the_default_one() -> None:
    for attribute in ("max_line_length", "linesep", "cte_type", "utf8", "raise_on_defect"):
        assert getattr(LETTER_POLICY, attribute) == getattr(email.policy.default, attribute)
