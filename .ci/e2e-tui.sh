#!/usr/bin/env bash
# End-to-end check of the terminal UI in a real terminal (tmux):
#   bash .ci/e2e-tui.sh path/to/overlapped
# Starts `overlapped compare` in a shell inside a tmux pane, drives it with
# keys, reads the screen back, and checks that quitting (q, then Ctrl-C)
# leaves the terminal as it was. Every wait polls with a timeout.
set -u
. "$(dirname "$0")/lib/tmux-harness.sh"
e2e_start e2e 70 "${1:?usage: e2e-tui.sh BINARY}"

# wait_gone TEXT [SECONDS]: poll until TEXT is no longer on screen.
wait_gone() {
  local deadline=$((SECONDS + ${2:-10}))
  [ $((SECONDS - START)) -lt "$E2E_BUDGET" ] || return 1
  while [ $SECONDS -lt $deadline ]; do
    screen | grep -qF -- "$1" || return 0
    sleep 0.1
  done
  return 1
}

# The app's process id: the child of the pane's shell.
app_pid() { ps -o pid= --ppid "$(tmux display -p -t "$SESSION" '#{pane_pid}')" 2>/dev/null | tr -d ' ' | head -n 1; }

# CPU time (user + system clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }

# The header's step counter, e.g. "step 3" -> 3.
step_count() { screen | sed -n 's/.*step \([0-9][0-9]*\).*/\1/p' | head -n 1; }

start_app() { # [ENV=VALUE ...] to put before the command
  tmux kill-session -t "$SESSION" 2>/dev/null
  # -u: the pane speaks UTF-8 whatever this shell's locale, like a user's terminal.
  tmux -u new-session -d -s "$SESSION" -x 120 -y 40 "env -i HOME=\"$HOME\" PATH=\"$PATH\" LANG=C.UTF-8 TERM=xterm-256color SWIFT_BACKTRACE=interactive=no bash --noprofile --norc"
  wait_for '$' 5 || wait_for '#' 5
  tmux send-keys -t "$SESSION" "cd '$WORK' && stty -g > stty.before && PS1='prompt> ' && clear" Enter
  wait_for 'prompt>' 5
  rm -f "$WORK/status"
  # "AP""P-ENDED" so the marker is not on screen until the shell prints it.
  tmux send-keys -t "$SESSION" "${1:-} '$BIN' compare; echo \"exit=\$?\" > status; clear; echo AP\"\"P-ENDED" Enter
}

# check_exit EXPECTED: the app ended, with this status, and left the tty alone.
check_exit() {
  local expected="$1" label="$2"
  if wait_for 'APP-ENDED' 10; then pass "$label: the app ended"; else fail "$label: the app did not end"; return; fi
  local status; status="$(cat "$WORK/status" 2>/dev/null)"
  if [ "$status" = "exit=$expected" ]; then pass "$label: exit status $expected"; else fail "$label: expected exit=$expected, got '$status'"; fi
  tmux send-keys -t "$SESSION" "stty -g | cmp -s - stty.before && echo TTY-SAME || echo TTY-CHANGED" Enter
  if wait_for 'TTY-SAME' 5; then pass "$label: stty settings unchanged"; else fail "$label: stty settings changed"; fi
  local alt; alt="$(tmux display -p -t "$SESSION" '#{alternate_on}')"
  if [ "$alt" = "0" ]; then pass "$label: alternate screen off"; else fail "$label: alternate screen still on"; fi
  local mouse; mouse="$(tmux display -p -t "$SESSION" '#{mouse_any_flag}')"
  if [ "$mouse" = "0" ]; then pass "$label: mouse reporting off"; else fail "$label: mouse reporting still on"; fi
}

echo "== e2e-tui: $BIN"

# ---- run 1: keys, resize, help, quit with q
start_app
missing=""
for title in "Device-signaled" "Event-signaled" "Alertable I/O" "Completion port"; do
  wait_for "$title" 15 || missing="$missing '$title'"
done
if [ -z "$missing" ]; then pass "the four pane titles appear"; else fail "missing pane titles:$missing"; screen; fi

before="$(screen)"
tmux send-keys -t "$SESSION" s
if wait_for 'step 1 ' 5; then pass "s steps one event (step 1)"; else fail "s did not step"; fi
changed=0
for _ in 1 2 3 4 5 6 7 8 9 10; do
  tmux send-keys -t "$SESSION" s
  sleep 0.1
  # A thread's state line (glyph + letter + name) must change within a few steps.
  if [ "$(screen | grep -E '[XRWAT] (main|T[0-9]+|W[0-9]+)' | head -n 8)" != "$(echo "$before" | grep -E '[XRWAT] (main|T[0-9]+|W[0-9]+)' | head -n 8)" ]; then
    changed=1; break
  fi
done
if [ $changed = 1 ]; then pass "stepping changes a thread's state"; else fail "no thread changed state after stepping"; fi

steps_before="$(step_count)"
tmux send-keys -t "$SESSION" t
if wait_for "step $((steps_before + 1)) " 5; then pass "t steps one statement"; else fail "t did not step a statement"; fi
if screen | grep -qF 'RUNNING'; then fail "t started running"; fi

steps_before="$(step_count)"
tmux send-keys -t "$SESSION" p
if wait_for 'RUNNING' 5; then pass "p starts running"; else fail "p did not start running"; fi
sleep 0.5
tmux send-keys -t "$SESSION" p
if wait_gone 'RUNNING' 5; then pass "p pauses"; else fail "p did not pause"; fi
steps_after="$(step_count)"
if [ -n "$steps_before" ] && [ -n "$steps_after" ] && [ "$steps_after" -gt "$steps_before" ]; then
  pass "running advanced the simulation ($steps_before -> $steps_after steps)"
else
  screen | grep -q 'finished' && pass "running finished the simulation" || fail "running did not advance ($steps_before -> $steps_after)"
fi
sleep 0.3
steps_paused="$(step_count)"
sleep 0.5
if [ "$(step_count)" = "$steps_paused" ]; then pass "paused: nothing advances"; else fail "simulation advanced while paused"; fi

pid="$(app_pid)"
if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
  t0="$(cpu_ticks "$pid")"; sleep 2; t1="$(cpu_ticks "$pid")"
  if [ $((t1 - t0)) -le 1 ]; then pass "paused: no CPU used in 2 s ($((t1 - t0)) ticks)"; else fail "paused app used $((t1 - t0)) CPU ticks in 2 s"; fi
else
  echo "SKIP: cannot read the app's CPU time (no /proc)"
fi

# Mouse: an SGR button-1 press and release on an unselected thread's row
# selects it (its row then starts with the selection marker).
find_target() { screen | perl -CS -Mutf8 -ne 'if (/[│|]  [●◐○◎✕*+o@x][XRWAT] /g) { print "$.:" . (pos($_) - 6) . "\n"; exit }'; }
target="$(find_target)"
for _ in $(seq 1 40); do   # step until some pane has a second thread
  [ -n "$target" ] && break
  tmux send-keys -t "$SESSION" s; sleep 0.05; target="$(find_target)"
done
if [ -n "$target" ]; then
  row="${target%%:*}"; col="${target##*:}"
  tmux send-keys -t "$SESSION" -l $'\e[<0;'"$((col + 4))"';'"$row"'M'
  tmux send-keys -t "$SESSION" -l $'\e[<0;'"$((col + 4))"';'"$row"'m'
  deadline=$((SECONDS + 5)); clicked=0
  while [ $SECONDS -lt $deadline ]; do
    screen | sed -n "${row}p" | perl -CS -Mutf8 -ne "exit(substr(\$_, $col + 2, 1) =~ /[▶>]/ ? 0 : 1)" && { clicked=1; break; }
    sleep 0.1
  done
  if [ $clicked = 1 ]; then pass "a mouse click selects a thread"; else fail "clicking a thread did not select it"; fi
else
  echo "SKIP: no unselected thread row to click"
fi

# Navigation keys the terminal may send as raw escape sequences (TERM=xterm-256color
# inside tmux) are handled or ignored: none of them ends the screen.
for key in End Home PPage NPage Up Down Tab BTab F2 F5 F12 IC DC; do tmux send-keys -t "$SESSION" "$key"; sleep 0.2; done
sleep 0.3
if screen | grep -qF 'Overlapped · Compare' && ! screen | grep -qF 'APP-ENDED'; then
  pass "End, Home, PgUp, PgDn, arrows, Tab, F-keys, Insert and Delete leave Compare open"
else
  fail "a navigation key ended Compare"; screen
fi

tmux resize-window -t "$SESSION" -x 80 -y 24
# Redrawn at the new size: the key bar sits on the 24th (last) row.
row_has() { # ROW TEXT: poll until screen row ROW contains TEXT
  local deadline=$((SECONDS + 5))
  while [ $SECONDS -lt $deadline ]; do
    screen | sed -n "${1}p" | grep -qF -- "$2" && return 0
    sleep 0.1
  done
  return 1
}
if [ "$(tmux display -p -t "$SESSION" '#{pane_width}x#{pane_height}')" = "80x24" ] && row_has 24 '? help'; then
  pass "redraws at 80x24"
else
  fail "no redraw at 80x24"
fi
tmux resize-window -t "$SESSION" -x 60 -y 20
if wait_for 'Enlarge the terminal' 5; then pass "below 80x24 asks to enlarge"; else fail "no notice below 80x24"; fi
tmux resize-window -t "$SESSION" -x 120 -y 40
if wait_gone 'Enlarge the terminal' 5 && row_has 40 '? help'; then pass "redraws at 120x40"; else fail "no redraw back at 120x40"; fi

tmux send-keys -t "$SESSION" '?'
if wait_for 'Keys and figures' 5; then pass "? opens help"; else fail "? did not open help"; fi
tmux send-keys -t "$SESSION" '?'
if wait_gone 'Keys and figures' 5; then pass "? closes help"; else fail "? did not close help"; fi

tmux send-keys -t "$SESSION" f
if wait_for 'Kernel events' 5; then pass "f focuses a pane"; else fail "f did not open the focus view"; fi
# Focus: the same keys scroll the event log and the source; none leaves it.
for key in Home PPage End NPage Up Down Tab BTab F2 F5 F12 IC DC '[' ']'; do tmux send-keys -t "$SESSION" "$key"; sleep 0.15; done
sleep 0.3
if screen | grep -qF 'Kernel events' && ! screen | grep -qF 'APP-ENDED'; then
  pass "Home, End, PgUp, PgDn, arrows, Tab, F-keys and [ ] leave Focus open"
else
  fail "a navigation key left Focus"; screen
fi
# Enough events that the log overflows its box, however far running got.
for _ in $(seq 1 40); do tmux send-keys -t "$SESSION" s; sleep 0.03; done
sleep 0.5
tmux send-keys -t "$SESSION" Home
if wait_for 'newer below' 5; then pass "Home in Focus scrolls the event log to its oldest lines"; else fail "Home did not scroll the event log"; fi
tmux send-keys -t "$SESSION" End
if wait_gone 'newer below' 5; then pass "End in Focus returns to the newest events"; else fail "End did not return to the newest events"; fi
# The mouse wheel (SGR buttons 64 up, 65 down; 1-based cells) scrolls the pane under
# the pointer. At 120x40 the source box is top left, the event log bottom right.
wheel() { tmux send-keys -t "$SESSION" -l $'\e[<'"$1"';'"$2"';'"$3"'M'; }
source_top() { screen | sed -n '3p' | perl -CS -ne 'print $1 if /^.\s*(\d+)/'; }
top_before="$(source_top)"
wheel 64 10 8
deadline=$((SECONDS + 5)); moved=0
while [ $SECONDS -lt $deadline ]; do
  [ -n "$top_before" ] && [ "$(source_top)" != "$top_before" ] && { moved=1; break; }
  sleep 0.1
done
if [ $moved = 1 ] && ! screen | grep -qF 'newer below'; then
  pass "the wheel over the source scrolls the source ($top_before -> $(source_top)), not the log"
else
  fail "the wheel over the source did not scroll it alone ($top_before -> $(source_top))"; screen
fi
wheel 64 90 36
if wait_for 'newer below' 5; then pass "the wheel over the event log scrolls the log"; else fail "the wheel over the log did not scroll it"; screen; fi
wheel 65 90 36
if wait_gone 'newer below' 5; then pass "the wheel down over the log returns to the newest events"; else fail "the wheel down did not return"; fi
tmux send-keys -t "$SESSION" f
if wait_gone 'Kernel events' 5; then pass "f returns to compare"; else fail "f did not return"; fi

tmux send-keys -t "$SESSION" q
check_exit 0 "quit with q"

# ---- run 2: NO_COLOR, then Ctrl-C while paused (the app blocks on input)
start_app NO_COLOR=1
wait_for 'Completion port' 15 || fail "run 2: the app did not start"
# SGR colour codes 30-37, 39-47, 49, 90-97, 100-107 (38;5 / 48;5 too) must not appear.
if tmux capture-pane -p -e -t "$SESSION" | grep -qE $'\e\\[([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;[0-9;]*)?m'; then
  fail "NO_COLOR: colour escape codes on screen"
else
  pass "NO_COLOR: no colours on screen"
fi
tmux send-keys -t "$SESSION" C-c
check_exit 130 "Ctrl-C while paused"

start_app
wait_for 'Completion port' 15 || fail "run 3: the app did not start"
tmux send-keys -t "$SESSION" r p
tmux send-keys -t "$SESSION" C-c
check_exit 130 "Ctrl-C while running"

# ---- SIGTERM, and a crash (SIGSEGV): the terminal must be restored too
start_app
wait_for 'Completion port' 15 || fail "run 4: the app did not start"
kill -TERM "$(app_pid)" 2>/dev/null
check_exit 143 "SIGTERM"

start_app
wait_for 'Completion port' 15 || fail "run 5: the app did not start"
kill -SEGV "$(app_pid)" 2>/dev/null
check_exit 139 "crash (SIGSEGV)"

echo "== e2e-tui: $((SECONDS - START)) s, $FAILURES failure(s)"
[ $FAILURES -eq 0 ]
