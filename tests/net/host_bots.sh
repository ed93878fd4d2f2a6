#!/bin/bash
# The real `heparin-quiz host --headless` and real bot processes on 127.0.0.1: a full class
# with a bot killed mid-question that rejoins, a garbage sender and a late joiner. Checks the
# results CSV against what each bot says it answered.
# usage: host_bots.sh HEPARIN_QUIZ BOT PACK WORKDIR
set -u
QUIZ=$1
BOT=$2
PACK=$3
WORK=$4
rm -rf "$WORK" && mkdir -p "$WORK"
cd "$WORK" || exit 1
PORT=$((20000 + RANDOM % 20000))
fail() { echo "FAIL: $*"; echo "--- host output"; cat host.out host.err 2>/dev/null; for f in bot-*.out; do echo "--- $f"; cat "$f"; done; kill "${HOST:-}" 2>/dev/null; exit 1; }

# Usage and input errors come back as exit codes, before any socket is opened.
"$QUIZ" host > /dev/null 2> usage.err; [ $? -eq 2 ] || fail "host without --pack should exit 2"
grep -q -- "--pack is required" usage.err || fail "no message for a missing --pack"
"$QUIZ" --data-dir "$WORK" host --pack no.such.pack > /dev/null 2> nopack.err
[ $? -eq 1 ] || fail "an unknown pack should exit 1"
grep -q "no pack with id 'no.such.pack'" nopack.err || fail "no message for an unknown pack"

# Pacing script. Question order comes from the seed; bots answer by position.
mkfifo commands
"$QUIZ" host --pack "$PACK" --seed 7 --web-port "$PORT" --bind 127.0.0.1 --code TEST \
    --discovery-port 0 --headless --results results.csv < commands > host.out 2> host.err &
HOST=$!
exec 3> commands
wait_for() { # wait_for FILE PATTERN: up to 10 s
    for _ in $(seq 1 1000); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.01; done
    fail "timed out waiting for '$2' in $1"
}
wait_for host.out "^code: TEST"
grep -q "^students: http://127.0.0.1:$PORT/?code=TEST$" host.out || fail "no students: line"

B="$BOT --port $PORT --code TEST"
$B --name Ana --answers "a,b,c,true" > bot-ana.out &
$B --name Bo --answers "a,b,c,false" --crash-at 2 --token-file bo.token > bot-bo1.out &
BO1=$!
$B --name Cy --answers ",,-," > bot-cy.out &     # first option, silent on question 3
$B --garbage > bot-garbage.out &
GARBAGE=$!
echo "wait players 3 10" >&3
echo "start" >&3
echo "wait phase reveal 10" >&3     # question 1: everyone answers, the round closes itself
echo "next" >&3
echo "next" >&3                     # question 2: Bo dies; the others answer; it closes
wait "$BO1"; [ $? -eq 3 ] || fail "the first Bo did not crash as planned"
echo "wait phase reveal 10" >&3
echo "next" >&3
wait_for host.out "phase: leaderboard 2/4"
$B --name Bo --answers "a,b,c,false" --token-file bo.token > bot-bo2.out &
echo "wait players 3 10" >&3        # Bo is back with his score
echo "next" >&3                     # question 3: Cy stays silent, so it stays open
wait_for host.out "phase: question 3/4"
$B --name Late --answers "a,a,c,true" > bot-late.out &
echo "wait players 4 10" >&3
echo "wait answers 3 10" >&3        # Ana, Bo and Late
echo "reveal" >&3
echo "next" >&3
echo "next" >&3
echo "wait phase reveal 10" >&3     # question 4: all four answer
echo "next" >&3
echo "next" >&3
echo "quit" >&3
exec 3>&-
wait "$HOST"; STATUS=$?
wait
[ $STATUS -eq 0 ] || fail "host exited with $STATUS"
wait "$GARBAGE" 2>/dev/null
grep -q "host closed the connection" bot-garbage.out || fail "garbage sender was not dropped"
grep -q "^refused 127.0.0.1 (bad-message): " host.out || fail "no log line for the garbage drop"
grep -q "^dropped Bo: connection closed" host.out || fail "no log line for Bo's crash"
grep -q "rejoined=1 score=1000" bot-bo2.out || fail "Bo was not told he rejoined with his score"
[ -f results.csv ] || fail "no results file"

# Every answer a bot reports is in the results with the same options.
for f in bot-ana.out bot-bo1.out bot-bo2.out bot-cy.out bot-late.out; do
    grep -q "^end rank=" "$f" || [ "$f" = bot-bo1.out ] || fail "$f did not see the end"
done
check_answers() { # NAME FILES...
    local name=$1; shift
    local count=0
    while read -r _ q ids; do
        # The results give the letters the students saw; the class pack keeps its options in
        # order, so option a is A and a true/false question shows True as A.
        local letters
        letters=$(echo "$ids" | sed 's/true/a/; s/false/b/' | tr 'a-z' 'A-Z')
        grep -q "^answer,[0-9]*,$name,,,$q,[^,]*,[^,]*,,,$letters," results.csv ||
            fail "$name's answer $ids to question $q is not in the results"
        count=$((count + 1))
    done < <(cat "$@" | grep "^answer ")
    echo "$name: $count answers match"
}
check_answers Ana bot-ana.out
check_answers Bo bot-bo1.out bot-bo2.out
check_answers Cy bot-cy.out
check_answers Late bot-late.out
grep -q "^answer,[0-9]*,Bo,,,2,[^,]*,[^,]*,,,,none," results.csv || fail "Bo's missed question 2"
grep -q "^answer,[0-9]*,Late,,,1,[^,]*,[^,]*,,,,none," results.csv || fail "Late's question 1"
grep -q "^answer,[0-9]*,Cy,,,3,[^,]*,[^,]*,,,,none," results.csv || fail "Cy's silent question 3"
# Scores the bots were told at the end equal the results file's.
for n in ana:Ana bo2:Bo cy:Cy late:Late; do
    score=$(sed -n 's/^end rank=[0-9]* score=//p' "bot-${n%%:*}.out")
    grep -q "^player,[0-9]*,${n#*:},$score," results.csv || fail "${n#*:}'s final score $score"
done
[ "$(grep -c '^option,' results.csv)" -eq 11 ] || fail "expected 11 option rows (3+3+3+2)"
echo "PASS"
