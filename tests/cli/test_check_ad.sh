#!/bin/sh
# `techdiv check-ad`: exit status, JSON shape, languages, stdin, bad usage.
# usage: tests/cli/test_check_ad.sh path/to/techdiv   (from the repository root)
set -u
T=${1:?usage: test_check_ad.sh TECHDIV}
n=0 failed=0
check() { # check "description" expected_status actual_status
        n=$((n + 1))
        if [ "$2" = "$3" ]; then echo "ok $n - $1"; else echo "not ok $n - $1 (want $2, got $3)"; failed=$((failed + 1)); fi
}
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

printf 'Senior developer. Salary EUR 40,000-50,000 per year.\n' > "$tmp/ok.txt"
"$T" check-ad "$tmp/ok.txt" > /dev/null; check "clean ad exits 0" 0 $?
printf 'Senior developer, aged 25-35. Competitive salary.\n' > "$tmp/bad.txt"
"$T" check-ad --lang en "$tmp/bad.txt" > /dev/null; check "blocking findings exit 1" 1 $?
printf 'Native speaker wanted. Salary EUR 40,000-50,000.\n' | "$T" check-ad - > /dev/null; check "warnings only exit 0 (stdin)" 0 $?
out=$("$T" check-ad --format json --lang en "$tmp/bad.txt")
echo "$out" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert set(d) == {"lang", "findings", "coded"}, d.keys()
assert d["lang"] == "en" and set(d["coded"]) == {"masculine", "feminine"}
keys = {"category", "start", "end", "text", "severity", "message", "suggestion"}
assert all(set(f) == keys for f in d["findings"])
age = [f for f in d["findings"] if f["category"] == "age"][0]
assert (age["start"], age["end"], age["text"], age["severity"]) == (18, 28, "aged 25-35", "block"), age
assert any(f["category"] == "pay-missing" for f in d["findings"])
'; check "JSON output has the documented shape and byte offsets" 0 $?
printf 'Cercasi programmatore, età massima 35 anni. RAL 28.000-34.000 €\n' | "$T" check-ad --format=json --lang=auto | python3 -c '
import json, sys; d = json.load(sys.stdin); assert d["lang"] == "it", d["lang"]'; check "auto-detects Italian" 0 $?
LANGUAGE=pl "$T" check-ad "$tmp/bad.txt" | grep -q "Sugestia\|Proponowana zmiana"; check "messages in the CLI language" 0 $?
"$T" check-ad --lang xx "$tmp/ok.txt" 2> /dev/null; check "bad --lang is usage error 2" 2 $?
"$T" check-ad --format xml "$tmp/ok.txt" 2> /dev/null; check "bad --format is usage error 2" 2 $?
"$T" check-ad a b 2> /dev/null; check "two files is usage error 2" 2 $?
"$T" check-ad --help | grep -q "check-ad"; check "--help prints usage" 0 $?
"$T" check-ad "$tmp/missing.txt" 2> /dev/null; check "missing file exits 1" 1 $?
head -c 300000 /dev/zero | tr '\0' 'a' > "$tmp/big.txt"
"$T" check-ad "$tmp/big.txt" 2> /dev/null; check "oversized ad exits 1" 1 $?
printf '\377\376<script>\r\n' | "$T" check-ad --format json | python3 -c 'import json,sys; json.load(sys.stdin)'; check "invalid UTF-8 input still gives valid JSON" 0 $?

echo "1..$n"
echo "# $((n - failed)) passed, $failed failed"
[ "$failed" = 0 ]
