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
# sudo: the tests log in over SSH as non-root users that get root through sudo.
debian_packages=(iproute2 iputils-ping util-linux procps openssh-client openssh-server inotify-tools sudo)

install_debian_packages() {
  local missing=()
  for package in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || fail "missing Debian packages (${missing[*]}); as root run: apt-get install ${missing[*]}"
    sudo=(sudo)
  fi
  say "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq || fail "apt-get update failed"
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
}

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
install_debian_packages
install_npm_packages
bash scripts/vscode-host/setup.sh
say "ready"
