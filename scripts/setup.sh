#!/usr/bin/env bash
# Everything Netns Lab needs on a fresh Debian or Ubuntu machine, skipping what is already there:
# Debian packages (iproute2 and friends), the project's npm packages, and the offline VS Code host
# (code-server under its own Node, driven by Chromium) used by `npm start` and the editor tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { printf '[setup] %s\n' "$*"; }
fail() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

# iproute2: ip; iputils-ping: the tutorials' checks; util-linux: setsid, nsenter; procps: kill, ps.
# openssh-client: SSH targets; openssh-server: the test sshd on 127.0.0.1; inotify-tools: following /run/netns on SSH targets;
# sudo: the tests log in over SSH as non-root users that get root through sudo; tcpdump: packet capture.
debian_packages=(iproute2 iputils-ping util-linux procps openssh-client openssh-server inotify-tools sudo tcpdump)

# shellcheck source=lib/debian-packages.sh
source scripts/lib/debian-packages.sh

install_npm_packages() {
  # npm ci only when the lock file changed since the last install here (CI's fresh clone always installs).
  local stamp=node_modules/.netns-lab-lock-sha
  local wanted
  wanted=$(sha256sum package-lock.json | cut -d' ' -f1)
  [[ -f $stamp && $(cat "$stamp") == "$wanted" ]] && return
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund >/dev/null || fail "npm ci failed"
  echo "$wanted" >"$stamp"
}

command -v node >/dev/null || fail "Node.js 20 or newer is needed (apt-get install nodejs npm)"
install_missing_debian_packages "${debian_packages[@]}"
install_npm_packages
bash scripts/vscode-host/setup.sh
say "ready"
