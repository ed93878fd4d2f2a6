#!/usr/bin/env bash
# Installs the build into a temporary prefix (cmake --install), checks what landed where, then
# runs check, list and a scripted round from the installed executable. The round needs a
# display: under `xvfb-run ctest` it has one, else this starts its own xvfb-run.
# usage: install-prefix.sh BUILD_DIR SOURCE_DIR PREFIX
set -euo pipefail
build=$1 source=$2 prefix=$3
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null
exe=$prefix/bin/heparin-quiz
share=$prefix/share/heparin-quiz
work=$prefix/work
mkdir -p "$work"

# What lands where.
for file in bin/heparin-quiz share/heparin-quiz/questions/pack.xsd \
    share/heparin-quiz/questions/README.md share/heparin-quiz/assets/README.md \
    share/applications/heparin-quiz.desktop share/icons/hicolor/scalable/apps/heparin-quiz.svg \
    share/metainfo/org.heparinquiz.heparin_quiz.metainfo.xml share/man/man6/heparin-quiz.6; do
    [ -f "$prefix/$file" ] || fail "$file was not installed"
done
[ -x "$exe" ] || fail "bin/heparin-quiz is not executable"
[ -x "$prefix/libexec/heparin-quiz/heparin-quiz-game" ] ||
    fail "libexec/heparin-quiz/heparin-quiz-game (the window heparin-quiz starts) is not installed"
# The display-free commands do not load the graphics stack.
if ldd "$exe" | grep -E 'libsfml-graphics|libGL|libX11'; then
    fail "bin/heparin-quiz links the window's libraries"
fi
diff <(cd "$source/questions" && ls ./*.xml) <(cd "$share/questions" && ls ./*.xml) ||
    fail "the installed packs are not the shipped ones"
for size in 16 24 32 48 64 128 256; do
    png=$prefix/share/icons/hicolor/${size}x${size}/apps/heparin-quiz.png
    file "$png" | grep -q "PNG image data, $size x $size," || fail "$png is not a ${size}x$size PNG"
done

# The desktop entry, the AppStream file and the man page, as installed, pass their validators.
# desktop-file-validate hints that Education;Game; are two main categories: the brief's choice.
desktop-file-validate "$prefix/share/applications/heparin-quiz.desktop" >"$work/desktop.txt" 2>&1 ||
    { cat "$work/desktop.txt"; fail "desktop-file-validate"; }
if grep -E ': (error|warning):' "$work/desktop.txt"; then fail "desktop entry has errors"; fi
grep -q '^Categories=Education;Game;$' "$prefix/share/applications/heparin-quiz.desktop" ||
    fail "desktop entry categories"
appstreamcli validate --no-net "$prefix/share/metainfo/org.heparinquiz.heparin_quiz.metainfo.xml" ||
    fail "appstreamcli validate"
MANWIDTH=80 man --warnings -l "$prefix/share/man/man6/heparin-quiz.6" >"$work/man.txt" 2>"$work/man-warnings.txt"
[ ! -s "$work/man-warnings.txt" ] || { cat "$work/man-warnings.txt"; fail "man page warnings"; }
grep -qE 'heparin-quiz +- +a +quiz +game' "$work/man.txt" || fail "man page did not render"

# check and list from the installed executable find the installed packs.
"$exe" check "$share/questions" 2>"$work/check.txt" || { cat "$work/check.txt"; fail "check"; }
grep -q "^checked $(ls "$share"/questions/*.xml | wc -l) packs: 0 errors" "$work/check.txt" ||
    { cat "$work/check.txt"; fail "check summary"; }
"$exe" list --json >"$work/list.json"
grep -qE "\"path\": *\"$share/questions/" "$work/list.json" ||
    { cat "$work/list.json"; fail "list did not read the installed packs"; }
if grep -qE "\"path\": *\"$source/questions/" "$work/list.json"; then
    fail "list read the source tree although the packs are installed"
fi

# The same executable copied where nothing is installed beside it finds the source tree the
# build was configured from (what a build folder outside the checkout relies on).
mkdir -p "$work/elsewhere"
cp "$exe" "$work/elsewhere/heparin-quiz"
"$work/elsewhere/heparin-quiz" list --json >"$work/elsewhere.json"
grep -qE "\"path\": *\"$source/questions/" "$work/elsewhere.json" ||
    { cat "$work/elsewhere.json"; fail "a copy outside the install did not find the source packs"; }
# Without the game program beside it or in ../libexec, starting the game says where it looked.
status=0
"$work/elsewhere/heparin-quiz" play --pack org.heparinquiz.essentials 2>"$work/no-game.txt" || status=$?
[ "$status" = 1 ] || fail "a missing game program exits with $status, not 1"
grep -q "heparin-quiz-game is missing (looked in $work/elsewhere/heparin-quiz-game, then" \
    "$work/no-game.txt" || { cat "$work/no-game.txt"; fail "missing-game message"; }

# A scripted round with a shipped pack, fonts found by fontconfig (no --font-dir).
round=(play --pack org.heparinquiz.essentials --count 1 --mode exam --seed 3 --mute
    --window 1280x720 --script "$here/install-round.script" --results "$work/results.json"
    --profile-dir "$work/profile")
display=()
[ -n "${DISPLAY:-}" ] || display=(xvfb-run -a)
"${display[@]}" "$exe" "${round[@]}" 2>"$work/round.txt" || { cat "$work/round.txt"; fail "round"; }
[ -f "$work/results.json" ] || fail "the round wrote no results"
grep -qE '"mode": *"exam"' "$work/results.json" || fail "no exam results"
grep -qE '"finished": *true' "$work/results.json" || fail "the round did not finish"
grep -qE '"chosen": *\["' "$work/results.json" || fail "the answer was not recorded"

# No usable font: a clear message and exit code 1.
cat >"$work/no-fonts.conf" <<CONF
<?xml version="1.0"?>
<fontconfig><dir>$work/no-fonts</dir><cachedir>$work/fc-cache</cachedir></fontconfig>
CONF
status=0
FONTCONFIG_FILE=$work/no-fonts.conf "${display[@]}" "$exe" "${round[@]}" 2>"$work/no-font.txt" || status=$?
[ "$status" = 1 ] || fail "missing fonts exit with $status, not 1"
grep -q "no usable font: DejaVu Sans is not installed" "$work/no-font.txt" ||
    { cat "$work/no-font.txt"; fail "missing-font message"; }
echo "installed into $prefix and played from there"
