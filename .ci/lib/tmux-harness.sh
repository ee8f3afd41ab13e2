# Shared harness of the tmux end-to-end scripts (sourced, not run):
#   e2e_start NAME BUDGET_SECONDS BINARY
# checks the binary and tmux, starts a private tmux server, and defines
# pass/fail/screen/wait_for. Past BUDGET seconds every wait gives up at once,
# so a script can never hang.
e2e_start() {
  E2E_NAME="$1"; E2E_BUDGET="$2"; BIN="$3"
  case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
  [ -x "$BIN" ] || { echo "FAIL: no executable at $BIN"; exit 1; }
  command -v tmux >/dev/null || { echo "FAIL: tmux is not installed"; exit 1; }
  SESSION="ovl-$E2E_NAME-$$"
  WORK="$(mktemp -d)"
  FAILURES=0
  START=$SECONDS
  export TMUX_TMPDIR="$WORK"   # a private tmux server, never the user's
  trap 'tmux kill-server 2>/dev/null; rm -rf "$WORK"' EXIT
}

pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
screen() { tmux capture-pane -p -t "$SESSION" 2>/dev/null; }

# wait_for TEXT [SECONDS]: poll the screen until TEXT (fixed string) shows.
wait_for() {
  local text="$1" deadline=$((SECONDS + ${2:-10}))
  [ $((SECONDS - START)) -lt "$E2E_BUDGET" ] || return 1
  while [ $SECONDS -lt $deadline ]; do
    screen | grep -qF -- "$text" && return 0
    sleep 0.1
  done
  return 1
}
