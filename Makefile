# SCORAN 2.0 QGIS plugin — the two commands: `make demo` and `make test`.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SYS_PY := /usr/bin/python3
PLUGIN := scoran_qgis
VERSION := $(shell sed -n 's/^version=//p' $(PLUGIN)/metadata.txt)
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
DEMO := sample_project/generated/demo/manifest.json
FULL := sample_project/generated/full/manifest.json
# Headless: Qt renders offscreen, no display needed.
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help setup demo test test-unit test-debian13 lint format sample sample-full bench bench-national package install uninstall i18n doc clean

help:
	@echo "make demo         installe ce qui manque, construit le projet exemple et lance la chaîne SCORAN"
	@echo "make test         installe ce qui manque et lance les tests (vrai QGIS, sans affichage)"
	@echo "make sample       génère les données exemple (taille demo) et le projet QGIS"
	@echo "make sample-full  génère la région complète (~1,1 M immeubles) pour les mesures de performance"
	@echo "make bench        mesure la chaîne de l'extension contre la chaîne d'algorithmes natifs QGIS"
	@echo "make bench-national mesure l'import ARCEP et les zones blanches sur PostGIS à l'échelle nationale (5 régions, ~5,4 M immeubles, 2 cœurs)"
	@echo "make test-debian13 lance les tests sous Debian 13 (QGIS 3.40), dans une racine debootstrap en cache"
	@echo "make lint         vérifie le code (ruff)"
	@echo "make package      construit dist/$(PLUGIN)-$(VERSION).zip (format plugins.qgis.org)"
	@echo "make install      lie l'extension dans le profil QGIS ($(QGIS_PROFILE))"
	@echo "make i18n         met à jour les traductions (.ts) et les compile (.qm)"
	@echo "make doc          tableaux des paramètres du guide (docs/guide) et aide hors ligne de l'extension"

setup: $(VENV)/.installed

$(VENV)/.installed: scripts/setup.sh requirements-dev.txt
	scripts/setup.sh
	@touch $@

# regenerated when the generator changes (a new sample file must never be missing from an old sample)
$(DEMO): sample_project/generate.py $(wildcard sample_project/synth/*.py) | setup
	$(SYS_PY) sample_project/generate.py --size demo

sample_project/scoran_bfc.qgz: $(DEMO) sample_project/build_project.py
	$(PY) sample_project/build_project.py --size demo

sample: sample_project/scoran_bfc.qgz

$(FULL): | setup
	$(SYS_PY) sample_project/generate.py --size full

sample-full: $(FULL)

# Plugin chain against the native-QGIS chain on 110 k, 330 k and 1.1 M buildings (long: the native
# chain is slow); writes docs/benchmarks.md.
bench: setup sample $(FULL)
	$(PY) scripts/bench.py
	xvfb-run -a $(PY) scripts/bench_register.py --markdown >> docs/benchmarks.md

# National run on PostGIS (issue 14): 5 synthetic regions (~5.4 M buildings, ~23 M eligibility rows) loaded
# by core/mci_postgis.py into a throw-away cluster, the full region on GeoPackage and on PostGIS side by side;
# writes its section of docs/benchmarks.md. Options: make bench-national BENCH_NATIONAL="--regions 6 --keep".
bench-national: setup sample $(FULL)
	$(PY) scripts/bench_national.py $(BENCH_NATIONAL)

demo: setup sample
	$(PY) scripts/demo.py

test: setup
	$(PY) -m pytest

test-unit: setup
	$(PY) -m pytest tests/unit

# The whole suite on Debian 13 / QGIS 3.40 from a Debian 12 machine (root: debootstrap + chroot).
test-debian13:
	scripts/test_debian13.sh

lint: setup
	$(VENV)/bin/ruff check $(PLUGIN) sample_project tests scripts

format: setup
	$(VENV)/bin/ruff format $(PLUGIN) sample_project tests scripts

package: i18n
	$(SYS_PY) scripts/package.py dist/$(PLUGIN)-$(VERSION).zip
	@echo "dist/$(PLUGIN)-$(VERSION).zip"

install:
	mkdir -p $(QGIS_PROFILE)/python/plugins
	ln -sfn $(CURDIR)/$(PLUGIN) $(QGIS_PROFILE)/python/plugins/$(PLUGIN)
	@echo "Lien créé : $(QGIS_PROFILE)/python/plugins/$(PLUGIN) — activez « SCORAN 2.0 » dans Extensions > Installer/Gérer les extensions."

uninstall:
	rm -f $(QGIS_PROFILE)/python/plugins/$(PLUGIN)

# User guide: parameter tables from the provider into docs/guide/*.md, pages rendered to the plugin's
# offline help (scoran_qgis/resources/help/, committed; tests/qgis/test_guide.py checks it is current).
doc: setup
	$(PY) scripts/doc_parameters.py

# Source strings are French; other languages live in resources/i18n/scoran_qgis_<lang>.ts (updated from
# the code by scripts/i18n.py, which follows the plugin's tr() helpers) and are compiled to .qm by lrelease.
i18n:
	$(SYS_PY) scripts/i18n.py

clean:
	rm -rf dist out .pytest_cache sample_project/scoran_bfc.qgz sample_project/scoran_bfc.gpkg
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
