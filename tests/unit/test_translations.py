"""Every user-visible string has an English translation that keeps its placeholders; the extractor
(scripts/i18n.py) finds the strings of every translation helper, with the right context."""

from __future__ import annotations

import importlib.util
import re
import sys
import textwrap
from collections import Counter

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("scoran_i18n", ROOT / "scripts" / "i18n.py")
i18n = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = i18n  # dataclasses look their module up
_spec.loader.exec_module(i18n)

TS = ROOT / "scoran_qgis" / "resources" / "i18n" / "scoran_qgis_en.ts"
# str.format fields ({0}, {1:,.0f}, {name}), %-style (%s, %d) and Qt's %1; HTML tags; line breaks.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+|%[sdif]|</?[a-zA-Z][^<>]*>|\n")


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))


@pytest.fixture(scope="module")
def extraction():
    return i18n.extract()


@pytest.fixture(scope="module")
def english():
    return i18n.read_ts(TS)


def test_the_code_has_only_literal_messages(extraction):
    """An f-string or a variable given to tr() cannot be translated: the extractor names each one."""
    assert extraction.errors == []
    assert len(extraction.messages) > 700


def test_every_string_has_a_finished_english_translation(extraction, english):
    missing = [(context, source) for context, sources in extraction.by_context().items() for source in sources
               if not (source in english.get(context, {}) and english[context][source].kind is None
                       and english[context][source].translation.strip())]
    assert missing == [], f"{len(missing)} string(s) without English: run `make i18n` and translate them in {TS.name}"


def test_every_translation_keeps_the_placeholders_of_its_source(english):
    changed = [(context, source, entry.translation) for context, entries in english.items()
               for source, entry in entries.items() if entry.kind is None
               and placeholders(source) != placeholders(entry.translation)]
    assert changed == []


def test_the_placeholder_check_sees_a_lost_or_renamed_field():
    assert placeholders("{0} locaux sur {1:,.0f} €\n%s <b>x</b>") == Counter(
        {"{0}": 1, "{1:,.0f}": 1, "\n": 1, "%s": 1, "<b>": 1, "</b>": 1})
    assert placeholders("{0} premises of {1}") != placeholders("{0} locaux sur {1:,.0f} €")
    assert placeholders("Phase {0} : fin {1} avant le début {2}") == placeholders("Phase {0}: end {2} before {1}.")


def test_the_translations_are_english_not_copies(english):
    """No translation is its French source left as is (accents, « : » spaced the French way)."""
    french = re.compile(r"[éèêàùçôî]| [:;?!]")
    copies = [source for entries in english.values() for source, entry in entries.items()
              if entry.kind is None and entry.translation == source and french.search(source)]
    assert copies == []


def test_the_extractor_resolves_every_kind_of_helper(tmp_path):
    package = tmp_path / "pkg"
    (package / "core").mkdir(parents=True)
    (package / "algorithms").mkdir()
    (package / "__init__.py").write_text("")
    (package / "core" / "__init__.py").write_text("")
    (package / "algorithms" / "__init__.py").write_text("")
    (package / "core" / "i18n.py").write_text(textwrap.dedent('''
        from qgis.PyQt.QtCore import QCoreApplication

        def tr(message, context="scoran"):
            return QCoreApplication.translate(context, message)
        '''))
    (package / "core" / "labels.py").write_text(textwrap.dedent('''
        from .i18n import tr

        LABELS = {"a": tr("Libellé A"), "b": tr("Autre contexte", "Ailleurs")}
        '''))
    (package / "algorithms" / "base.py").write_text(textwrap.dedent('''
        from qgis.PyQt.QtCore import QCoreApplication

        class ScoranAlgorithm:
            def tr(self, message):
                return QCoreApplication.translate("Processing", message)

        def _tr(text):
            return QCoreApplication.translate("Sorties", text)
        '''))
    (package / "algorithms" / "one.py").write_text(textwrap.dedent('''
        from qgis.PyQt.QtCore import QCoreApplication

        from ..core import labels
        from .base import ScoranAlgorithm, _tr

        class One(ScoranAlgorithm):
            def displayName(self):
                return self.tr("Nom affiché")

            def help(self, value):
                return _tr("Valeur {0}").format(value) + labels.tr("Par le module")

        def add(algorithm):
            tr = algorithm.tr
            return tr("Par un alias") + QCoreApplication.translate("Direct", "Écrit tel quel")

        def wrong(name):
            return _tr(f"Bonjour {name}")
        '''))
    extraction = i18n.extract(package)
    found = {(m.context, m.source) for m in extraction.messages}
    assert found == {("scoran", "Libellé A"), ("Ailleurs", "Autre contexte"), ("Processing", "Nom affiché"),
                     ("Sorties", "Valeur {0}"), ("scoran", "Par le module"), ("Processing", "Par un alias"),
                     ("Direct", "Écrit tel quel")}
    assert len(extraction.errors) == 1
    assert "algorithms/one.py:19" in extraction.errors[0] and "f-string" in extraction.errors[0]


def test_the_ts_file_is_updated_without_losing_translations(tmp_path):
    ts = tmp_path / "x_en.ts"
    first = i18n.Extraction([i18n.Message("ctx", "Bonjour", "a.py", 1), i18n.Message("ctx", "Adieu", "a.py", 2)])
    i18n.write_ts(ts, "en", first)
    entries = i18n.read_ts(ts)
    assert entries["ctx"]["Bonjour"].kind == entries["ctx"]["Adieu"].kind == "unfinished"
    text = ts.read_text(encoding="utf-8")
    for english in ("Hello", "Goodbye"):  # what a translator does in Qt Linguist
        text = text.replace('<translation type="unfinished" />', f"<translation>{english}</translation>", 1)
    ts.write_text(text, encoding="utf-8")

    second = i18n.Extraction([i18n.Message("ctx", "Bonjour", "a.py", 1), i18n.Message("ctx", "Merci", "b.py", 1)])
    counts = i18n.write_ts(ts, "en", second)
    entries = i18n.read_ts(ts)
    assert (entries["ctx"]["Bonjour"].translation, entries["ctx"]["Bonjour"].kind) == ("Hello", None)
    assert entries["ctx"]["Merci"].kind == "unfinished"
    assert (entries["ctx"]["Adieu"].translation, entries["ctx"]["Adieu"].kind) == ("Goodbye", "vanished")
    assert counts == {"messages": 2, "finished": 1, "unfinished": 1, "vanished": 1}

    i18n.write_ts(ts, "en", second, keep_vanished=False)
    assert set(i18n.read_ts(ts)["ctx"]) == {"Bonjour", "Merci"}
