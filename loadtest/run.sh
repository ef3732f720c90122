#!/usr/bin/env bash
# Deadline day on this machine: the portal as in production (gunicorn with the
# documented worker count, WhiteNoise, PostgreSQL, one task worker) on 127.0.0.1,
# driven by Locust headless from a second process for LOAD_TIME. See README.md here.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
LOAD_DB="${LOAD_DB:-oxlo_loadtest}"
LOAD_TIME="${LOAD_TIME:-270s}"  # 84 s ramp-up (3 users/s), then 3 minutes measured
PORT="${LOAD_PORT:-8765}"
OUT=var/loadtest
mkdir -p "$OUT"

export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$LOAD_DB"
export DJANGO_SECRET_KEY="loadtest-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export OXLO_SECURE_COOKIES=0 OXLO_VAR_DIR="$PWD/$OUT" OXLO_LOGIN_FAILURE_LIMIT=1000
export DJANGO_STATIC_ROOT="$PWD/$OUT/static" DJANGO_LOG_LEVEL=WARNING
# No mail server here: the seed and the portal notify by e-mail (kept in memory).
export DJANGO_EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
export GUNICORN_BIND="127.0.0.1:$PORT" GUNICORN_ACCESS_LOG=/dev/null
unset DJANGO_DEBUG

echo "== preparing $LOAD_DB (80 units, 240 contacts, 10 advisers)"
# A cold start: no rendered PDF parts or files left from an earlier run.
rm -rf "$OUT/export-cache" "$OUT/media"
dropdb -h 127.0.0.1 -U postgres --if-exists "$LOAD_DB"
createdb -h 127.0.0.1 -U postgres "$LOAD_DB"
$BIN/python manage.py migrate --verbosity 0
$BIN/python manage.py seed_oslo --verbosity 0
DEMO_PASSWORD=demo-last-test $BIN/python manage.py seed_demo --units 80 --verbosity 0
$BIN/python manage.py shell -c \
  "from loadtest.prepare import main; main('$OUT/people.json')"
$BIN/python manage.py collectstatic --noinput --verbosity 0

echo "== starting gunicorn (gunicorn.conf.py) and one db_worker on 127.0.0.1:$PORT"
$BIN/gunicorn --config gunicorn.conf.py --pid "$OUT/gunicorn.pid" \
  >"$OUT/gunicorn.log" 2>&1 &
web=$!
# Niced as in deploy/systemd/oxlo-worker.service: exports are batch work, people first.
nice -n 10 $BIN/python manage.py db_worker --verbosity 0 >"$OUT/worker.log" 2>&1 &
worker=$!
trap 'kill "$web" "$worker" 2>/dev/null; wait "$web" "$worker" 2>/dev/null || true' EXIT
for _ in $(seq 1 30); do
  curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break
  sleep 1
done

echo "== Locust: 240 contacts, 10 advisers, 2 exports for $LOAD_TIME"
OXLO_LOADTEST_PEOPLE="$OUT/people.json" $BIN/locust -f loadtest/locustfile.py \
  --headless --users 252 --spawn-rate 3 --reset-stats --run-time "$LOAD_TIME" \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/result" --only-summary \
  --stop-timeout 10 >"$OUT/locust.log" 2>&1 || true
status=0
$BIN/python loadtest/check.py "$OUT/result_stats.csv" || status=1
echo "== waiting for the consolidated exports (at most ${LOAD_EXPORT_WAIT:-900} s)"
$BIN/python manage.py shell --verbosity 0 -c \
  "from loadtest.exports import main; main(${LOAD_EXPORT_WAIT:-900})" || status=1
exit $status
