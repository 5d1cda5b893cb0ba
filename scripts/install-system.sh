#!/usr/bin/env bash
# Install the Debian packages the tests need: PostgreSQL, Chromium and CJK fonts.
set -euo pipefail
needed=()
command -v /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || needed+=(postgresql)
[ -x /usr/bin/chromium ] || needed+=(chromium)
fc-list 2>/dev/null | grep -qi 'noto sans cjk' || needed+=(fonts-noto-cjk)
if [ ${#needed[@]} -gt 0 ]; then
  echo "Installing ${needed[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needed[@]}" >/dev/null
fi
