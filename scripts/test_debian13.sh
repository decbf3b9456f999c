#!/usr/bin/env bash
# `make test-debian13`: the whole test suite on Debian 13 (QGIS 3.40, Python 3.13, pandas 2, numpy 2)
# from a Debian 12 machine. A Debian 13 root is built once with debootstrap from Debian's packages
# and cached (DEBIAN13_ROOT, default ~/.cache/scoran/debian13); the project's files are copied in
# and the project's own set-up (scripts/setup.sh, via make) installs QGIS 3.40 there, then
# `make lint test` runs inside. On a Debian 13 machine this is just `make test`. Needs root
# (debootstrap, chroot, mount): run as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

if grep -q '^13' /etc/debian_version 2>/dev/null; then
  exec make test
fi
START=$SECONDS
ROOT=${DEBIAN13_ROOT:-$HOME/.cache/scoran/debian13}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

if [ ! -f "$ROOT/.scoran-root-ready" ]; then
  if ! command -v debootstrap >/dev/null; then
    echo "==> apt : debootstrap"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
  fi
  echo "==> racine Debian 13 : $ROOT (debootstrap, ~1 min)"
  $SUDO rm -rf "$ROOT"
  mkdir -p "$(dirname "$ROOT")"
  $SUDO debootstrap --variant=minbase trixie "$ROOT" "$MIRROR" >/dev/null
  $SUDO touch "$ROOT/.scoran-root-ready"
  echo "==> racine Debian 13 prête en $((SECONDS - START)) s"
fi

# what the machine trusts and how it reaches the registries (certificates, pip index, DNS); the
# certificates under a name of their own: Debian's ca-certificates rewrites its bundle when installed
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  $SUDO cp -L /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/scoran-host-ca.crt"
fi
for file in /etc/pip.conf /etc/resolv.conf; do
  if [ -f "$file" ]; then
    $SUDO mkdir -p "$ROOT$(dirname "$file")"
    $SUDO cp -L "$file" "$ROOT$file"
  fi
done
if [ -d /etc/xdg/pip ]; then
  $SUDO mkdir -p "$ROOT/etc/xdg" && $SUDO cp -rL /etc/xdg/pip "$ROOT/etc/xdg/"
fi

# the project's files (tracked and new, not ignored: no venv, no generated samples)
WORK="$ROOT/work/scoran"
$SUDO rm -rf "$WORK"
$SUDO mkdir -p "$WORK"
git ls-files -z --cached --others --exclude-standard | $SUDO tar --null -T - -cf - | $SUDO tar -xf - -C "$WORK"

cleanup() {
  $SUDO umount "$ROOT/proc" 2>/dev/null || true
  $SUDO umount "$ROOT/dev/shm" 2>/dev/null || true
}
trap cleanup EXIT
$SUDO mount -t proc proc "$ROOT/proc"
$SUDO mkdir -p "$ROOT/dev/shm"
$SUDO mount -t tmpfs tmpfs "$ROOT/dev/shm"  # multiprocessing's semaphores

$SUDO chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
  DEBIAN_FRONTEND=noninteractive QT_QPA_PLATFORM=offscreen CI="${CI:-}" \
  PIP_CERT=/etc/scoran-host-ca.crt SSL_CERT_FILE=/etc/scoran-host-ca.crt REQUESTS_CA_BUNDLE=/etc/scoran-host-ca.crt \
  PIP_DEFAULT_TIMEOUT="${PIP_DEFAULT_TIMEOUT:-60}" /bin/bash -euo pipefail -c '
    if ! command -v make >/dev/null; then
      apt-get update -qq && apt-get install -y -qq --no-install-recommends make git ca-certificates >/dev/null
    fi
    cd /work/scoran
    echo "==> Debian $(cat /etc/debian_version) : make setup lint test"
    SECONDS=0
    make setup
    echo "==> installation (QGIS, venv) : $SECONDS s"
    SECONDS=0
    make lint test
    echo "==> lint et tests : $SECONDS s"'
echo "==> make test-debian13 : $((SECONDS - START)) s en tout"
