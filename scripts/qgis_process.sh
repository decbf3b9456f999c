#!/usr/bin/env bash
# Run qgis_process with the SCORAN plugin enabled, in a throw-away profile (headless).
# Debian 12's /usr/bin/qgis_process wrapper passes --noversioncheck, which qgis_process rejects:
# call the real binary when it exists.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN=/usr/bin/qgis_process.bin
[ -x "$BIN" ] || BIN="$(command -v qgis_process)"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export QGIS_CUSTOM_CONFIG_PATH="${QGIS_CUSTOM_CONFIG_PATH:-$(mktemp -d)}"
PLUGINS="$QGIS_CUSTOM_CONFIG_PATH/profiles/default/python/plugins"
mkdir -p "$PLUGINS"
ln -sfn "$ROOT/scoran_qgis" "$PLUGINS/scoran_qgis"
"$BIN" plugins enable scoran_qgis >/dev/null 2>&1 || true
exec "$BIN" "$@"
