#!/usr/bin/env bash
# Starts and stops the throwaway local servers the tests use, on loopback ports:
# PostgreSQL (a new cluster in a temp folder) and moto_server (S3). Sourced by test.sh;
# exports ASSAY_TEST_PG and ASSAY_TEST_S3 for the tests.
_svc_dir=""
_free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
_as_pg_user() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

services_start() {
  _svc_dir=$(mktemp -d /tmp/assay-services.XXXXXX)
  chmod 755 "$_svc_dir"
  local pgbin=/usr/lib/postgresql/15/bin
  if [ -x "$pgbin/initdb" ]; then
    local port; port=$(_free_port)
    mkdir -p "$_svc_dir/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$_svc_dir/pg"
    _as_pg_user "$pgbin/initdb" -D "$_svc_dir/pg" -U assay --auth=trust >/dev/null
    _as_pg_user "$pgbin/pg_ctl" -D "$_svc_dir/pg" -o "-p $port -k $_svc_dir/pg -c listen_addresses=127.0.0.1" -l "$_svc_dir/pg/log" -w start >/dev/null
    export ASSAY_TEST_PG="Host=127.0.0.1;Port=$port;Username=assay;Database=postgres"
    echo "services: PostgreSQL on 127.0.0.1:$port" >&2
  else
    echo "services: PostgreSQL binaries not found at $pgbin; tests that need it will fail" >&2
  fi
  if command -v moto_server >/dev/null; then
    local s3port; s3port=$(_free_port)
    moto_server -H 127.0.0.1 -p "$s3port" >"$_svc_dir/moto.log" 2>&1 &
    echo $! > "$_svc_dir/moto.pid"
    for _ in $(seq 1 50); do curl -s "http://127.0.0.1:$s3port" >/dev/null && break; sleep 0.2; done
    export ASSAY_TEST_S3="http://127.0.0.1:$s3port"
    echo "services: moto S3 on 127.0.0.1:$s3port" >&2
  else
    echo "services: moto_server not found; S3 tests will fail (pip install 'moto[server]')" >&2
  fi
}

services_stop() {
  [ -n "$_svc_dir" ] || return 0
  [ -f "$_svc_dir/moto.pid" ] && kill "$(cat "$_svc_dir/moto.pid")" 2>/dev/null || true
  [ -f "$_svc_dir/pg/postmaster.pid" ] && _as_pg_user /usr/lib/postgresql/15/bin/pg_ctl -D "$_svc_dir/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$_svc_dir"
}
