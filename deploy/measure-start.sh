#!/usr/bin/env bash
# Measures how long `npm start` (or any command given) takes from launch to the first 200 from
# /healthz, and the memory it then holds. Runs it RUNS times (default 5) on free ports, with the
# embedded database, and prints one line per run and, last, a JSON summary (median and worst).
# Run it in the directory of the checkout to measure (it runs the command there):
#   deploy/measure-start.sh                 # npm start
#   RUNS=10 deploy/measure-start.sh node dist/main.js
set -euo pipefail
runs=${RUNS:-5}
command=("$@")
[ ${#command[@]} -eq 0 ] && command=(npm start)

free_port() { node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
now_ms() { date +%s%3N; }

# Resident memory (kB) of every process in the group, and of the largest one (the service).
group_rss() { ps -o rss= -g "$1" | awk '{ t += $1; if ($1 > m) m = $1 } END { print t + 0, m + 0, NR }'; }

starts=() rss_tree=() rss_service=()
for run in $(seq 1 "$runs"); do
  port=$(free_port)
  db_port=$(free_port)
  log=$(mktemp)
  started=$(now_ms)
  PORT=$port EMBEDDED_MONGODB_PORT=$db_port MONGODB_URI='' TELEGRAM_BOT_TOKEN='' SLACK_BOT_TOKEN='' \
    setsid "${command[@]}" >"$log" 2>&1 &
  leader=$!
  ready=''
  until [ -n "$ready" ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz" || true)" = 200 ]; then
      ready=$(now_ms)
    elif ! kill -0 "$leader" 2>/dev/null; then
      echo "run $run: the command ended before serving /healthz:" >&2
      cat "$log" >&2
      exit 1
    elif [ $(($(now_ms) - started)) -gt 60000 ]; then
      echo "run $run: no 200 from /healthz within 60 s" >&2
      kill -TERM -- "-$leader" || true
      exit 1
    else
      sleep 0.02
    fi
  done
  # Memory a few seconds after start, once start-up allocations have settled (largest sample).
  tree=0 service=0 processes=0
  for _ in 1 2 3 4 5 6; do
    read -r t m n < <(group_rss "$leader")
    [ "$t" -gt "$tree" ] && tree=$t && processes=$n
    [ "$m" -gt "$service" ] && service=$m
    sleep 0.5
  done
  kill -TERM -- "-$leader" 2>/dev/null || true
  wait "$leader" 2>/dev/null || true
  rm -f "$log"
  elapsed=$((ready - started))
  echo "run $run: /healthz 200 after ${elapsed} ms; RSS ${service} kB service, ${tree} kB in ${processes} processes" >&2
  starts+=("$elapsed") rss_tree+=("$tree") rss_service+=("$service")
done

stats() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { printf "{\"median\":%d,\"worst\":%d}", v[int((NR + 1) / 2)], v[NR] }'; }
printf '{"runs":%d,"start_ms":%s,"service_rss_kb":%s,"tree_rss_kb":%s}\n' "$runs" \
  "$(stats "${starts[@]}")" "$(stats "${rss_service[@]}")" "$(stats "${rss_tree[@]}")"
