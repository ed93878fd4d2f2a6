#!/usr/bin/env bash
# Keeps questions/pack.xsd and the checker agreeing: every shipped and valid test pack must
# pass both, and the structural rule files must fail both.
# usage: xsd-agreement.sh HEPARIN_QUIZ SOURCE_DIR
set -u
exe=$1
src=$2
xsd="$src/questions/pack.xsd"
command -v xmllint >/dev/null || { echo "xmllint is missing (Debian package libxml2-utils)"; exit 1; }
failures=0
checked=0
for pack in "$src"/questions/*.xml "$src"/tests/data/packs/valid/*.xml; do
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
            unsupported-markup format-version-unsupported too-few-options missing-ref; do
    pack="$src/tests/data/packs/invalid/$rule.xml"
    checked=$((checked + 1))
    "$exe" check "$pack" >/dev/null 2>&1; checker=$?
    xmllint --noout --schema "$xsd" "$pack" >/dev/null 2>&1; schema=$?
    if [ "$checker" -eq 0 ] || [ "$schema" -eq 0 ]; then
        echo "FAIL: $pack: checker exit $checker, xmllint exit $schema (both must reject)"
        failures=$((failures + 1))
    fi
done
echo "xsd agreement: $checked files, $failures disagreements"
[ "$failures" -eq 0 ]
