#!/usr/bin/env bash
# End-to-end check of the Lesson screen in a real terminal (tmux):
#   bash .ci/e2e-lesson-ui.sh path/to/overlapped
# Opens `overlapped lesson using-overlapped`, goes to the next step, shows a
# hint, is refused going on before answering a question, answers it, quits
# with q, and checks the exit status, that `stty -g` is unchanged and the
# alternate screen is off; also that progress was saved and that the
# command still prints the outline when stdout is not a terminal.
# Every wait polls with a timeout; the whole script stays under 40 s.
set -u
. "$(dirname "$0")/lib/tmux-harness.sh"
e2e_start lesson 35 "${1:?usage: e2e-lesson-ui.sh BINARY}"

echo "== e2e-lesson-ui: $BIN"

# Not a terminal: the outline, as before.
out="$(XDG_DATA_HOME="$WORK/data" "$BIN" lesson using-overlapped 2>&1 < /dev/null)"
if grep -q "Using Overlapped" <<<"$out" && grep -q "1\. What you are looking at" <<<"$out"; then
  pass "without a terminal the lesson prints its outline"
else
  fail "no outline without a terminal: $out"
fi

tmux new-session -d -s "$SESSION" -x 120 -y 40 "env -i HOME=\"$HOME\" PATH=\"$PATH\" TERM=xterm-256color XDG_DATA_HOME=\"$WORK/data\" SWIFT_BACKTRACE=interactive=no bash --noprofile --norc"
wait_for '$' 5 || wait_for '#' 5
tmux send-keys -t "$SESSION" "cd '$WORK' && stty -g > stty.before && PS1='prompt> ' && clear" Enter
wait_for 'prompt>' 5
# "AP""P-ENDED" so the marker is not on screen until the shell prints it.
tmux send-keys -t "$SESSION" "'$BIN' lesson using-overlapped; echo \"exit=\$?\" > status; clear; echo AP\"\"P-ENDED" Enter

if wait_for 'Step 1 of 5' 20; then pass "the lesson opens on its first step"; else fail "the lesson screen did not open"; screen; fi
if screen | grep -qF 'first-read.c'; then pass "the program's source is beside the text"; else fail "no source view"; fi

tmux send-keys -t "$SESSION" Enter
if wait_for 'Step 2 of 5' 10; then pass "Enter goes to the next step"; else fail "Enter did not advance"; fi
if wait_for 'main:12' 5; then pass "the simulation ran to the step's stop (main at line 12)"; else fail "main is not at line 12"; fi

tmux send-keys -t "$SESSION" h
if wait_for 'Hint 1:' 5; then pass "h shows a hint"; else fail "h showed no hint"; fi

tmux send-keys -t "$SESSION" Enter
wait_for 'Step 3 of 5' 10 || fail "did not reach the question step"
tmux send-keys -t "$SESSION" Enter
if wait_for 'Answer the question first' 5; then pass "next is refused before answering"; else fail "next was not refused"; fi
# A digit does not answer (digits pick panes); the notice says which keys do.
tmux send-keys -t "$SESSION" 2
if wait_for 'Answer the question first: keys a' 5 && ! screen | grep -qF 'Right: the kernel'; then
  pass "a digit does not answer; the notice names the answer keys"
else
  fail "a digit answered or said nothing"; screen
fi
tmux send-keys -t "$SESSION" a
if wait_for 'Right: the kernel did that.' 10; then pass "answering shows the verdict"; else fail "no verdict after answering"; fi
# PgDn is next and PgUp previous; Left goes back; none of them quits.
tmux send-keys -t "$SESSION" NPage
if wait_for 'Step 4 of 5' 10; then pass "PgDn goes to the next step"; else fail "PgDn did not go on"; fi
tmux send-keys -t "$SESSION" PPage
if wait_for 'Step 3 of 5' 10; then pass "PgUp goes to the previous step"; else fail "PgUp did not go back"; fi

for key in End Up Down Tab BTab F2 F5 F12 IC DC '[' ']'; do tmux send-keys -t "$SESSION" "$key"; sleep 0.2; done
sleep 0.3
if screen | grep -qF 'Step 3 of 5' && ! screen | grep -qF 'APP-ENDED'; then
  pass "End, arrows, Tab, F-keys, Insert, Delete and [ ] leave the lesson where it is"
else
  fail "a navigation key left the lesson"; screen
fi
tmux send-keys -t "$SESSION" Home
if wait_for 'Step 1 of 5' 10; then pass "Home starts the lesson over"; else fail "Home did not start the lesson over"; fi
tmux send-keys -t "$SESSION" q
if wait_for 'APP-ENDED' 10; then pass "q quits"; else fail "q did not quit"; fi
status="$(cat "$WORK/status" 2>/dev/null)"
if [ "$status" = "exit=0" ]; then pass "exit status 0"; else fail "expected exit=0, got '$status'"; fi
tmux send-keys -t "$SESSION" "stty -g | cmp -s - stty.before && echo TTY-SAME || echo TTY-CHANGED" Enter
if wait_for 'TTY-SAME' 5; then pass "stty settings unchanged"; else fail "stty settings changed"; fi
alt="$(tmux display -p -t "$SESSION" '#{alternate_on}')"
if [ "$alt" = "0" ]; then pass "alternate screen off"; else fail "alternate screen still on"; fi

progress="$WORK/data/overlapped/progress.json"
if [ -f "$progress" ] && grep -q '"using-overlapped"' "$progress" && grep -q '"choice" : 0' "$progress"; then
  pass "progress saved (steps seen and the answer)"
else
  fail "progress not saved: $(cat "$progress" 2>/dev/null)"
fi

# ---- run 2: Home opens lessons; a lesson whose program does not compile
# shows the compiler's diagnostics instead of crashing.
mkdir -p "$WORK/teacher"
cat > "$WORK/teacher/broken.md" <<'LESSON'
---
id: broken
title: Broken program
order: 99
---
## Step: One

Text.

```c program broken.c
int main(void) { return undefined_name; }
```
LESSON
tmux send-keys -t "$SESSION" "clear; '$BIN' --lessons '$WORK/teacher'; echo \"exit=\$?\" > status; clear; echo AP\"\"P-ENDED" Enter
if wait_for 'Broken program' 15; then pass "Home lists a teacher's lesson"; else fail "Home does not list the teacher's lesson"; fi
# Home: End, PgUp and PgDn move the selection; Home brings it back to the first lesson.
for key in End PPage NPage F5 Home; do tmux send-keys -t "$SESSION" "$key"; sleep 0.2; done
sleep 0.3
if screen | grep -qF 'Broken program' && ! screen | grep -qF 'APP-ENDED'; then pass "navigation keys leave Home open"; else fail "a navigation key ended Home"; fi
if screen | grep -qF 'Continue: 1 Using Overlapped'; then pass "Home offers the unfinished lesson to continue"; else fail "Home does not offer the next lesson"; fi
# Home starts on that lesson (the first); five moves up pass Quit, Help, Playground and
# Compare to the last lesson, the teacher's.
tmux send-keys -t "$SESSION" k k k k k Enter
if wait_for 'undeclared identifier' 10; then pass "a lesson that does not compile shows its diagnostics"; else fail "no diagnostics for the broken lesson"; screen; fi
tmux send-keys -t "$SESSION" q
# From the last lesson, past the four menu items, five moves down wrap round to the first lesson.
tmux send-keys -t "$SESSION" j j j j j Enter
if wait_for 'Step 1 of 5' 15 && screen | grep -qF 'Using Overlapped'; then pass "Enter on a lesson in Home opens the Lesson screen"; else fail "Home did not open the lesson"; screen; fi
tmux send-keys -t "$SESSION" q
if wait_for 'Compare the methods' 10; then pass "q on the lesson returns to Home"; else fail "q did not return to Home"; fi
tmux send-keys -t "$SESSION" q
if wait_for 'APP-ENDED' 10 && [ "$(cat "$WORK/status" 2>/dev/null)" = "exit=0" ]; then pass "Home quits with status 0"; else fail "Home did not quit cleanly"; fi

# ---- run 3: Ctrl-C while exploring (running) a step restores the terminal too.
tmux send-keys -t "$SESSION" "clear; '$BIN' lesson using-overlapped; echo \"exit=\$?\" > status; clear; echo AP\"\"P-ENDED" Enter
wait_for 'Step 1 of 5' 15 || fail "run 3: the lesson did not open"
tmux send-keys -t "$SESSION" p
wait_for 'RUNNING' 5 || wait_for 'finished' 5 || fail "run 3: p did not run the simulation"
tmux send-keys -t "$SESSION" C-c
if wait_for 'APP-ENDED' 10 && [ "$(cat "$WORK/status" 2>/dev/null)" = "exit=130" ]; then pass "Ctrl-C ends the lesson with status 130"; else fail "Ctrl-C: got '$(cat "$WORK/status" 2>/dev/null)'"; fi
tmux send-keys -t "$SESSION" "stty -g | cmp -s - stty.before && echo TTY2-SAME || echo TTY2-CHANGED" Enter
if wait_for 'TTY2-SAME' 5; then pass "Ctrl-C: stty settings unchanged"; else fail "Ctrl-C: stty settings changed"; fi
if [ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = "0" ]; then pass "Ctrl-C: alternate screen off"; else fail "Ctrl-C: alternate screen still on"; fi

echo "e2e-lesson-ui: $((SECONDS - START)) s"
if [ $FAILURES -eq 0 ]; then echo "e2e-lesson-ui: ok"; exit 0; fi
echo "e2e-lesson-ui: $FAILURES failure(s)"
exit 1
