#!/usr/bin/env bash
# End-to-end check of the classroom tools in a real terminal (tmux):
#   bash .ci/e2e-classroom.sh path/to/overlapped
# Records a lesson in presenter mode with a class vote (--present --record),
# replays the recording in the terminal stepping forward and back, exports
# it to asciicast (a marker per step) and a transcript, and checks that the
# terminal is restored each time. Every wait polls with a timeout; the
# whole script stays under 60 s.
set -u
. "$(dirname "$0")/lib/tmux-harness.sh"
e2e_start classroom 55 "${1:?usage: e2e-classroom.sh BINARY}"

echo "== e2e-classroom: $BIN"

tmux new-session -d -s "$SESSION" -x 100 -y 30 "env -i HOME=\"$HOME\" PATH=\"$PATH\" TERM=xterm-256color XDG_DATA_HOME=\"$WORK/data\" SWIFT_BACKTRACE=interactive=no bash --noprofile --norc"
wait_for '$' 5 || wait_for '#' 5
tmux send-keys -t "$SESSION" "cd '$WORK' && stty -g > stty.before && PS1='prompt> ' && clear" Enter
wait_for 'prompt>' 5
tmux send-keys -t "$SESSION" "'$BIN' lesson waiting-on-the-device --present --record class.json; echo \"exit=\$?\" > status; clear; echo AP\"\"P-ENDED" Enter

if wait_for 'PRESENTING' 20; then pass "--present opens the presenter view"; else fail "no presenter view"; screen; fi
tmux send-keys -t "$SESSION" NPage
if wait_for 'Vote' 10 && ! screen | grep -qE '✓|ok a\)|ok b\)'; then pass "PgDn reaches the question: a Vote screen, no hint of the answer"; else fail "no vote screen"; screen; fi
tmux send-keys -t "$SESSION" 1 2 b 3
if wait_for '15 votes' 5; then pass "the teacher types the class's counts"; else fail "counts not taken"; screen; fi
tmux send-keys -t "$SESSION" Right
# (No UTF-8 locale here, so the screen is ASCII: the mark is "ok".)
if wait_for 'what the kernel did' 10 && screen | grep -qE '(✓|ok) a\) It wakes up'; then pass "the reveal marks the kernel's answer beside the counts"; else fail "no results"; screen; fi
tmux send-keys -t "$SESSION" q
if wait_for 'APP-ENDED' 10 && [ "$(cat "$WORK/status" 2>/dev/null)" = "exit=0" ]; then pass "q quits with status 0"; else fail "did not quit cleanly"; fi
if grep -q '"format" : "overlapped-recording"' "$WORK/class.json" 2>/dev/null && grep -q '"presenting" : true' "$WORK/class.json"; then
  pass "the recording was written"
else
  fail "no recording: $(head -c 300 "$WORK/class.json" 2>/dev/null)"
fi

tmux send-keys -t "$SESSION" "clear; '$BIN' replay class.json; echo \"exit=\$?\" > status; clear; echo AP\"\"P-ENDED" Enter
if wait_for 'Replay 0/' 15; then pass "replay opens at the start"; else fail "replay did not open"; screen; fi
tmux send-keys -t "$SESSION" Right
if wait_for 'Replay 1/' 5 && screen | grep -qF 'Vote'; then pass "→ steps forward to the vote"; else fail "→ did not step"; screen; fi
steps="$(grep -c '"key"\|"tick"\|"click"\|"scroll"\|"resize"' "$WORK/class.json")"
tmux send-keys -t "$SESSION" End
if wait_for "Replay $steps/$steps" 5 && screen | grep -qF 'what the kernel did'; then pass "End shows the last step exactly (the results)"; else fail "End did not show the results"; screen; fi
tmux send-keys -t "$SESSION" Left
if wait_for "Replay $((steps - 1))/$steps" 5; then pass "← steps back"; else fail "← did not step back"; screen; fi
tmux send-keys -t "$SESSION" q
if wait_for 'APP-ENDED' 10 && [ "$(cat "$WORK/status" 2>/dev/null)" = "exit=0" ]; then pass "replay quits with status 0"; else fail "replay did not quit"; fi
tmux send-keys -t "$SESSION" "stty -g | cmp -s - stty.before && echo TTY-SAME || echo TTY-CHANGED" Enter
if wait_for 'TTY-SAME' 5; then pass "stty settings unchanged"; else fail "stty settings changed"; fi
if [ "$(tmux display -p -t "$SESSION" '#{alternate_on}')" = "0" ]; then pass "alternate screen off"; else fail "alternate screen still on"; fi

(cd "$WORK" && "$BIN" replay class.json --asciicast class.cast --transcript class.txt --svg class.svg)
markers="$(grep -c '^\[[0-9.]*, "m", ' "$WORK/class.cast" 2>/dev/null)"
if head -1 "$WORK/class.cast" | grep -q '^{"version": 2, "width": 100, "height": 30'; then pass "asciicast v2 header"; else fail "bad asciicast header"; fi
if [ "$markers" = "$((steps + 1))" ]; then pass "a marker per step ($markers)"; else fail "markers $markers for $steps steps"; fi
if grep -qF '== 1. key pagedown · Step 2: Two reads, one signal ==' "$WORK/class.txt"; then pass "the transcript names each step"; else fail "transcript: $(head -5 "$WORK/class.txt")"; fi

echo "e2e-classroom: $((SECONDS - START)) s"
if [ $FAILURES -eq 0 ]; then echo "e2e-classroom: ok"; exit 0; fi
echo "e2e-classroom: $FAILURES failure(s)"
exit 1
