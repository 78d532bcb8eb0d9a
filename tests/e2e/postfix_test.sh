#!/usr/bin/env bash
# End to end with a real Postfix: signed and unsigned station messages go in over SMTP, Postfix delivers them
# into the intake Maildir of a running `imsgate serve`, and the test checks what was stored, what was rejected
# (each reason) and which ERROR_LOG replies went out (through Postfix to an smtp-sink). Then e-mail requests
# come in the same way (a request for the stored alerts, a HELP, one from an unregistered address) and their
# answers, sent through Postfix to the smtp-sink, are read back.
# Usage: postfix_test.sh IMSGATE_BINARY. Exit 77 (skipped) when not root: Postfix's master needs root.
set -euo pipefail
imsgate=$1
if [ "$(id -u)" -ne 0 ]; then echo "skipped: a private Postfix instance needs root"; exit 77; fi
for tool in postfix swaks openssl curl; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed"; exit 77; }
done
smtp_sink=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)

work=$(mktemp -d /tmp/imsgate-postfix.XXXXXX)
chmod 755 "$work"
data=$work/data
server_pid="" sink_pid=""
cleanup() {
  postfix -c "$work/conf" stop >/dev/null 2>&1 || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null
  if [ "${KEEP_E2E:-}" ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
fail() { echo "FAILED: $*"; echo "--- server log"; tail -30 "$work/server.log" || true; echo "--- mail log"; tail -20 "$work/maillog" || true; exit 1; }

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
}
smtp_port=$(free_port) sink_port=$(free_port) http_port=$(free_port)

# --- a test PKI made with the openssl command: a CA, a station certificate, a revoked one with its CRL, and a
# stranger's self-signed certificate.
pki=$work/pki
mkdir -p "$pki"
(
  cd "$pki"
  ec=(-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes)
  openssl req -x509 "${ec[@]}" -keyout ca.key -out ca.pem -days 30 -subj "/CN=imsgate e2e CA" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  for who in station revoked; do
    openssl req -new "${ec[@]}" -keyout $who.key -out $who.csr -subj "/CN=AUP06 $who" \
      -addext subjectAltName=email:operator@aup06.example 2>/dev/null
    openssl x509 -req -in $who.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 -copy_extensions copy \
      -out $who.pem 2>/dev/null
  done
  openssl req -x509 "${ec[@]}" -keyout stranger.key -out stranger.pem -days 30 -subj "/CN=stranger" 2>/dev/null
  printf '[ca]\ndefault_ca=e2e\n[e2e]\ndatabase=index.txt\ncrlnumber=crlnumber\ndefault_md=sha256\ndefault_crl_days=7\n' >ca.cnf
  : >index.txt
  echo 01 >crlnumber
  openssl ca -config ca.cnf -keyfile ca.key -cert ca.pem -revoke revoked.pem 2>/dev/null
  openssl ca -config ca.cnf -keyfile ca.key -cert ca.pem -gencrl -out crl.pem 2>/dev/null
)

# --- the registry
admin() { "$imsgate" admin --data-dir "$data" "$@" >/dev/null; }
admin station add AUP06 --kind radionuclide
admin station add AUP10 --kind radionuclide --signature required
admin sender add operator@aup06.example --station AUP06
admin sender add operator@aup06.example --station AUP10
admin cert import "$pki/ca.pem" --authority
admin cert import "$pki/station.pem" --station AUP06
admin cert import "$pki/revoked.pem" --station AUP06
admin crl import "$pki/crl.pem"
admin user add admin@imsgate.test --admin
admin user add analyst@ndc.example
admin grant add --user analyst@ndc.example --product '*' --station '*'
token=$("$imsgate" admin --data-dir "$data" token create --user admin@imsgate.test | tail -1)

# --- Postfix: delivers acq@imsgate.test into the intake, relays everything else to the smtp-sink.
mkdir -p "$work/conf" "$work/queue" "$work/data-postfix" "$work/sink" "$data/intake"/{tmp,new,cur}
chown postfix "$work/data-postfix" "$work/sink"
chown -R 65534:65534 "$data/intake"
sed "s/^smtp-in /127.0.0.1:$smtp_port /" "$(dirname "$0")/postfix-master.cf" >"$work/conf/master.cf"
cat >"$work/conf/main.cf" <<CF
compatibility_level = 3.6
queue_directory = $work/queue
data_directory = $work/data-postfix
mail_owner = postfix
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
myhostname = mx.imsgate.test
mydestination =
mynetworks = 127.0.0.0/8
virtual_mailbox_domains = imsgate.test
virtual_mailbox_base = $data
virtual_mailbox_maps = static:intake/
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
virtual_mailbox_limit = 0
relayhost = [127.0.0.1]:$sink_port
smtp_tls_security_level = none
smtputf8_enable = no
maillog_file = $work/maillog
maillog_file_prefixes = $work
CF
postfix -c "$work/conf" set-permissions >/dev/null 2>&1 || true
postfix -c "$work/conf" start >/dev/null 2>&1 || fail "Postfix did not start"
"$smtp_sink" -u postfix -d "$work/sink/reply." "127.0.0.1:$sink_port" 64 &
sink_pid=$!

# --- the server, answering over SMTP through Postfix
cat >"$work/imsgate.toml" <<TOML
[replies]
enabled = true
from = "acq@idc.imsgate.test"
[smtp]
url = "smtp://127.0.0.1:$smtp_port"
TOML
"$imsgate" serve --data-dir "$data" --listen "127.0.0.1:$http_port" --config "$work/imsgate.toml" \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$http_port/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$http_port/readyz" >/dev/null || fail "the server is not ready"

# --- the messages
alert() {  # station n [date]
  printf 'BEGIN IMS2.0\r\nMSG_TYPE DATA\r\nMSG_ID E2E%s %s\r\nDATA_TYPE ALERT_FLOW\r\n%s ALERT_FLOW %s 00:00:%02d\r\nLow flow %s.\r\nSTOP\r\n' \
    "$2" "$1" "$1" "${3:-2026/11/01}" "$2" "$2"
}
signed() {  # signer station n
  alert "$2" "$3" | openssl cms -sign -text -md sha256 -signer "$pki/$1.pem" -inkey "$pki/$1.key" \
    -from operator@aup06.example -to acq@imsgate.test -subject "AUP data $3"
}
unsigned() {  # from station n [date]
  printf 'From: %s\r\nTo: acq@imsgate.test\r\nSubject: AUP data %s\r\n\r\n' "$1" "$3"
  alert "$2" "$3" "${4:-}"
}
send() {  # file [envelope-from envelope-to]
  swaks --silent 2 --server "127.0.0.1:$smtp_port" --from "${2:-operator@aup06.example}" \
    --to "${3:-acq@imsgate.test}" --data "@$1" >/dev/null || fail "swaks could not send $1"
}
msgs=$work/messages
mkdir -p "$msgs"
signed station AUP06 1 >"$msgs/1-valid.eml"
unsigned operator@aup06.example AUP06 2 >"$msgs/2-unsigned.eml"
unsigned operator@aup06.example AUP10 3 >"$msgs/3-signature-required.eml"
signed station AUP06 4 | sed 's/Low flow 4/Low flow 5/' >"$msgs/4-tampered.eml"
signed stranger AUP06 5 >"$msgs/5-stranger.eml"
signed revoked AUP06 6 >"$msgs/6-revoked.eml"
unsigned nobody@elsewhere.example AUP06 7 >"$msgs/7-unknown-sender.eml"
unsigned operator@aup06.example AUP06 8 2026/13/01 >"$msgs/8-invalid.eml"
for m in "$msgs"/*.eml; do send "$m"; done

# --- wait until all 8 are judged
count() { "$imsgate" admin --data-dir "$data" rejected --json --limit 100 | grep -c '"status":"rejected"' || true; }
accepted() {
  curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$http_port/api/v1/messages?status=accepted" |
    grep -o '"status":"accepted"' | wc -l
}
for _ in $(seq 300); do [ "$(count)" -ge 6 ] && [ "$(accepted)" -ge 2 ] && break; sleep 0.2; done
[ "$(accepted)" -eq 2 ] || fail "expected 2 accepted messages, got $(accepted)"
rejected=$("$imsgate" admin --data-dir "$data" rejected --json --limit 100)
for reason in signature_required bad_signature unknown_certificate revoked_certificate unknown_sender invalid; do
  grep -q "\"reason\":\"$reason\"" <<<"$rejected" || fail "no message rejected for $reason: $rejected"
done
[ "$(grep -c . <<<"$rejected")" -eq 6 ] || fail "expected 6 rejected messages: $rejected"
# The delivered bytes are the archived bytes: Postfix adds its Received and Return-Path headers, nothing else.
grep -q '"sender":"operator@aup06.example"' <<<"$rejected" || fail "sender not recorded"

# --- replies: an ERROR_LOG to the registered sender for each of its 5 rejected messages; nothing to nobody@.
for _ in $(seq 150); do [ "$(grep -l 'DATA_TYPE ERROR_LOG' "$work"/sink/reply.* 2>/dev/null | wc -l)" -ge 5 ] && break; sleep 0.2; done
replies=$(grep -l 'DATA_TYPE ERROR_LOG' "$work"/sink/reply.* 2>/dev/null | wc -l)
[ "$replies" -eq 5 ] || fail "expected 5 ERROR_LOG replies, got $replies"
grep -q 'RCPT TO:<operator@aup06.example>\|operator@aup06.example' "$work"/sink/reply.* || fail "replies not to the sender"
! grep -l 'nobody@elsewhere.example' "$work"/sink/reply.* >/dev/null 2>&1 || fail "a reply went to an unknown sender"
grep -h 'REF_ID' "$work"/sink/reply.* | grep -q 'E2E6' || fail "no ERROR_LOG names message E2E6"

# --- metrics
metrics=$(curl -sf "http://127.0.0.1:$http_port/metrics")
grep -q 'imsgate_messages_rejected_total{.*reason="revoked_certificate"' <<<"$metrics" || fail "metrics: $metrics"
grep -q '^imsgate_messages_accepted_total{data_type="ALERT_FLOW",station="AUP06"} 2' <<<"$metrics" ||
  fail "metrics: $metrics"

# --- e-mail requests: answered through the outbox, Postfix and the smtp-sink like the replies
request_mail() {  # from body-file
  printf 'From: %s\r\nTo: vdms@imsgate.test\r\nSubject: request\r\n\r\n' "$1"
  sed 's/$/\r/' "$2"
}
cat >"$msgs/alert-request.txt" <<'MSG'
BEGIN IMS2.0
MSG_TYPE REQUEST
MSG_ID PF1 ANY_NDC
E-MAIL results@ndc.example
TIME 2026/11/01 00:00 TO 2026/11/02 00:00
STA_LIST AUP06
ALERT_FLOW
STOP
MSG
sed 's/PF1/PF3/' "$msgs/alert-request.txt" >"$msgs/stranger-request.txt"
echo help >"$msgs/help.txt"
request_mail analyst@ndc.example "$msgs/alert-request.txt" >"$msgs/r1-request.eml"
request_mail analyst@ndc.example "$msgs/help.txt" >"$msgs/r2-help.eml"
request_mail stranger@elsewhere.example "$msgs/stranger-request.txt" >"$msgs/r3-unregistered.eml"
send "$msgs/r1-request.eml" analyst@ndc.example vdms@imsgate.test
send "$msgs/r2-help.eml" analyst@ndc.example vdms@imsgate.test
send "$msgs/r3-unregistered.eml" stranger@elsewhere.example vdms@imsgate.test

# The sink's file that holds a string (case-insensitive); empty while none does.
sunk() { grep -il -- "$1" "$work"/sink/reply.* 2>/dev/null | head -1; }
requests() { "$imsgate" admin --data-dir "$data" requests --json; }
finished() { requests | grep '"status":"done"' | grep -c '"delivered_at"' || true; }
for _ in $(seq 150); do
  [ "$(finished)" -ge 3 ] && [ -n "$(sunk 'REF_ID PF1')" ] && [ -n "$(sunk 'Request lines')" ] &&
    [ -n "$(sunk 'REF_ID PF3')" ] && break
  sleep 0.2
done
listed=$(requests)
for id in PF1 PF3; do
  grep "\"msg_id\":\"$id\"" <<<"$listed" | grep '"status":"done"' | grep -q '"delivered_at"' ||
    fail "request $id not done and delivered: $listed"
done
grep '"products":"HELP"' <<<"$listed" | grep '"status":"done"' | grep -q '"delivered_at"' ||
  fail "HELP not done and delivered: $listed"
[ "$(grep -c . <<<"$listed")" -eq 3 ] || fail "expected 3 requests: $listed"

# The answer to the request: to the E-MAIL line's address, naming the request, its LOG echo, the two alerts.
answer=$(sunk 'REF_ID PF1')
[ -n "$answer" ] || fail "no answer to request PF1 reached the sink"
grep -q '^X-Rcpt-Args: <results@ndc.example>' "$answer" ||
  fail "PF1 not answered to its E-MAIL line: $(head -5 "$answer")"
grep -qi '^REF_ID PF1 ANY_NDC' "$answer" || fail "no REF_ID PF1 ANY_NDC: $(cat "$answer")"
grep -qi '^DATA_TYPE LOG' "$answer" || fail "no LOG section: $(cat "$answer")"
grep -qi 'Submitted request' "$answer" || fail "no request echo in the LOG: $(cat "$answer")"
grep -qi 'E-MAIL results@ndc.example' "$answer" || fail "the E-MAIL line not echoed: $(cat "$answer")"
grep -qi '^DATA_TYPE ALERT_FLOW' "$answer" || fail "no ALERT_FLOW section: $(cat "$answer")"
for n in 1 2; do
  grep -qi "^AUP06 ALERT_FLOW 2026/11/01 00:00:0$n" "$answer" || fail "alert $n not answered: $(cat "$answer")"
done
! grep -qi '^DATA_TYPE ERROR_LOG' "$answer" || fail "PF1 answered with errors: $(cat "$answer")"

# HELP: to the sender, with the help text.
help=$(sunk 'Request lines')
[ -n "$help" ] || fail "no HELP answer reached the sink"
grep -q '^X-Rcpt-Args: <analyst@ndc.example>' "$help" || fail "HELP not sent to the sender: $(head -5 "$help")"

# The unregistered requester: an ERROR_LOG, no data.
refused=$(sunk 'REF_ID PF3')
[ -n "$refused" ] || fail "no answer to the unregistered request PF3"
grep -q '^X-Rcpt-Args: <stranger@elsewhere.example>' "$refused" || fail "PF3 not answered to its sender"
grep -qi '^DATA_TYPE ERROR_LOG' "$refused" || fail "no ERROR_LOG for PF3: $(cat "$refused")"
grep -q 'stranger@elsewhere.example is not a registered user' "$refused" ||
  fail "PF3's ERROR_LOG does not say why: $(cat "$refused")"
! grep -qi '^DATA_TYPE ALERT_FLOW' "$refused" || fail "data sent to an unregistered requester"
# One answer each: the unregistered request's E-MAIL line was not followed.
for id in PF1 PF3; do
  [ "$(grep -il "^REF_ID $id " "$work"/sink/reply.* | wc -l)" -eq 1 ] || fail "not one answer to $id"
done

echo "postfix end to end: 2 accepted, 6 rejected with their reasons, 5 ERROR_LOG replies;" \
  "a request, a HELP and an unregistered request answered through the outbox"
