#!/usr/bin/env bash
# Builds the Debian package (cpack -G DEB, shared-library dependencies by dpkg-shlibdeps) and
# inspects it: the file list (dpkg-deb -c) and the control fields (dpkg-deb -f).
# usage: deb-package.sh BUILD_DIR OUT_DIR
set -euo pipefail
build=$1 out=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out"
cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.txt" 2>&1 ||
    { cat "$out/cpack.txt"; fail "cpack"; }
debs=("$out"/heparin-quiz_*.deb)
[ "${#debs[@]}" = 1 ] && [ -f "${debs[0]}" ] || fail "no single heparin-quiz_*.deb in $out"
deb=${debs[0]}
echo "package: $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$out/files.txt"
for file in /usr/bin/heparin-quiz /usr/libexec/heparin-quiz/heparin-quiz-game /usr/share/heparin-quiz/questions/pack.xsd \
    /usr/share/heparin-quiz/questions/README.md /usr/share/heparin-quiz/questions/heparin-essentials.xml \
    /usr/share/applications/heparin-quiz.desktop /usr/share/icons/hicolor/scalable/apps/heparin-quiz.svg \
    /usr/share/icons/hicolor/16x16/apps/heparin-quiz.png /usr/share/icons/hicolor/256x256/apps/heparin-quiz.png \
    /usr/share/metainfo/org.heparinquiz.heparin_quiz.metainfo.xml /usr/share/man/man6/heparin-quiz.6; do
    grep -qx "$file" "$out/files.txt" || fail "$file is not in the package"
done
# Nothing but the application: no tests, benchmarks, headers or libraries of the build.
if grep -v -E '^/usr/(bin/heparin-quiz|libexec(/heparin-quiz(/heparin-quiz-game)?)?|share/(heparin-quiz|applications|icons|metainfo|man)(/.*)?|share|bin|)/?$' "$out/files.txt" |
    grep -v -E '^/$'; then
    fail "the package holds files outside the application's folders"
fi
[ "$(grep -c '^/usr/bin/.' "$out/files.txt")" = 1 ] || fail "more than one program in /usr/bin"

# The executable is stripped, and the dependencies are computed plus the fonts.
dpkg-deb -x "$deb" "$out/root"
for program in usr/bin/heparin-quiz usr/libexec/heparin-quiz/heparin-quiz-game; do
    file "$out/root/$program" | grep -q ', stripped' || fail "/$program is not stripped"
done
[ "$(dpkg-deb -f "$deb" Package)" = heparin-quiz ] || fail "package name"
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for package in fonts-dejavu-core libc6 libstdc++6 libsfml-graphics2.5 libsfml-window2.5 libsfml-audio2.5 \
    libsfml-system2.5 libsfml-network2.5 libtinyxml2-9 libsqlite3-0 libfontconfig1; do
    # Each entry is "name" or "name (>= version)"; compare the names as plain text.
    sed 's/, /\n/g' <<<"$depends" | awk '{print $1}' | grep -qxF "$package" ||
        fail "Depends lacks $package"
done
