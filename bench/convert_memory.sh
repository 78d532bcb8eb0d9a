#!/usr/bin/env bash
# Converts a large IMS2.0 WAVEFORM message (SIZE_MB, default 1024) to miniSEED and reports the time taken and the
# peak anonymous memory of imsgate: reading is streamed, so memory stays bounded by one segment, not by the input's size.
# Usage: bench/convert_memory.sh [SIZE_MB]   (needs a release build: cmake --build --preset release)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-1024}
imsgate=build/release/src/cli/imsgate
segment=../shared/testdata/real/obspy-gse2/loc_RJOB20050831023349.z
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One segment's blocks (WID2 ... CHK2), repeated up to the size asked for.
grep -v '^STOP' "$segment" >"$work/segment"
for _ in $(seq 100); do cat "$work/segment"; done >"$work/block"
{
  printf 'BEGIN IMS2.0\nMSG_TYPE DATA\nMSG_ID bench\nDATA_TYPE WAVEFORM IMS2.0:CM6\n'
  block_size=$(stat -c %s "$work/block")
  for _ in $(seq $((size_mb * 1024 * 1024 / block_size + 1))); do cat "$work/block"; done
  printf 'STOP\n'
} >"$work/big.msg"
echo "input: $(du -h "$work/big.msg" | cut -f1)"

start=$(date +%s.%N)
"$imsgate" convert "$work/big.msg" "$work/big.mseed" --network XX --location "" --verbose &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  # Anonymous memory only: the memory-mapped input's pages are file cache, reclaimable, not the program's own.
  rss=$(awk '/RssAnon/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  ((rss > peak)) && peak=$rss
  sleep 0.2
done
wait "$pid"
end=$(date +%s.%N)
echo "output: $(du -h "$work/big.mseed" | cut -f1)"
echo "time: $(awk "BEGIN {print $end - $start}") s, peak anonymous memory (RssAnon, sampled every 0.2 s): ${peak} kB"
