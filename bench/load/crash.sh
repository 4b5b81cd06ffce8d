#!/usr/bin/env bash
# kill -9 under load, restart, compare (issue 12 #4, docs/crash-recovery.md): prints figures, asserts nothing.
#
#   bench/load/crash.sh                          # 50 calls/s, 4 s calls, SIGKILL after 10 s, 1,000 calls in all
#   RATE=100 KILL_AFTER=8 CALLS=1500 bench/load/crash.sh
#
# SIPp phone A calls phone B (SIPp built-in UAS) through the switch with conf/sipp/uac_auth_hold_or_bye.xml: each call
# is held 4 s and ended by A, unless the switch sends BYE first. After KILL_AFTER seconds the switch gets SIGKILL and is
# restarted at once on the same database and SIP port; the load goes on against the new process. At the end it
# prints what SIPp saw (calls answered, completed, failed) next to the CDRs: CDRs of answered calls (callKey set),
# of those ended by the restart (end reason 49), and doubled keys (must be 0).
# Knobs: RATE, CALLS, KILL_AFTER, SKIP_BUILD=1, DLL (default the Release build), KEEP_WORK=1.
# Needs: sipp (Debian sip-tester), python3, curl, sqlite3 or python3's sqlite3 module, dotnet.
set -uo pipefail

RATE=${RATE:-50}
CALLS=${CALLS:-1000}
KILL_AFTER=${KILL_AFTER:-10}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/softswitch-crash.XXXXXX)
PIDS=()
source "$(dirname "$0")/common.sh"

command -v sipp >/dev/null || { echo "sipp is missing: apt-get install -y sip-tester" >&2; exit 2; }
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building Release"
  (cd "$ROOT" && timeout 900 dotnet build -c Release src/Softswitch.Api -v q -nologo) >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log" >&2; exit 1; }
fi
DLL=${DLL:-"$ROOT/src/Softswitch.Api/bin/Release/net10.0/Softswitch.Api.dll"}

SIP_PORT=$(free_port); PB=$(free_port); PA=$(free_port)
A=491520001; B=491520002; PW=crashpass1
export SOFTSWITCH_CALLS__MEDIATIMEOUTSECONDS=0

api() { curl -s --max-time 10 -XPOST "http://127.0.0.1:$HTTP_PORT/external/server/$1" -H 'Content-Type: application/json' -d "$2"; }

start_switch() {  # start_switch <log>
  HTTP_PORT=$(free_port)
  (cd "$WORK" && exec dotnet "$DLL" --sip-port "$SIP_PORT" --http-port "$HTTP_PORT" --bind 127.0.0.1 \
      --db "$WORK/crash.db" --no-demo --rtp-ports 10000-49999) >"$WORK/$1" 2>&1 &
  SWITCH=$!
  PIDS+=("$SWITCH")
  for _ in $(seq 1 120); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$HTTP_PORT/healthz" && return
    kill -0 "$SWITCH" 2>/dev/null || { cat "$WORK/$1" >&2; exit 1; }
    sleep 0.25
  done
  echo "switch not healthy" >&2; exit 1
}

log "starting the switch: SIP $SIP_PORT"
start_switch switch1.log
api CreateCustomer '{"account":"crash","name":"crash test"}' >/dev/null
for p in "$A" "$B"; do
  api CreatePhone "{\"autoCreateAccount\":false,\"e164\":\"$p\",\"account\":\"crash\",\"password\":\"$PW\"}" | grep -q '"retCode":0' \
    || { echo "CreatePhone $p failed" >&2; exit 1; }
done
printf 'SEQUENTIAL\n%s;\n' "$A" >"$WORK/callers.csv"
sed 's/Expires: 300/Expires: 3600/' "$ROOT/conf/sipp/register.xml" >"$WORK/register.xml"
timeout 30 sipp "127.0.0.1:$SIP_PORT" -sf "$WORK/register.xml" -p "$PB" -s "$B" -au "$B" -ap "$PW" -m 1 -i 127.0.0.1 -nostdin \
    -recv_timeout 5000 >/dev/null 2>&1 || { echo "REGISTER of $B failed" >&2; exit 1; }

# Long receive timeouts: calls up at the kill wait for the restarted switch's BYE.
(cd "$WORK" && exec sipp -sn uas -p "$PB" -i 127.0.0.1 -nostdin -aa -buff_size 1048576 -recv_timeout 60000 -m "$CALLS") \
    >"$WORK/uas.out" 2>&1 &
UAS=$!; PIDS+=("$UAS")
sleep 0.5
(cd "$WORK" && exec sipp "127.0.0.1:$SIP_PORT" -sf "$ROOT/conf/sipp/uac_auth_hold_or_bye.xml" -p "$PA" -i 127.0.0.1 -nostdin -aa \
    -buff_size 1048576 -s "$B" -au "$A" -ap "$PW" -inf "$WORK/callers.csv" -r "$RATE" -m "$CALLS" -l 100000 \
    -recv_timeout 60000 -timeout $((CALLS / RATE + 90))s -trace_counts -trace_stat) >"$WORK/uac.out" 2>&1 &
UAC=$!; PIDS+=("$UAC")

sleep "$KILL_AFTER"
log "SIGKILL to the switch (pid $SWITCH)"
kill -KILL "$SWITCH"; wait "$SWITCH" 2>/dev/null
log "restarting on the same database and SIP port"
start_switch switch2.log
log "restarted: $(grep -o 'Recovered [0-9]* calls: [0-9]* BYEs sent' "$WORK/switch2.log" || echo 'no recovery line')"

wait "$UAC"; UAC_EXIT=$?
wait "$UAS" 2>/dev/null
sleep 2
# CDRs are flushed by a clean stop.
kill -TERM "$SWITCH"; wait "$SWITCH" 2>/dev/null

python3 - "$WORK" "$UAC_EXIT" <<'PY'
import csv, glob, sqlite3, sys
work, uac_exit = sys.argv[1], sys.argv[2]
stats = list(csv.DictReader(open(glob.glob(work + "/uac_auth_hold_or_bye_*_.csv")[0]), delimiter=';'))[-1]
counts = list(csv.DictReader(open(glob.glob(work + "/uac_auth_hold_or_bye_*_counts.csv")[0]), delimiter=';'))[-1]
# The 200 to the authenticated INVITE is the 9th message of the scenario (index 8): its Recv count is what SIPp saw answered.
answered = int(counts.get("8_200_Recv", "0") or 0)
db = sqlite3.connect(work + "/crash.db")
keyed, distinct = db.execute("SELECT count(callKey), count(DISTINCT callKey) FROM cdrs").fetchone()
restarted = db.execute("SELECT count(*) FROM cdrs WHERE endReason = 49").fetchone()[0]
total = db.execute("SELECT count(*) FROM cdrs").fetchone()[0]
left = db.execute("SELECT count(*) FROM call_journal").fetchone()[0]
print(f"SIPp UAC (exit {uac_exit}): created {stats['OutgoingCall(C)']}, answered {answered}, "
      f"completed {stats['SuccessfulCall(C)']}, failed {stats['FailedCall(C)']}")
print(f"CDRs: {total} in all, {keyed} of answered calls ({restarted} ended by the restart), doubled keys {keyed - distinct}, journal rows left {left}")
print(f"answered by SIPp without a CDR: {max(0, answered - keyed)}; CDRs of answered calls SIPp never saw answered: {max(0, keyed - answered)}")
PY
