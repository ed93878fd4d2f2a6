#!/usr/bin/env bash
# The man page names every command and every --option that `heparin-quiz --help` and each
# `heparin-quiz COMMAND --help` print, so an option added to the program is added to the page.
# usage: man-page.sh HEPARIN_QUIZ MAN_PAGE
set -euo pipefail
exe=$1 page=$2
# The page's words with the roff escapes taken out (\- is a hyphen, \fB..\fR change fonts).
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page")
missing=0
commands=$("$exe" --help | awk 'tolower($0) ~ /^(sub)?commands:/{on=1; next} on && /^$/{on=0} on && NF {print $1}')
[ -n "$commands" ] || { echo "FAIL: no commands in heparin-quiz --help" >&2; exit 1; }
for command in "" $commands; do
    # A command is described by a tagged paragraph (.TP) whose tag starts with its name.
    if [ -n "$command" ] &&
        ! grep -A1 '^\.TP' <<<"$text" | grep -qE "^(\.B[IR]? \"?)?$command( |\"|$)"; then
        echo "FAIL: the man page does not describe '$command'" >&2
        missing=1
    fi
    help=$( ([ -z "$command" ] && "$exe" --help) || "$exe" $command --help)
    for option in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
        if ! grep -qF -- "$option" <<<"$text"; then
            echo "FAIL: '${command:-heparin-quiz}' has $option, the man page does not" >&2
            missing=1
        fi
    done
done
exit $missing
