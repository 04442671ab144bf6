#!/usr/bin/env bash
# Installs the terminal tools the tests drive, only when missing: tmux, for the
# pseudo-terminal test of `winback worksheet` (test/commands/worksheet-tty.test.ts).
set -euo pipefail
if command -v tmux >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends tmux
