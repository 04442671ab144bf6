#!/usr/bin/env bash
# Installs Debian's chromium for the browser test of the HTML report (test/e2e),
# only when it is missing, so repeated CI runs stay fast.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends chromium
