#!/usr/bin/env bash
# An unauthenticated INVITE flood from one address (issue 12, reflection and unauthenticated floods): prints, per mode,
# the switch's CPU per INVITE, the datagrams and bytes it sent back, and the log bytes written. Asserts nothing.
#
#   bench/load/flood.sh                       # 10,000 INVITEs at 2,000/s, limit off then on
#   INVITES=2000 RATE=1000 MODES="on" bench/load/flood.sh
#
# Loopback is exempt from the limit by default; here it is not (SOFTSWITCH_SIP__UNAUTHENTICATED__EXEMPTLOOPBACK=false),
# so 127.0.0.1 stands for any stranger. Mode "off" sets enabled=false (count only, every INVITE answered: the switch's
# behaviour before the limit existed), mode "on" keeps the default limit (60 per 10 s). Each INVITE gets 100 Trying and a
# 407 that is retransmitted by timer G until timer H (32 s) because the sender never ACKs, as a forged source would not;
# the measurement therefore lasts until timer H has passed for the last INVITE. Columns: idle_ms is the switch's CPU in
# the 5 s before the flood (heartbeats), send_cpu_ms its CPU while the INVITEs arrive (us/INVITE = that / INVITEs),
# tail_cpu_ms its CPU in the 34 s after (retransmissions), then what came back to the sender and the log growth.
# Knobs: INVITES, RATE (per second), MODES, SKIP_BUILD=1, KEEP_WORK=1. Everything started here is stopped by PID on exit.
set -uo pipefail
INVITES=${INVITES:-10000}
RATE=${RATE:-2000}
MODES=${MODES:-"off on"}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/softswitch-flood.XXXXXX)
PIDS=()
HZ=$(getconf CLK_TCK)
# log, cleanup (trapped on exit) and free_port.
source "$(dirname "$0")/common.sh"
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building Release"
  (cd "$ROOT" && timeout 900 dotnet build -c Release src/Softswitch.Api -v q -nologo) >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
DLL="$ROOT/src/Softswitch.Api/bin/Release/net10.0/Softswitch.Api.dll"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), nproc $(nproc); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$INVITES INVITEs at $RATE/s from 127.0.0.1 (not exempt), never ACKed; log level: the shipped conf (Information)"
printf '%-5s %9s %9s %8s %13s %11s %12s %12s %12s %10s\n' mode answered dropped idle_ms send_cpu_ms us/INVITE tail_cpu_ms dgrams_back bytes_back log_bytes
export SOFTSWITCH_SIP__UNAUTHENTICATED__EXEMPTLOOPBACK=false
for mode in $MODES; do
  SIP_PORT=$(free_port); HTTP_PORT=$(free_port)
  if [[ "$mode" == "off" ]]; then export SOFTSWITCH_SIP__UNAUTHENTICATED__ENABLED=false; else export SOFTSWITCH_SIP__UNAUTHENTICATED__ENABLED=true; fi
  (cd "$WORK" && exec dotnet "$DLL" --sip-port "$SIP_PORT" --http-port "$HTTP_PORT" --bind 127.0.0.1 --db "$WORK/$mode.db" --no-demo \
      --rtp-ports 40000-40999) >"$WORK/$mode.log" 2>&1 &
  SWITCH=$!
  PIDS+=("$SWITCH")
  for _ in $(seq 1 120); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$HTTP_PORT/healthz" && break
    kill -0 "$SWITCH" 2>/dev/null || { cat "$WORK/$mode.log" >&2; exit 1; }
    sleep 0.5
  done
  log0=$(stat -c %s "$WORK/$mode.log")
  read -r answered back bytes idle send tail < <(python3 - "$SIP_PORT" "$INVITES" "$RATE" "$SWITCH" "$HZ" <<'PY'
import socket, sys, threading, time, uuid
port, count, rate, pid, hz = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), sys.argv[4], int(sys.argv[5])
def cpu_ms():  # utime + stime of the switch
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // hz
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.settimeout(0.5)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
lp = s.getsockname()[1]
calls, got, size, stop = set(), [0], [0], [False]
def receive():
    while not stop[0]:
        try:
            data = s.recv(65536)
        except socket.timeout:
            continue
        got[0] += 1; size[0] += len(data)
        for line in data.split(b"\r\n"):
            if line.lower().startswith(b"call-id:"):
                calls.add(line[8:].strip())
t = threading.Thread(target=receive); t.start()
c0 = cpu_ms(); time.sleep(5); c1 = cpu_ms()   # the idle switch, for reference
start = time.monotonic()
for i in range(count):
    cid = uuid.uuid4().hex
    msg = (f"INVITE sip:1002@127.0.0.1:{port} SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:{lp};branch=z9hG4bK{cid};rport\r\n"
           f"Max-Forwards: 70\r\nFrom: <sip:1001@127.0.0.1>;tag={cid[:8]}\r\nTo: <sip:1002@127.0.0.1>\r\n"
           f"Call-ID: {cid}\r\nCSeq: 1 INVITE\r\nContact: <sip:1001@127.0.0.1:{lp}>\r\nContent-Length: 0\r\n\r\n")
    s.sendto(msg.encode(), ("127.0.0.1", port))
    delay = start + (i + 1) / rate - time.monotonic()
    if delay > 0:
        time.sleep(delay)
time.sleep(0.5)
c2 = cpu_ms()
time.sleep(34)  # timer H (64*T1 = 32 s) of the last INVITE, and a margin
c3 = cpu_ms()
stop[0] = True; t.join()
print(len(calls), got[0], size[0], c1 - c0, c2 - c1, c3 - c2)
PY
)
  log1=$(stat -c %s "$WORK/$mode.log")
  per=$(python3 -c "print(f'{$send * 1000 / $INVITES:.0f}')")
  printf '%-5s %9s %9s %8s %13s %11s %12s %12s %12s %10s\n' "$mode" "$answered" "$((INVITES - answered))" "$idle" "$send" "$per" "$tail" \
    "$back" "$bytes" "$((log1 - log0))"
  kill -TERM "$SWITCH" 2>/dev/null; wait "$SWITCH" 2>/dev/null
done
