#!/usr/bin/env bash
# Idempotent install of the Debian packages the interop harness needs.
# Installs only what is missing; runs `apt-get update` only when something is.
# Usage: tests/interop/support/install-deps.sh   (as root, or with sudo available)
set -euo pipefail

PKGS=(kamailio kamailio-websocket-modules kamailio-tls-modules
      rtpengine-daemon rtpengine-utils sip-tester baresip-core
      sox tcpdump iproute2 openssl)
# chromium is needed by the browser tests; install it too unless told not to.
if [[ "${INTEROP_SKIP_CHROMIUM:-0}" != "1" ]]; then PKGS+=(chromium); fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "interop deps: all ${#PKGS[@]} packages already installed"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "interop deps: missing ${missing[*]} and not root (no sudo)" >&2; exit 1; fi
fi

echo "interop deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Do not let package postinst scripts start system daemons (kamailio/rtpengine
# services would grab ports and run outside the harness).
policy_added=0
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
  $SUDO chmod +x /usr/sbin/policy-rc.d
  policy_added=1
fi
cleanup() { if [[ $policy_added -eq 1 ]]; then $SUDO rm -f /usr/sbin/policy-rc.d; fi; }
trap cleanup EXIT

$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "interop deps: done"
