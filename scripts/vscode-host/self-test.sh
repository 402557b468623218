#!/usr/bin/env bash
# The harness's own self-test: a passing suite must exit 0 and a failing suite must exit non-zero
# when run in the real VS Code host by run-tests.mjs. Run scripts/vscode-host/setup.sh first.
set -uo pipefail

script_folder="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repository="$(cd "$script_folder/../.." && pwd)"
smoke="$repository/test/host-smoke"
artifacts="${NETNS_LAB_ARTIFACTS:-$repository/test-artifacts}/vscode-host-self-test"
workspace="$(mktemp -d "${TMPDIR:-/tmp}/netns-lab-self-test-workspace-XXXXXX")"
trap 'rm -rf "$workspace"' EXIT

passed=0
failed=0
failures=()

# Runs one suite; $2 is "zero" or "non-zero", the exit status it must end with.
check_suite() {
  local suite="$1" expected="$2" status
  echo "=== $suite (expects exit $expected)"
  node "$script_folder/run-tests.mjs" --extension "$smoke" --tests "$smoke/$suite" --workspace "$workspace" \
    --artifacts "$artifacts/${suite%.cjs}" --timeout 180 --env NETNS_LAB_HOST_SMOKE=1
  status=$?
  if [[ ( $expected == zero && $status -eq 0 ) || ( $expected == non-zero && $status -ne 0 ) ]]; then
    echo "=== $suite: ok (exit $status)"
    passed=$((passed + 1))
  else
    echo "=== $suite: FAILED (exit $status, expected $expected)"
    failed=$((failed + 1))
    failures+=("$suite exited $status, expected $expected")
  fi
}

check_suite suite.cjs zero
check_suite suite-failing.cjs non-zero

echo "$passed passed, $failed failed"
for failure in "${failures[@]}"; do
  echo "  - $failure"
done
[[ $failed -eq 0 ]]
