#!/usr/bin/env bash
# Install what `make demo` and `make test` need on Debian 12 (QGIS 3.22) or Debian 13 (QGIS 3.40):
# QGIS and its Python from apt when missing, then a venv with the system site packages and the
# pinned Python tools. Idempotent: re-running installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(qgis python3-qgis qgis-providers python3-gdal python3-pandas python3-numpy python3-scipy python3-openpyxl
              python3-matplotlib python3-pytest python3-pytestqt python3-venv python3-pip poppler-utils xvfb xauth
              libreoffice-calc-nogui libreoffice-writer-nogui python3-odf fonts-dejavu-core qttools5-dev-tools
              python3-psycopg2 postgresql-postgis)
# postgresql-postgis: Debian's PostGIS for its default PostgreSQL (Debian 12: 15 + PostGIS 3.3, Debian 13: 17 +
# PostGIS 3.5). The PostGIS tests start a throw-away cluster of their own (tests/pg_server.py); the packages'
# default cluster is not needed and is not started.

missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> apt : installation de ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # No recommends and no GRASS plugin: QGIS in ~3 minutes instead of a desktop's worth of packages.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" qgis-plugin-grass- >/dev/null
fi

QGIS_VERSION=$(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION_INT)')
if [ ! -x .venv/bin/python ]; then
  echo "==> venv .venv (paquets système visibles : qgis, pandas, openpyxl)"
  /usr/bin/python3 -m venv --system-site-packages .venv
fi
# pytest-qgis 3.0+ declares QGIS >= 3.34; 2.1.0 is the last one that runs on 3.22.
if [ "$QGIS_VERSION" -lt 33400 ]; then PYTEST_QGIS="pytest-qgis==2.1.0"; else PYTEST_QGIS="pytest-qgis==5.0.2"; fi
wanted="$PYTEST_QGIS $(grep -v '^#' requirements-dev.txt | xargs)"
if [ "$(cat .venv/.installed 2>/dev/null)" != "$wanted" ]; then
  echo "==> pip : $wanted"
  .venv/bin/pip install -q --disable-pip-version-check $wanted
  echo "$wanted" > .venv/.installed
fi
echo "==> prêt : QGIS $(/usr/bin/python3 -c 'from qgis.core import Qgis; print(Qgis.QGIS_VERSION)'), venv .venv"
