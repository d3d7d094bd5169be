#!/usr/bin/env bash
# Run a command inside a private network namespace that has only `lo`, so
# nothing the interop suite starts (Kamailio, rtpengine, sipp, baresip,
# Chromium) can reach or be reached from any other interface.
#
#   tests/interop/support/netns.sh -- node --test tests/interop/harness.test.mjs
#   tests/interop/support/netns.sh --check     # prints the mode, exit 0 if a netns is possible
#
# Order of attempts: already isolated (only lo) -> `unshare -n` (root or
# CAP_SYS_ADMIN) -> `unshare -rn` (unprivileged user namespace). If none is
# permitted, it logs a clear line and runs the command on the host network
# (every daemon of the harness binds 127.0.0.1 only anyway).
# Set INTEROP_NETNS=0 to skip the namespace on purpose.
set -euo pipefail

check_only=0
if [[ "${1:-}" == "--check" ]]; then check_only=1; shift; fi
if [[ "${1:-}" == "--" ]]; then shift; fi

# /proc/net/dev follows the current network namespace (/sys/class/net may not)
only_lo() { [[ "$(tail -n +3 /proc/net/dev 2>/dev/null | cut -d: -f1 | tr -d ' ' | tr '\n' ' ')" == "lo " ]]; }

mode=""
if only_lo; then
  mode="already-isolated"
elif [[ "${INTEROP_NETNS:-1}" == "0" ]]; then
  mode="disabled"
elif unshare -n true 2>/dev/null; then
  mode="unshare-n"
elif unshare -rn true 2>/dev/null; then
  mode="unshare-rn"
else
  mode="host"
fi

if [[ $check_only -eq 1 ]]; then
  echo "netns: $mode"
  [[ "$mode" == "host" || "$mode" == "disabled" ]] && exit 1 || exit 0
fi

if [[ $# -eq 0 ]]; then echo "usage: $0 [--check] [--] command [args...]" >&2; exit 2; fi

case "$mode" in
  already-isolated)
    echo "netns: already in a loopback-only network namespace" >&2
    exec "$@" ;;
  unshare-n)
    echo "netns: running in a private network namespace (unshare -n, lo only)" >&2
    exec unshare -n -- sh -c 'ip link set lo up && exec "$@"' sh "$@" ;;
  unshare-rn)
    echo "netns: running in a private network namespace (unshare -rn, lo only)" >&2
    exec unshare -rn -- sh -c 'ip link set lo up && exec "$@"' sh "$@" ;;
  disabled)
    echo "netns: INTEROP_NETNS=0 - running on the host network (daemons bind 127.0.0.1 only)" >&2
    exec "$@" ;;
  *)
    echo "netns: private network namespaces are not permitted here - FALLING BACK to the host network (daemons bind 127.0.0.1 only)" >&2
    exec "$@" ;;
esac
