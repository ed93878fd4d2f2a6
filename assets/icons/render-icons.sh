#!/usr/bin/env bash
# Renders heparin-quiz.svg to the hicolor PNG sizes beside it (rsvg-convert from librsvg2-bin).
# Run after editing the SVG and look at every PNG before committing; with --check it renders to
# a temporary folder and fails if a committed PNG differs from a fresh render.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/hicolor
check=0
if [ "${1:-}" = --check ]; then
    check=1
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi
command -v rsvg-convert >/dev/null || { echo "rsvg-convert missing: apt-get install librsvg2-bin" >&2; exit 1; }
status=0
for size in 16 24 32 48 64 128 256; do
    dir=$out/${size}x${size}/apps
    mkdir -p "$dir"
    rsvg-convert -w "$size" -h "$size" "$here/heparin-quiz.svg" -o "$dir/heparin-quiz.png"
    if [ "$check" = 1 ] && ! cmp -s "$dir/heparin-quiz.png" "$here/hicolor/${size}x${size}/apps/heparin-quiz.png"; then
        echo "assets/icons/hicolor/${size}x${size}/apps/heparin-quiz.png differs from a fresh render of heparin-quiz.svg; run assets/icons/render-icons.sh" >&2
        status=1
    fi
done
exit $status
