#!/usr/bin/env bash
# Installs the system tools some tests drive, only when missing (so repeated runs stay fast):
#   tmux     – the pseudo-terminal test of `winback worksheet` (test/commands/worksheet-tty.test.ts)
#   chromium – the browser test of the HTML report (test/e2e/report-browser.test.ts)
# Both come from Debian's packages; nothing is downloaded from elsewhere.
set -euo pipefail
missing=()
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
