#!/usr/bin/env bash
# Sets up everything the real-VS-Code editor tests need, skipping what is already there:
# Debian's chromium (+ libkrb5-dev and pkg-config to build code-server's kerberos module),
# Node 24 from the npm registry, and code-server, in a per-user cache folder outside the clone
# (see scripts/vscode-host/paths.mjs for the layout).
# A marker file makes a second run return at once.
set -euo pipefail

script_folder="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
apt_packages=(chromium libkrb5-dev pkg-config)

# `npm run setup` exports npm's own settings (npm_config_user_agent names the Node that ran it) to every child, and
# the npm started below under Node 24 would take them as its configuration: code-server's install script reads the
# Node version from that user agent and refuses. This script needs none of them.
while read -r variable; do unset "$variable"; done < <(compgen -e | grep -E '^npm_' || true)
# For the test that checks this under npm itself: print what is left of npm's settings, and stop.
if [[ ${1:-} == --print-npm-settings ]]; then compgen -e | grep -E '^npm_' || true; exit 0; fi

say() { printf '[vscode-host setup] %s\n' "$*"; }
fail() { printf '[vscode-host setup] ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || fail "node (the machine's Node 20) is needed to run this script's helpers"
command -v npm >/dev/null || fail "npm is needed to install Node 24 and code-server from the registry"
eval "$(node "$script_folder/paths.mjs" --shell)"

if [[ -f "$SETUP_MARKER" && -x "$NODE_BINARY" && -f "$CODE_SERVER_ENTRY" && -x "$CHROMIUM_PATH" ]]; then
  say "already set up in $CACHE_FOLDER (delete $SETUP_MARKER to check again)"
  exit 0
fi

mkdir -p "$CACHE_FOLDER/logs" || fail "cannot create the cache folder $CACHE_FOLDER"
started=$SECONDS

# shellcheck source=../lib/debian-packages.sh
source "$script_folder/../lib/debian-packages.sh"

# Runs an npm install with its output in a log file; prints the log's end if it fails.
run_logged() {
  local log_file="$1"; shift
  if ! "$@" >"$log_file" 2>&1; then
    tail -n 40 "$log_file" >&2
    return 1
  fi
}

install_apt_packages() {
  install_missing_debian_packages "${apt_packages[@]}"
  [[ -x "$CHROMIUM_PATH" ]] || fail "chromium was installed but $CHROMIUM_PATH is missing"
}

install_node() {
  if [[ -x "$NODE_BINARY" && "$("$NODE_BINARY" --version 2>/dev/null)" == "v$NODE_VERSION" ]]; then
    say "Node $NODE_VERSION present: $NODE_BINARY"
    return
  fi
  say "installing Node $NODE_VERSION ($NODE_PACKAGE from the npm registry) into $NODE_PREFIX"
  rm -rf "$NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  run_logged "$CACHE_FOLDER/logs/node.log" npm install --prefix "$NODE_PREFIX" --no-save --no-package-lock \
    "$NODE_PACKAGE@$NODE_VERSION" || fail "npm install $NODE_PACKAGE@$NODE_VERSION failed (log: $CACHE_FOLDER/logs/node.log)"
  [[ "$("$NODE_BINARY" --version 2>/dev/null)" == "v$NODE_VERSION" ]] \
    || fail "$NODE_BINARY does not report v$NODE_VERSION after install"
  [[ -f "$NODE_FOLDER/include/node/node.h" ]] || fail "Node headers missing in $NODE_FOLDER/include/node"
}

install_code_server() {
  local done_file="$CODE_SERVER_PREFIX/.installed"
  if [[ -f "$done_file" && -f "$CODE_SERVER_ENTRY" ]]; then
    say "code-server $CODE_SERVER_VERSION present: $CODE_SERVER_FOLDER"
    return
  fi
  say "installing code-server $CODE_SERVER_VERSION into $CODE_SERVER_PREFIX (a few minutes, about 620 MB)"
  rm -rf "$CODE_SERVER_PREFIX"
  mkdir -p "$CODE_SERVER_PREFIX"
  local npm_cli
  npm_cli="$(readlink -f "$(command -v npm)")"
  # npm and code-server's postinstall (which runs npm again, and node-gyp) must all run under Node 24,
  # and node-gyp must build against Node 24's headers, not the machine npmrc's Node 20 ones. npm under Node 24
  # keeps a compile cache, in /tmp/node-compile-cache unless told: it goes into our cache folder instead.
  run_logged "$CACHE_FOLDER/logs/code-server.log" \
    env PATH="$(dirname "$NODE_BINARY"):$PATH" npm_config_nodedir="$NODE_FOLDER" \
    NODE_COMPILE_CACHE="$CACHE_FOLDER/node-compile-cache" \
    "$NODE_BINARY" "$npm_cli" install --prefix "$CODE_SERVER_PREFIX" --no-save --no-package-lock \
    --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
    || fail "npm install code-server@$CODE_SERVER_VERSION failed (log: $CACHE_FOLDER/logs/code-server.log)"
  check_code_server_version
  touch "$done_file"
}

# Runs code-server --version with throwaway XDG folders: even --version writes a default config (with a
# password) under ~/.config and logs under ~/.local/share otherwise.
check_code_server_version() {
  local xdg reported
  xdg="$(mktemp -d)"
  reported="$(XDG_CONFIG_HOME="$xdg/config" XDG_DATA_HOME="$xdg/data" XDG_CACHE_HOME="$xdg/cache" \
    "$NODE_BINARY" "$CODE_SERVER_ENTRY" --version 2>&1)" || true
  rm -rf "$xdg"
  grep -q "^$CODE_SERVER_VERSION " <<<"$reported" \
    || fail "code-server was installed but --version does not report $CODE_SERVER_VERSION: $reported"
}

install_apt_packages
install_node
install_code_server
date -u +%Y-%m-%dT%H:%M:%SZ >"$SETUP_MARKER"
say "done in $((SECONDS - started)) s; cache folder $CACHE_FOLDER ($(du -sh "$CACHE_FOLDER" | cut -f1))"
