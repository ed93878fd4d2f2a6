#!/usr/bin/env bash
# questions/pack.xsd is generated from the loader's format tables by `heparin-quiz schema`:
# the committed file must be exactly what the command writes. xmllint then validates every
# shipped and valid test pack against it, and the structural rule files must fail it as they
# fail the checker.
# usage: xsd-agreement.sh HEPARIN_QUIZ SOURCE_DIR
set -u
exe=$1
src=$2
xsd="$src/questions/pack.xsd"
command -v xmllint >/dev/null || { echo "xmllint is missing (Debian package libxml2-utils)"; exit 1; }
failures=0
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
if ! "$exe" schema -o "$generated"; then
    echo "FAIL: heparin-quiz schema exited $?"
    failures=$((failures + 1))
elif ! cmp -s "$generated" "$xsd"; then
    echo "FAIL: questions/pack.xsd is not what 'heparin-quiz schema' writes; regenerate it:"
    echo "  heparin-quiz schema -o questions/pack.xsd"
    diff -u "$xsd" "$generated" | head -40
    failures=$((failures + 1))
fi
checked=0
for pack in "$src"/questions/*.xml "$src"/tests/data/packs/valid/*.xml \
    "$src"/tests/data/packs/numeric/*.xml; do
    [ -e "$pack" ] || continue
    checked=$((checked + 1))
    "$exe" check "$pack" >/dev/null 2>&1; checker=$?
    xmllint --noout --schema "$xsd" "$pack" >/dev/null 2>&1; schema=$?
    if [ "$checker" -ne 0 ] || [ "$schema" -ne 0 ]; then
        echo "FAIL: $pack: checker exit $checker, xmllint exit $schema (both must accept)"
        xmllint --noout --schema "$xsd" "$pack" 2>&1 | head -5
        failures=$((failures + 1))
    fi
done
for rule in unknown-element unknown-attribute missing-element-title missing-element-stem \
            missing-attribute bad-value bad-value-type bad-difficulty bad-id bad-pack-id \
            element-order duplicate-element missing-rationale duplicate-id-question \
            unsupported-markup format-version-unsupported too-few-options missing-ref case-size; do
    pack="$src/tests/data/packs/invalid/$rule.xml"
    checked=$((checked + 1))
    "$exe" check "$pack" >/dev/null 2>&1; checker=$?
    xmllint --noout --schema "$xsd" "$pack" >/dev/null 2>&1; schema=$?
    if [ "$checker" -eq 0 ] || [ "$schema" -eq 0 ]; then
        echo "FAIL: $pack: checker exit $checker, xmllint exit $schema (both must reject)"
        failures=$((failures + 1))
    fi
done
echo "xsd: generated and committed compared, $checked packs validated, $failures failures"
[ "$failures" -eq 0 ]
