#!/usr/bin/env bash
# Serve the dashboard to a whole school: N Streamlit replicas on local ports and nginx in front of them.
#
#   bash scripts/serve.sh --replicas 2 --port 8080              # students open http://127.0.0.1:8080
#   bash scripts/serve.sh --replicas 2 --port 8080 --host 0.0.0.0   # ... from other machines on the network
#
# Runs in the foreground; Ctrl-C (or SIGTERM to its process group) stops everything it started. The nginx
# configuration is deploy/nginx.conf.template, filled in here. Options:
#   --replicas N        Streamlit processes (default 2; about one per core)
#   --port P            port nginx listens on (default 8080)
#   --host ADDR         address nginx listens on (default 127.0.0.1, this machine only)
#   --replica-port B    first replica's port; the replicas use B, B+1, ... (default P+1), always on 127.0.0.1
#   --run-dir DIR       pid files, logs and nginx's configuration (default: a new directory under $TMPDIR)
#   --app FILE          the Streamlit script (default app.py)
# Environment: PYTHON (default .venv/bin/python), NGINX (default: nginx on PATH or /usr/sbin/nginx).
# Exit status 69: nginx is missing and could not be installed.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true  # bash 5.2: '&' in a ${x//a/b} replacement is literal again
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

REPLICAS=2 PORT=8080 HOST=127.0.0.1 BASE="" RUN_DIR="" APP="$ROOT/app.py"
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --replicas) REPLICAS="${2:?}"; shift 2 ;;
    --port) PORT="${2:?}"; shift 2 ;;
    --host) HOST="${2:?}"; shift 2 ;;
    --replica-port) BASE="${2:?}"; shift 2 ;;
    --run-dir) RUN_DIR="${2:?}"; shift 2 ;;
    --app) APP="${2:?}"; shift 2 ;;
    -h|--help) usage ;;
    *) echo "serve.sh: unknown option $1" >&2; usage ;;
  esac
done
[[ "$REPLICAS" =~ ^[1-9][0-9]?$ && "$PORT" =~ ^[0-9]+$ ]] || { echo "serve.sh: bad --replicas or --port" >&2; exit 2; }
BASE="${BASE:-$((PORT + 1))}"
[ -f "$APP" ] || { echo "serve.sh: no Streamlit script at $APP" >&2; exit 2; }
# Paths given on the command line are the caller's; from here on the work happens in the repository, where
# .streamlit/config.toml applies to every replica.
APP="$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")"
if [ -n "$RUN_DIR" ]; then mkdir -p "$RUN_DIR" && RUN_DIR="$(cd "$RUN_DIR" && pwd)"; fi
cd "$ROOT"

if [ -z "${PYTHON:-}" ]; then
  if [ -x "$ROOT/.venv/bin/python" ]; then PYTHON="$ROOT/.venv/bin/python"; else PYTHON=python3; fi
fi
"$PYTHON" -c "import streamlit" 2>/dev/null \
  || { echo "serve.sh: $PYTHON cannot import streamlit; run scripts/run.sh once (it creates .venv)" >&2; exit 2; }

# --- nginx: Debian's package, installed here when it is missing and we are allowed to ---------------------
find_nginx() { command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; }; }
if [ -n "${NGINX:-}" ]; then  # a given binary (e.g. a newer build) is used as it is, never installed over
  [ -x "$NGINX" ] || { echo "serve.sh: NGINX=$NGINX is not an executable" >&2; exit 69; }
elif ! NGINX="$(find_nginx)"; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "serve.sh: installing nginx (apt-get install nginx)..." >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null) >&2 || true
  fi
  NGINX="$(find_nginx)" || {
    cat >&2 <<'EOF'
serve.sh: nginx is not installed, and this script can install it only as root on a system with apt-get.
  Debian/Ubuntu:  sudo apt-get install nginx      (then run this script again, as any user)
  elsewhere:      install nginx from your system's packages so that `nginx` is on PATH
Without nginx, `bash scripts/run.sh` still serves the app as one process.
EOF
    exit 69
  }
  # Debian's package also starts its own nginx service on port 80; this script does not use it.
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for ((i = 0; i < REPLICAS; i++)); do
  port_free "$((BASE + i))" || { echo "serve.sh: port $((BASE + i)) is in use (see --replica-port)" >&2; exit 2; }
done
port_free "$PORT" || { echo "serve.sh: port $PORT is in use" >&2; exit 2; }

if [ -z "$RUN_DIR" ]; then RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/jsr-serve.XXXXXX")"; fi
mkdir -p "$RUN_DIR/logs"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
# nginx's workers drop to an unprivileged user when started as root and must still reach their temp dirs.
chmod 755 "$RUN_DIR" "$RUN_DIR/logs"
LOG_DIR="$RUN_DIR/logs"

# --- stopping: everything this script started, and only that ---------------------------------------------
PIDS=()
stop_all() {
  trap - INT TERM HUP PIPE EXIT
  # `jobs -pr`: the children still running. A replica that died earlier was reaped by `wait -n`, and its pid may
  # since belong to another program, so the pids recorded at the start are not signalled again.
  local live
  live=($(jobs -pr))
  if [ ${#live[@]} -gt 0 ]; then
    echo "serve.sh: stopping everything it started..." >&2
    kill -TERM "${live[@]}" 2>/dev/null || true
    for _ in $(seq 100); do  # Streamlit closes its sessions first; give it up to 10 s
      [ -z "$(jobs -pr)" ] && break
      sleep 0.1
    done
    live=($(jobs -pr))
    [ ${#live[@]} = 0 ] || kill -KILL "${live[@]}" 2>/dev/null || true
    wait 2>/dev/null || true
  fi
  rm -f "$RUN_DIR"/r*.pid "$RUN_DIR/serve.pid"
  echo "serve.sh: stopped; logs are in $LOG_DIR" >&2
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP    # the terminal closed
trap 'stop_all; exit 141' PIPE   # whoever read our output is gone
trap stop_all EXIT
# Should this script itself be killed outright (SIGKILL: no trap runs), the kernel still tells its children:
# each is started with a parent-death signal, so nothing it started outlives it.
ORPHAN_GUARD=()
if command -v setpriv >/dev/null 2>&1 && setpriv --pdeathsig TERM -- true 2>/dev/null; then
  ORPHAN_GUARD=(setpriv --pdeathsig TERM --)
fi
echo $$ >"$RUN_DIR/serve.pid"

# --- the replicas --------------------------------------------------------------------------------------------
# One secret for all replicas, new on every run: whatever Streamlit signs (the session cookie, st.login's
# cookie) must stay valid when a browser moves to another replica. Passed in the environment, not on the
# command line, where every local user could read it with ps.
SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
NAMES=() PORTS=()
for ((i = 1; i <= REPLICAS; i++)); do
  name="r$i" port=$((BASE + i - 1))
  JSR_REPLICA="$name" STREAMLIT_SERVER_COOKIE_SECRET="$SECRET" "${ORPHAN_GUARD[@]}" \
    "$PYTHON" -m streamlit run "$APP" --server.port "$port" --server.address 127.0.0.1 \
    --server.headless true --browser.gatherUsageStats false >"$LOG_DIR/$name.log" 2>&1 &
  PIDS+=($!) NAMES+=("$name") PORTS+=("$port")
  echo $! >"$RUN_DIR/$name.pid"
done

healthy() {  # port [address]; plain bash: no curl needed, and no Python start-up every half second
  local reply
  reply="$( (exec 3<>"/dev/tcp/${2:-127.0.0.1}/$1" && printf 'GET /_stcore/health HTTP/1.0\r\nHost: x\r\n\r\n' >&3 \
    && timeout 2 cat <&3) 2>/dev/null)" || return 1
  [[ "$reply" == *$'\r\n\r\nok' ]]
}
echo "serve.sh: starting ${REPLICAS} replicas of $APP..." >&2
deadline=$((SECONDS + 180))
for ((i = 0; i < REPLICAS; i++)); do
  until healthy "${PORTS[$i]}"; do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "serve.sh: replica ${NAMES[$i]} exited while starting; the end of $LOG_DIR/${NAMES[$i]}.log:" >&2
      tail -n 20 "$LOG_DIR/${NAMES[$i]}.log" >&2
      exit 1
    fi
    [ $SECONDS -lt $deadline ] || { echo "serve.sh: replicas did not answer /_stcore/health in 180 s" >&2; exit 1; }
    sleep 0.3
  done
done

# --- nginx, only now that every replica answers ----------------------------------------------------------------
servers="" names="" routes="" groups=""
server_line() { echo "        server 127.0.0.1:$1 max_fails=1 fail_timeout=10s$2;"; }
for ((i = 0; i < REPLICAS; i++)); do
  servers+="$(server_line "${PORTS[$i]}" "")"$'\n'
  names+="        \"~(^|[ ,])127\\.0\\.0\\.1:${PORTS[$i]}\$\" ${NAMES[$i]};"$'\n'
  routes+="        ${NAMES[$i]} jsr_${NAMES[$i]};"$'\n'
  # The replica's own group: itself, then every other replica as a backup for when it is gone.
  groups+="    upstream jsr_${NAMES[$i]} {"$'\n'"        zone jsr_${NAMES[$i]} 64k;"$'\n'
  groups+="$(server_line "${PORTS[$i]}" "")"$'\n'
  for ((j = 0; j < REPLICAS; j++)); do
    [ $j = $i ] || groups+="$(server_line "${PORTS[$j]}" " backup")"$'\n'
  done
  groups+="        keepalive 16;"$'\n'"    }"$'\n'
done
conf="$(cat deploy/nginx.conf.template)"
conf="${conf//@@RUN_DIR@@/$RUN_DIR}"
conf="${conf//@@LOG_DIR@@/$LOG_DIR}"
conf="${conf//@@LISTEN@@/$HOST:$PORT}"
conf="${conf//@@UPSTREAM_SERVERS@@$'\n'/$servers}"
conf="${conf//@@REPLICA_NAMES@@$'\n'/$names}"
conf="${conf//@@REPLICA_ROUTES@@$'\n'/$routes}"
conf="${conf//@@REPLICA_UPSTREAMS@@$'\n'/$groups}"
printf '%s\n' "$conf" >"$RUN_DIR/nginx.conf"
"$NGINX" -t -q -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e stderr \
  || { echo "serve.sh: nginx rejected $RUN_DIR/nginx.conf" >&2; exit 1; }
"${ORPHAN_GUARD[@]}" "$NGINX" -p "$RUN_DIR" -c "$RUN_DIR/nginx.conf" -e "$LOG_DIR/error.log" &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
[ "$HOST" = 0.0.0.0 ] && PROBE_HOST=127.0.0.1 || PROBE_HOST="$HOST"
deadline=$((SECONDS + 30))
until healthy "$PORT" "$PROBE_HOST"; do
  kill -0 "$NGINX_PID" 2>/dev/null || { echo "serve.sh: nginx exited; see $LOG_DIR/error.log" >&2; exit 1; }
  [ $SECONDS -lt $deadline ] || { echo "serve.sh: nginx did not answer on $HOST:$PORT in 30 s" >&2; exit 1; }
  sleep 0.1
done

for ((i = 0; i < REPLICAS; i++)); do
  echo "replica ${NAMES[$i]}  http://127.0.0.1:${PORTS[$i]}  pid ${PIDS[$i]}  log $LOG_DIR/${NAMES[$i]}.log"
done
echo "nginx       http://$HOST:$PORT  pid $NGINX_PID  logs $LOG_DIR/access.log $LOG_DIR/error.log"
echo "config      $RUN_DIR/nginx.conf  (pid files: $RUN_DIR/*.pid)"
echo "ready: open http://$HOST:$PORT  (Ctrl-C stops everything)"

# --- running: report a lost replica, stop when nginx or every replica is gone --------------------------------
declare -A reported=()
while true; do
  wait -n || true
  kill -0 "$NGINX_PID" 2>/dev/null || { echo "serve.sh: nginx exited; see $LOG_DIR/error.log" >&2; exit 1; }
  alive=0
  for ((i = 0; i < REPLICAS; i++)); do
    if kill -0 "${PIDS[$i]}" 2>/dev/null; then
      alive=$((alive + 1))
    elif [ -z "${reported[$i]:-}" ]; then
      reported[$i]=1
      echo "serve.sh: replica ${NAMES[$i]} (pid ${PIDS[$i]}) exited; nginx sends its browsers to the others." \
        "Its log: $LOG_DIR/${NAMES[$i]}.log. Restart serve.sh after the lesson to bring it back." >&2
    fi
  done
  [ $alive -gt 0 ] || { echo "serve.sh: every replica has exited" >&2; exit 1; }
done
