#!/bin/sh
# `techdiv anonymize FILE` on one CV as .docx, .odt and .pdf built at test
# time (tests/cli/make_cv_docs.c): the name, e-mail, phone, birth date and
# nationality are gone; skills and the dates of work remain (as the
# anonymiser writes them: a duration); the contact box comes out once; and
# nothing the document does not show (author, comment, deleted text).
# usage: tests/cli/test_anonymize_docs.sh path/to/techdiv path/to/make_cv_docs
set -u
T=${1:?usage: test_anonymize_docs.sh TECHDIV MAKE_CV_DOCS}
M=${2:?usage: test_anonymize_docs.sh TECHDIV MAKE_CV_DOCS}
n=0 failed=0
check() { # check "description" command...
        n=$((n + 1)); d=$1; shift
        if "$@"; then echo "ok $n - $d"; else echo "not ok $n - $d"; failed=$((failed + 1)); fi
}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
"$M" "$tmp"; check "documents built" test $? = 0

for f in cv.docx cv.odt cv.pdf; do
        "$T" anonymize --lang en "$tmp/$f" > "$tmp/$f.txt" 2> "$tmp/$f.err"
        check "$f: exit 0" test $? = 0
        for gone in Maria Rossi maria.rossi@example.com "333 123" 17/08/1988 Italian Bianchi Married; do
                check "$f: '$gone' removed" sh -c '! grep -q -- "$1" "$2"' - "$gone" "$tmp/$f.txt"
        done
        for kept in Python PostgreSQL "4 years" "3 years" "Software developer" "Date of birth" Nationality; do
                check "$f: '$kept' kept" grep -q -- "$kept" "$tmp/$f.txt"
        done
        check "$f: the contact box read once" test "$(grep -c '\[email\]' "$tmp/$f.txt")" = 1
done
for f in cv.docx cv.odt; do
        check "$f: table rows read as label, tab, value, the value replaced" \
                grep -q "$(printf 'Name\tCandidate [A-Z0-9]*$')" "$tmp/$f.txt"
        check "$f: the birth date's row" grep -qx "$(printf 'Date of birth\t\\[date of birth\\]')" "$tmp/$f.txt"
        check "$f: the nationality's row" grep -qx "$(printf 'Nationality\t\\[nationality\\]')" "$tmp/$f.txt"
done
"$T" anonymize --format json "$tmp/cv.docx" | python3 -c '
import json, sys
d = json.load(sys.stdin)
cats = {f["category"] for f in d["findings"]}
assert {"email", "phone", "birthdate", "nationality"} <= cats, cats
'; check "docx: JSON findings name each category" test $? = 0

echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
