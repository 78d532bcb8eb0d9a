#!/usr/bin/env bash
# Load test of the REST request API: a fresh data centre in a temporary folder (a user with a token, a station
# with three uploaded WAVEFORM messages), `imsgate serve` with 2 HTTP threads, then CLIENTS concurrent clients
# sending a STATION + WAVEFORM request (bench/load_requests.py). Prints the report; exit status 1 on any error.
# Usage: bench/load_requests.sh [IMSGATE_BINARY]   (default build/release/src/cli/imsgate)
# Environment: CLIENTS (200), REQUESTS_PER_CLIENT (5), MODE (sync or async; "both" runs the two), THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."
imsgate=$(realpath "${1:-build/release/src/cli/imsgate}")
clients=${CLIENTS:-200}
per_client=${REQUESTS_PER_CLIENT:-5}
modes=${MODE:-sync}
[[ $modes == both ]] && modes="sync async"
threads=${THREADS:-2}
user=load@example.org
station=LOAD1

work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
data=$work/data

admin() { "$imsgate" admin --data-dir "$data" "$@" >/dev/null; }
admin user add "$user"
admin grant add --user "$user" --product '*' --station '*'
token=$("$imsgate" admin --data-dir "$data" token create --user "$user" | tail -n 1)
admin station add "$station" --kind seismic --name "load test" --lat 60.0 --lon 25.0 --signature optional
admin sender add "$user" --station "$station"

# Three WAVEFORM messages of ten minutes each (SHZ, 20 Hz, INT), 2026-11-01 00:00 to 00:30.
python3 - "$work" "$station" <<'EOF'
import math, sys
work, station = sys.argv[1], sys.argv[2]
rate, seconds = 20, 600
for part in range(3):
    n = rate * seconds
    samples = [1000 + int(500 * math.sin((part * n + i) / 7.0)) for i in range(n)]
    lines = ["BEGIN IMS2.0", "MSG_TYPE DATA", f"MSG_ID load{part} LOADTEST", "DATA_TYPE WAVEFORM IMS2.0:INT",
             f"WID2 2026/11/01 00:{10 * part:02d}:00.000 {station:<5} SHZ      INT {n:8d} {rate:11.6f}"
             f" {1.0:10.2e} {1.0:7.3f} {'S-13':<6} {-1.0:5.1f} {0.0:4.1f}",
             f"STA2 {'LOAD':<9} {60.0:9.5f} {25.0:10.5f} {'WGS-84':<12} {0.1:5.3f} {0.0:5.3f}", "DAT2"]
    lines += [" ".join(str(s) for s in samples[i:i + 15]) for i in range(0, n, 15)]
    lines += [f"CHK2 {sum(samples) % 100000000:8d}", "STOP"]
    with open(f"{work}/waveform{part}.msg", "w") as out:
        out.write("\n".join(lines) + "\n")
EOF

cat >"$work/request.msg" <<EOF
BEGIN IMS2.0
MSG_TYPE REQUEST
MSG_ID load LOADTEST
E-MAIL $user
TIME 2026/11/01 00:05:00 TO 2026/11/01 00:06:00
STA_LIST $station
CHAN_LIST SHZ
STATION IMS2.0
WAVEFORM IMS2.0:INT
STOP
EOF

cat >"$work/imsgate.toml" <<EOF
[server]
threads = $threads

[registry]
seed = false
EOF

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=http://127.0.0.1:$port
"$imsgate" serve --data-dir "$data" --listen "127.0.0.1:$port" --config "$work/imsgate.toml" \
  --log-format json 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "$server/readyz" >/dev/null && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
curl -fs "$server/readyz" >/dev/null || { echo "the server is not ready" >&2; exit 1; }

for part in 0 1 2; do
  sha=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: text/plain' \
    --data-binary "@$work/waveform$part.msg" "$server/api/v1/messages" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["sha256"])')
  for _ in $(seq 100); do
    status=$(curl -fs -H "Authorization: Bearer $token" "$server/api/v1/messages/$sha" || true)
    [[ -n $status ]] && break
    sleep 0.1
  done
  if [[ $status != *'"status":"accepted"'* ]]; then
    echo "upload $part was not accepted: ${status:-not stored}" >&2
    exit 1
  fi
done
echo "server $server, ${threads} HTTP threads; 3 WAVEFORM messages stored; request:"
sed 's/^/  /' "$work/request.msg"

# The server's CPU time (user + system) in seconds, from /proc.
server_cpu() { awk -v tick="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / tick}' "/proc/$server_pid/stat"; }

failed=0
for mode in $modes; do
  echo
  before=$(server_cpu)
  python3 bench/load_requests.py --server "$server" --token "$token" --clients "$clients" \
    --requests-per-client "$per_client" --request "$work/request.msg" --mode "$mode" || failed=1
  echo "server CPU $(awk "BEGIN {print $(server_cpu) - $before}") s"
done
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the server died:" >&2
  tail -n 20 "$work/serve.log" >&2
  exit 1
fi
echo
echo "server errors logged: $(grep -c '"level":"error"' "$work/serve.log" || true)"
exit "$failed"
