#!/usr/bin/env bash
# SIPp load against the switch: prints figures, asserts nothing about wall time.
#
#   bench/load/calls.sh                      # everything: signalling steps, held calls, calls with RTP, relay-load
#   STEP_SECONDS=5 RATES="200 400" PHASES="signalling" bench/load/calls.sh   # smoke run
#
# Phases (PHASES, space separated, default "signalling held rtp relaybench"):
#   signalling  uac_auth.xml at RATES (calls/s, each STEP_SECONDS long, 1 s hold) until a step is not clean
#   trunk       the same steps through a static mapping gateway and a routing gateway (uac_trunk.xml)
#   kamailio    the Kamailio 5.6 stateful-proxy baseline at the same RATES and STEP_SECONDS (bench/kamailio/run_baseline.sh,
#               MODES=proxy; installs kamailio as root when missing; uses 127.0.0.1:5060/5070/5080), then the ratios
#   held        HELD_CALLS calls held HELD_SECONDS at HELD_RATE calls/s, RTP relay allocated but silent
#   rtp         uac_auth_rtp.xml (plays g711a.pcap, 7 s, 50 pps) against a UAS with -rtp_echo at RTP_RATES
#   relaybench  the in-process relay benchmark (bench/Softswitch.Bench relay-load)
# Other knobs: WARMUP_SECONDS (default 20, at 100 calls/s before the steps), MAX_BAD_STEPS (default 1), SKIP_BUILD=1, KEEP_WORK=1 (keep the temp folder with SIPp CSVs and the switch log),
#   SWITCH_LOG_LEVEL (default: the shipped conf, Information), RECV_TIMEOUT_MS (default 10000),
#   RELAY_ARGS (default "--sessions 500 --pps 100 --seconds 10").
# Needs: sipp (Debian sip-tester), python3, curl, dotnet. Everything started here is stopped by PID on exit.
set -uo pipefail

STEP_SECONDS=${STEP_SECONDS:-30}
RATES=${RATES:-"200 400 600 800 1000 1200 1500 2000 2500 3000"}
PHASES=${PHASES:-"signalling trunk kamailio held rtp relaybench"}
HELD_CALLS=${HELD_CALLS:-5000}
HELD_SECONDS=${HELD_SECONDS:-60}
HELD_RATE=${HELD_RATE:-250}
RTP_RATES=${RTP_RATES:-"50 100 150"}
RTP_SECONDS=${RTP_SECONDS:-30}
RECV_TIMEOUT_MS=${RECV_TIMEOUT_MS:-10000}
RELAY_ARGS=${RELAY_ARGS:-"--sessions 500 --pps 100 --seconds 10"}
MAX_BAD_STEPS=${MAX_BAD_STEPS:-1}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/softswitch-load.XXXXXX)
PIDS=()
HZ=$(getconf CLK_TCK)
NPROC=$(nproc)

# log, cleanup (trapped on exit) and free_port.
source "$(dirname "$0")/common.sh"

command -v sipp >/dev/null || { echo "sipp is missing: apt-get install -y sip-tester" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is missing" >&2; exit 2; }
ulimit -n "${NOFILE:-65536}" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
NOFILE_NOW=$(ulimit -n)


cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }    # utime + stime of a process
machine_cpu() { awk '/^cpu /{print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }   # idle+iowait, total
status_kb() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null || echo 0; }
fd_count() { ls "/proc/$1/fd" 2>/dev/null | wc -l; }
rcvbuf_errors() { awk '/^Udp:/{n++; if (n == 2) print $6}' /proc/net/snmp; }

api() {  # api <Name> <json>
  curl -s --max-time 10 -XPOST "http://127.0.0.1:$HTTP_PORT/external/server/$1" -H 'Content-Type: application/json' -d "$2"
}
call_size() { api GetPerformance '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["infoPerformance"]["callSize"])' 2>/dev/null || echo "?"; }
# Requests answered 503 by overload shedding since the switch started (docs/hardening.md "Overload").
overload_shed() { api GetPerformance '{}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["infoPerformance"].get("overloadShed", "?"))' 2>/dev/null || echo "?"; }

# Waits until the switch has no live call (bounded); prints the count left.
drain() {
  local left
  for _ in $(seq 1 "${1:-60}"); do
    left=$(call_size)
    [[ "$left" == "0" ]] && { echo 0; return; }
    sleep 1
  done
  echo "$left"
}

# ---------- build, start the switch, provision ----------
if [[ -z "${SKIP_BUILD:-}" ]]; then
  log "building Release"
  (cd "$ROOT" && timeout 900 dotnet build -c Release Softswitch.sln -v q -nologo) >"$WORK/build.log" 2>&1 \
    || { cat "$WORK/build.log" >&2; exit 1; }
fi
DLL="$ROOT/src/Softswitch.Api/bin/Release/net10.0/Softswitch.Api.dll"

SIP_PORT=$(free_port); HTTP_PORT=$(free_port); PB=$(free_port); PA=$(free_port)
A=491510001; B=491510002; PWA=loadpassA1; PWB=loadpassB2
export SOFTSWITCH_CALLS__MEDIATIMEOUTSECONDS=0
[[ -n "${SWITCH_LOG_LEVEL:-}" ]] && export SOFTSWITCH_LOGGING__LOGLEVEL__DEFAULT=$SWITCH_LOG_LEVEL

start_switch() {
  log "starting the switch: SIP $SIP_PORT, HTTP $HTTP_PORT"
  (cd "$WORK" && exec dotnet "$DLL" --sip-port "$SIP_PORT" --http-port "$HTTP_PORT" --bind 127.0.0.1 \
      --db "$WORK/load.db" --no-demo --rtp-ports 10000-49999) >"$WORK/switch.log" 2>&1 &
  SWITCH=$!
  PIDS+=("$SWITCH")
  for _ in $(seq 1 120); do
    curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$HTTP_PORT/healthz" && break
    kill -0 "$SWITCH" 2>/dev/null || { cat "$WORK/switch.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$HTTP_PORT/healthz" || { echo "switch not healthy" >&2; exit 1; }
  api CreateCustomer '{"account":"load","name":"load test"}' >/dev/null
  api CreatePhone "{\"autoCreateAccount\":false,\"e164\":\"$A\",\"account\":\"load\",\"password\":\"$PWA\"}" | grep -q '"retCode":0' \
    || { echo "CreatePhone A failed" >&2; exit 1; }
  api CreatePhone "{\"autoCreateAccount\":false,\"e164\":\"$B\",\"account\":\"load\",\"password\":\"$PWB\"}" | grep -q '"retCode":0' \
    || { echo "CreatePhone B failed" >&2; exit 1; }
}

printf 'SEQUENTIAL\n%s;\n' "$A" >"$WORK/callers.csv"
sed 's/Expires: 300/Expires: 3600/' "$ROOT/conf/sipp/register.xml" >"$WORK/register.xml"
# -aa: SIPp answers the switch's in-dialog OPTIONS keep-alives (calls.keepAliveSeconds) with 200 instead of aborting the call.
SIPP_COMMON=(-nostdin -buff_size 1048576 -aa)
UAC_EXTRA=()
UAC_IP=127.0.0.1      # where the UAC sends from (the trunk phase: a static mapping gateway's address)
DIALLED=$B            # what the UAC dials

# Registers B from port PB (the UAS must not be running), then starts the built-in UAS there.
start_uas() {  # start_uas [extra sipp args]
  timeout 30 sipp "127.0.0.1:$SIP_PORT" -sf "$WORK/register.xml" -p "$PB" -s "$B" -au "$B" -ap "$PWB" -m 1 \
      -i 127.0.0.1 "${SIPP_COMMON[@]}" -recv_timeout 5000 >/dev/null 2>&1 || { echo "REGISTER of $B failed" >&2; exit 1; }
  sipp -sn uas -p "$PB" -i 127.0.0.1 "${SIPP_COMMON[@]}" "$@" >/dev/null 2>"$WORK/uas.err" &
  UAS=$!
  PIDS+=("$UAS")
  sleep 0.5
  kill -0 "$UAS" 2>/dev/null || { cat "$WORK/uas.err" >&2; exit 1; }
}
stop_uas() { kill -TERM "$UAS" 2>/dev/null; for _ in $(seq 1 25); do kill -0 "$UAS" 2>/dev/null || break; sleep 0.2; done; kill -KILL "$UAS" 2>/dev/null; wait "$UAS" 2>/dev/null; }

# Reads SIPp's -trace_stat CSV: final counters and the achieved creation rate (calls created / time to create them).
stat_summary() {  # stat_summary <csv> -> "created ok failed retrans achieved_rate elapsed_s rtd_ms"
  python3 - "$1" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter=';'))
if not rows:
    print("0 0 0 0 0 0 0"); sys.exit()
def secs(r):  # CurrentTime is "date<TAB>time<TAB>epoch"; ElapsedTime has only 1 s resolution
    return float(r['CurrentTime'].split()[-1]) - float(r['StartTime'].split()[-1])
last = rows[-1]
created = int(last['OutgoingCall(C)'])
first_full = next(r for r in rows if int(r['OutgoingCall(C)']) == created)
# creation time: interpolate within the 1 s period in which the last call was created
t = secs(first_full)
i = rows.index(first_full)
if i > 0:
    prev = rows[i - 1]; p = secs(prev); c0 = int(prev['OutgoingCall(C)'])
    dc = created - c0
    if dc > 0 and t > p:
        t = p + (t - p) * (created - c0) / dc
rt = last.get('ResponseTime1(C)', '0:0:0:0').split(':')
rt_ms = (int(rt[0]) * 3600 + int(rt[1]) * 60 + int(rt[2])) * 1000 + int(rt[3]) / 1000 if len(rt) == 4 else 0
print(created, last['SuccessfulCall(C)'], last['FailedCall(C)'], last['Retransmissions(C)'],
      f"{created / t:.0f}" if t > 0 else 0, f"{secs(last):.1f}", f"{rt_ms:.1f}")
EOF
}

# Runs one UAC burst; prints a result line; returns 0 when the step was clean.
# uac_step <label> <scenario> <rate> <calls> <hold_ms> [<limit>]
uac_step() {
  local label=$1 scen=$2 rate=$3 calls=$4 hold=$5 limit=${6:-}
  local csv="$WORK/$label.csv" t0 t1 i0 i1 idle0 tot0 idle1 tot1 rb0 rb1 dur
  rm -f "$csv"
  local args=("127.0.0.1:$SIP_PORT" -sf "$scen" -p "$PA" -s "$DIALLED" -au "$A" -ap "$PWA" -inf "$WORK/callers.csv"
    -r "$rate" -m "$calls" -d "$hold" -recv_timeout "$RECV_TIMEOUT_MS" -i "$UAC_IP" "${SIPP_COMMON[@]}"
    -trace_stat -stf "$csv" -fd 1 -trace_err -error_file "$WORK/$label.err")
  [[ -n "$limit" ]] && args+=(-l "$limit")
  args+=(${UAC_EXTRA[@]+"${UAC_EXTRA[@]}"})
  dur=$(( calls / rate + hold / 1000 + RECV_TIMEOUT_MS / 1000 * 4 + 60 ))
  t0=$(cpu_ticks "$SWITCH"); read -r idle0 tot0 < <(machine_cpu); rb0=$(rcvbuf_errors)
  # In the background + wait, so an INT/TERM to this script runs the cleanup at once (bash defers traps while a
  # foreground child runs).
  timeout "$dur" sipp "${args[@]}" >"$WORK/$label.out" 2>&1 &
  local sp=$!
  PIDS+=("$sp")
  wait "$sp"
  local rc=$?
  t1=$(cpu_ticks "$SWITCH"); read -r idle1 tot1 < <(machine_cpu); rb1=$(rcvbuf_errors)
  read -r created ok failed retrans achieved elapsed rtd < <(stat_summary "$csv")
  created=${created:-0}; ok=${ok:-0}; failed=${failed:-0}; retrans=${retrans:-0}; achieved=${achieved:-0}; elapsed=${elapsed:-0}; rtd=${rtd:-0}
  local cpu_ms=$(( (t1 - t0) * 1000 / HZ ))
  local per_call busy sw
  per_call=$(python3 -c "print(f'{$cpu_ms / max(1, $ok):.3f}')")
  busy=$(python3 -c "d=$tot1-$tot0; print(f'{100 * (1 - ($idle1-$idle0) / d):.0f}' if d else 0)")
  sw=$(python3 -c "print(f'{$cpu_ms / 10 / max(0.001, $elapsed):.0f}')")
  LAST_RESULT=$(printf '%-8s %8s %8s %8s %7s %7s %8s %9s %9s %7s %8s %7s' "$rate" "$achieved" "$ok" "$failed" "$retrans" \
    "$rtd" "$per_call" "$sw%" "$busy%" "$(( $(status_kb "$SWITCH" VmHWM) / 1024 ))" "$((rb1 - rb0))" "$rc")
  echo "$LAST_RESULT"
  STEP_OK=$ok; STEP_FAILED=$failed; STEP_RETRANS=$retrans; STEP_ACHIEVED=$achieved; STEP_CREATED=$created
  [[ $rc -eq 124 ]] && echo "  (sipp killed by the outer timeout after ${dur}s)"
  [[ "$failed" != "0" && -s "$WORK/$label.err" ]] && echo "  first errors: $(grep -v '^$' "$WORK/$label.err" | head -c 300 | tr '\n' ' ')"
  return 0
}
HEADER=$(printf '%-8s %8s %8s %8s %7s %7s %8s %9s %9s %7s %8s %7s' target achieved ok failed retrans rtd_ms ms/call switchCPU machine HWM_MB rcvbufE sippRc)

machine_banner() {
  echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), nproc $NPROC, $(uname -r); $(date -u +%F\ %T) UTC"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "ulimit -n $NOFILE_NOW"
  echo "sipp: $(sipp -v 2>&1 | grep -o 'v[0-9.]*[^ ]*' | head -1); switch: $DLL; SOFTSWITCH_CALLS__MEDIATIMEOUTSECONDS=0${SWITCH_LOG_LEVEL:+, log level $SWITCH_LOG_LEVEL}"
}

phase_signalling() {
  echo
  echo "== Calls (signalling): uac_auth.xml, 1 s hold, ${STEP_SECONDS} s per step (each call = INVITE/407/ACK + INVITE/180/200/ACK + BYE/200) =="
  echo "   ms/call = switch CPU (utime+stime) per successful call; switchCPU = % of one core over the step; machine = all $NPROC cores from /proc/stat idle"
  echo "   rtd_ms = SIPp mean time from the first INVITE to the 200 (two INVITE transactions)"
  echo "   rcvbufE = host-wide UDP RcvbufErrors during the step; sippRc: 0 = all calls ok"
  start_uas
  if (( WARMUP_SECONDS > 0 )); then
    echo "warm-up (JIT tiering; not counted): 100 calls/s for ${WARMUP_SECONDS} s"
    echo "$HEADER"
    uac_step warmup "$ROOT/conf/sipp/uac_auth.xml" 100 $(( 100 * WARMUP_SECONDS )) 1000
    echo "  live calls after drain: $(drain 45)"
  fi
  rate_steps sig "$ROOT/conf/sipp/uac_auth.xml"
  stop_uas
}

# The rate steps of a phase: each RATES step until MAX_BAD_STEPS are not clean; prints the best rates.
rate_steps() {  # rate_steps <label> <scenario>
  echo "$HEADER"
  local best_clean=0 best_strict=0 bad=0 r ok failed retrans achieved left la
  for r in $RATES; do
    uac_step "$1-$r" "$2" "$r" $(( r * STEP_SECONDS )) 1000
    la=$(cut -d' ' -f1 /proc/loadavg)
    left=$(drain 45)
    echo "  load1 $la; live calls after drain: $left; switch fds $(fd_count "$SWITCH"); RSS $(( $(status_kb "$SWITCH" VmRSS) / 1024 )) MB; goodput $(( STEP_OK / STEP_SECONDS )) calls/s; shed by overload since start: $(overload_shed)"
    ok=$STEP_OK; failed=$STEP_FAILED; retrans=$STEP_RETRANS; achieved=$STEP_ACHIEVED
    local strict clean
    strict=$(python3 -c "print(1 if $STEP_SECONDS >= 30 and $failed * 1000 < max(1, $ok + $failed) else 0)")
    clean=$(python3 -c "print(1 if $failed * 1000 < max(1, $ok + $failed) and $retrans * 100 < max(1, $ok) and $achieved >= 0.95 * $r else 0)")
    [[ $strict == 1 ]] && best_strict=$r
    if [[ $clean == 1 ]]; then best_clean=$r; else bad=$((bad + 1)); fi
    [[ $bad -ge $MAX_BAD_STEPS ]] && break
  done
  echo "highest rate with < 0.1% failed calls over >= 30 s: ${best_strict} calls/s"
  echo "highest sustainable rate (docs/performance.md: < 0.1% failed, < 1% retransmissions per call, achieved >= 95%): ${best_clean} calls/s (step ${STEP_SECONDS} s)"
  BEST[$1]=$best_clean
}

declare -A BEST

phase_kamailio() {
  echo
  echo "== Kamailio 5.6 stateful proxy (tm, rr, no auth) between SIPp UAC and UAS, same rates and step length =="
  local out="$WORK/kamailio"
  MODES=proxy RATES="$RATES" DURATION="$STEP_SECONDS" OUT="$out" bash "$ROOT/bench/kamailio/run_baseline.sh" 2>&1 | grep -v '^#' | tail -n +1
  BEST[kamailio]=$(awk -F'\t' 'NR>1 && $1 == "proxy" { ok = ($9 < $3*0.01) && ($11 >= $2*0.95) && ($5 - $6 < $3*0.001); if (ok && $2 > b) b = $2 } END { print b + 0 }' "$out/results.tsv" 2>/dev/null)
  echo "Kamailio highest sustainable rate: ${BEST[kamailio]} calls/s (calls SIPp aborted for a 180 after the 200, which a stateful proxy's workers may reorder, not counted as failed)"
}

# The phases' best rates side by side, and each against Kamailio's when it ran.
ratios() {
  [[ "${BEST[*]+set}" == set ]] || return 0   # no rate phase ran (an empty array is "unbound" under set -u)
  echo
  echo "== Highest sustainable rates of this run (calls/s, step ${STEP_SECONDS} s) =="
  local k
  for k in sig trunk kamailio; do
    [[ -n "${BEST[$k]:-}" ]] || continue
    if [[ $k != kamailio && -n "${BEST[kamailio]:-}" && "${BEST[kamailio]}" != 0 ]]; then
      printf '  %-9s %6s   (%.2fx Kamailio)\n' "$k" "${BEST[$k]}" "$(python3 -c "print(${BEST[$k]} / ${BEST[kamailio]})")"
    else
      printf '  %-9s %6s\n' "$k" "${BEST[$k]}"
    fi
  done
}

phase_trunk() {
  # A static mapping gateway (SIPp UAC on 127.0.0.2, no digest) -> the router -> a routing gateway (prefix 7, the 7
  # stripped) -> SIPp's built-in UAS on 127.0.0.3 as the carrier. The same steps as the phone-to-phone phase.
  echo
  echo "== Trunk calls: uac_trunk.xml from static mapping gateway 127.0.0.2 -> routing gateway (prefix 7) -> SIPp UAS on 127.0.0.3, 1 s hold =="
  echo "   each call = INVITE/100/180/200/ACK + BYE/200 on each side (no digest: the trunk is known by its address)"
  api CreateGatewayMapping '{"name":"load-in","remoteIps":"127.0.0.2","registerType":0,"account":"load"}' | grep -q '"retCode":0' \
    || { echo "CreateGatewayMapping failed" >&2; exit 1; }
  api CreateGatewayRouting "{\"name\":\"load-out\",\"prefix\":\"7\",\"remoteIp\":\"127.0.0.3\",\"signalPort\":$PB,\"rewriteRulesInCallee\":\"7:\"}" \
    | grep -q '"retCode":0' || { echo "CreateGatewayRouting failed" >&2; exit 1; }
  sipp -sn uas -p "$PB" -i 127.0.0.3 "${SIPP_COMMON[@]}" >/dev/null 2>"$WORK/uas.err" &
  UAS=$!
  PIDS+=("$UAS")
  sleep 0.5
  kill -0 "$UAS" 2>/dev/null || { cat "$WORK/uas.err" >&2; exit 1; }
  UAC_IP=127.0.0.2; DIALLED=7$B
  if (( WARMUP_SECONDS > 0 )); then
    echo "warm-up (JIT tiering; not counted): 100 calls/s for ${WARMUP_SECONDS} s"
    echo "$HEADER"
    uac_step trunk-warmup "$ROOT/conf/sipp/uac_trunk.xml" 100 $(( 100 * WARMUP_SECONDS )) 1000
    echo "  live calls after drain: $(drain 45)"
  fi
  rate_steps trunk "$ROOT/conf/sipp/uac_trunk.xml"
  UAC_IP=127.0.0.1; DIALLED=$B
  stop_uas
}

phase_held() {
  # Each held call holds 2 RTP/RTCP port pairs = 4 sockets in the switch: stay under the fd limit.
  local fit=$(( (NOFILE_NOW - 400) / 4 ))
  if (( HELD_CALLS > fit )); then
    echo
    echo "NOTE: ulimit -n is $NOFILE_NOW (hard limit $(ulimit -Hn)); $HELD_CALLS held calls need $(( HELD_CALLS * 4 )) relay sockets: capped to $fit calls (HELD_NO_CAP=1 to try anyway)"
    [[ -z "${HELD_NO_CAP:-}" ]] && HELD_CALLS=$fit
  fi
  echo
  echo "== Concurrent held calls: $HELD_CALLS calls at $HELD_RATE/s held ${HELD_SECONDS} s, relay allocated, no RTP =="
  start_uas
  local fd0 rss0 peak=0 peak_rss=0 peak_gp_mem=0 sampler
  fd0=$(fd_count "$SWITCH"); rss0=$(( $(status_kb "$SWITCH" VmRSS) / 1024 ))
  echo "before: switch RSS ${rss0} MB, fds $fd0, load1 $(cut -d' ' -f1 /proc/loadavg)"
  # sampler: callSize and RSS every second while the UAC runs
  (
    end=$(( SECONDS + HELD_CALLS / HELD_RATE + HELD_SECONDS + 120 ))
    while (( SECONDS < end )); do
      n=$(call_size); echo "$n $(status_kb "$SWITCH" VmRSS) $(fd_count "$SWITCH") $(cut -d' ' -f1 /proc/loadavg)"; sleep 1
    done
  ) >"$WORK/held.samples" &
  sampler=$!
  PIDS+=("$sampler")
  echo "$HEADER"
  uac_step held "$ROOT/conf/sipp/uac_auth.xml" "$HELD_RATE" "$HELD_CALLS" $(( HELD_SECONDS * 1000 )) "$HELD_CALLS"
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
  read -r peak peak_rss peak_fd peak_la < <(sort -n -k1,1 "$WORK/held.samples" | grep -v '^?' | tail -1)
  local left; left=$(drain 60)
  sleep 2
  echo "peak concurrent calls (GetPerformance callSize): $peak; switch RSS at the peak $(( peak_rss / 1024 )) MB; fds at the peak $peak_fd; load1 $peak_la"
  echo "switch peak RSS (VmHWM) $(( $(status_kb "$SWITCH" VmHWM) / 1024 )) MB; RSS per held call $(python3 -c "print(f'{($peak_rss/1024 - $rss0) * 1024 / max(1, $peak):.1f}')") KB above the idle ${rss0} MB"
  echo "completed: $STEP_OK of $HELD_CALLS successful, $STEP_FAILED failed; live calls after: $left; fds after $(fd_count "$SWITCH") (before $fd0)"
  stop_uas
}

# Sums the relay's RTP counters over live calls (GetCurrentCall), keyed by callId: "callId packets" lines.
rtp_counters() {
  api GetCurrentCall '{}' | python3 -c '
import json, sys
d = json.load(sys.stdin)
for c in d.get("infoCurrentCalls", d.get("infoCurrentCall", [])) or []:
    print(c["callId"], c["callerInfoRtpFlowAudio"]["rtpPackets"] + c["calleeInfoRtpFlowAudio"]["rtpPackets"])
' 2>/dev/null
}

phase_rtp() {
  echo
  echo "== Calls with RTP: uac_auth_rtp.xml plays g711a.pcap (236 packets, 7 s, PCMA 50 pps), UAS -rtp_echo, ${RTP_SECONDS} s per step =="
  echo "   relay pps = RTP packets received by the switch on both legs (GetCurrentCall counters, summed over calls live in two samples 1 s apart)"
  start_uas -rtp_echo -mp "$(free_port)"
  UAC_EXTRA=(-mp "$(free_port)")
  echo "$HEADER  relay_pps(median)"
  local r
  for r in $RTP_RATES; do
    (
      sleep 12
      for _ in $(seq 1 $(( RTP_SECONDS > 14 ? RTP_SECONDS - 12 : 2 ))); do
        rtp_counters >"$WORK/rtp.a"; ta=$(date +%s.%N); sleep 1; rtp_counters >"$WORK/rtp.b"; tb=$(date +%s.%N)
        python3 - "$WORK/rtp.a" "$WORK/rtp.b" "$ta" "$tb" <<'EOF'
import sys
a = dict(l.split() for l in open(sys.argv[1]) if l.strip()); b = dict(l.split() for l in open(sys.argv[2]) if l.strip())
d = sum(int(b[k]) - int(a[k]) for k in a if k in b)
print(int(d / (float(sys.argv[4]) - float(sys.argv[3]))), len(b))
EOF
      done
    ) >"$WORK/rtp-$r.samples" 2>/dev/null &
    local sampler=$!
    PIDS+=("$sampler")
    uac_step "rtp-$r" "$ROOT/conf/sipp/uac_auth_rtp.xml" "$r" $(( r * RTP_SECONDS )) 8000 >"$WORK/rtp-$r.line"
    kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
    local med
    med=$(sort -n -k1,1 "$WORK/rtp-$r.samples" | awk '{a[NR]=$0} END {if (NR) print a[int((NR+1)/2)]; else print "n/a"}')
    echo "$(head -1 "$WORK/rtp-$r.line")  ${med% *} pps over ${med#* } live calls"
    tail -n +2 "$WORK/rtp-$r.line"
    echo "  load1 $(cut -d' ' -f1 /proc/loadavg); live calls after drain: $(drain 45); switch fds $(fd_count "$SWITCH")"
    [[ "$STEP_FAILED" != "0" ]] && break
  done
  stop_uas
  UAC_EXTRA=()
}

phase_relaybench() {
  echo
  echo "== In-process relay benchmark: dotnet run -c Release --project bench/Softswitch.Bench -- relay-load $RELAY_ARGS =="
  echo "load1 before: $(cut -d' ' -f1 /proc/loadavg)"
  (cd "$ROOT" && timeout 300 dotnet run -c Release --no-build --project bench/Softswitch.Bench -- relay-load $RELAY_ARGS) 2>&1 | sed 's/^/  /'
}

stop_switch() {
  kill -TERM "$SWITCH" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$SWITCH" 2>/dev/null || break; sleep 0.2; done
  kill -KILL "$SWITCH" 2>/dev/null; wait "$SWITCH" 2>/dev/null
  mv "$WORK/switch.log" "$WORK/switch.$SWITCH.log" 2>/dev/null; rm -f "$WORK/load.db"*
}

machine_banner
start_switch
sleep 2; c0=$(cpu_ticks "$SWITCH"); sleep 5; c1=$(cpu_ticks "$SWITCH")
echo "switch pid $SWITCH: idle RSS $(( $(status_kb "$SWITCH" VmRSS) / 1024 )) MB, fds $(fd_count "$SWITCH"), idle CPU $(( (c1 - c0) * 1000 / HZ / 5 )) ms per second"
first=1
for p in $PHASES; do
  # A fresh switch per phase (RESTART_PER_PHASE=0 keeps one): RSS and CPU of a phase are not the previous one's.
  if [[ $first == 0 && "${RESTART_PER_PHASE:-1}" == 1 && $p != relaybench && $p != kamailio ]]; then
    stop_switch; SIP_PORT=$(free_port); HTTP_PORT=$(free_port); start_switch; sleep 2
    echo; echo "(fresh switch pid $SWITCH for phase $p: RSS $(( $(status_kb "$SWITCH" VmRSS) / 1024 )) MB, fds $(fd_count "$SWITCH"))"
  fi
  first=0
  case $p in
    signalling) phase_signalling ;;
    trunk) phase_trunk ;;
    kamailio) phase_kamailio ;;
    held) phase_held ;;
    rtp) phase_rtp ;;
    relaybench) phase_relaybench ;;
    *) echo "unknown phase $p" >&2 ;;
  esac
done
ratios
echo
echo "end: live calls $(call_size); switch fds $(fd_count "$SWITCH"); RSS $(( $(status_kb "$SWITCH" VmRSS) / 1024 )) MB, VmHWM $(( $(status_kb "$SWITCH" VmHWM) / 1024 )) MB; switch CPU total $(( $(cpu_ticks "$SWITCH") * 1000 / HZ )) ms; load average $(cut -d' ' -f1-3 /proc/loadavg)"
grep -ciE 'fail|exception|error' "$WORK/switch.log" | xargs -I{} echo "switch log lines with fail/exception/error: {}"
