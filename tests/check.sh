# Sourced by the shell tests: a scratch directory removed on exit, and check NAME CONDITION...,
# which prints ok or FAIL for one condition and remembers a failure in $fail.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() {
  local name="$1"; shift
  if "$@"; then echo "ok   $name"; else echo "FAIL $name"; fail=1; fi
}
