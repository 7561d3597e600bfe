#!/usr/bin/env bash
# Two regions on one machine (issue 16): each region is a network namespace (oms-a, oms-b) joined to the host by a
# veth pair on a bridge, with the one-way delay between regions added by netem (REGION_DELAY_MS, default 10: a
# 20 ms round trip). Each region runs its own PostgreSQL cluster: A's is the primary, B's a hot standby fed by
# streaming replication from A (physical, asynchronous by default; REPLICATION=sync waits for B on every commit).
# Inside a region every part listens on its own 127.0.0.1, so a region's services use the same settings in A and
# B; across regions only the addresses below are used. A third PostgreSQL, on the host and in neither region, holds
# the sandbox payment provider's books (OMS_PAYMENT_PROVIDER_DB_URL=jdbc:postgresql://10.77.0.1:5433/postgres): a real
# provider is outside both regions, and a region cut off cannot reach it.
#
#   deploy/regions/regions.sh up                  namespaces, links, PostgreSQL A (primary) and B (standby)
#   deploy/regions/regions.sh status              who is primary, replication lag in bytes and seconds
#   deploy/regions/regions.sh cut a|b             the region's link goes down (a partition: its processes live on)
#   deploy/regions/regions.sh heal a|b            its link comes back
#   deploy/regions/regions.sh promote a|b         the region's standby becomes the primary (pg_ctl promote)
#   deploy/regions/regions.sh rejoin a|b          the region's old primary becomes a standby of the other (pg_rewind)
#   deploy/regions/regions.sh switchover a|b      planned: the region's standby takes over with nothing lost (the
#                                                 primary turns read-only, the standby replays to its last commit)
#   deploy/regions/regions.sh exec a|b CMD...     runs CMD inside the region's namespace
#   deploy/regions/regions.sh psql a|b [ARGS...]  psql against the region's PostgreSQL
#   deploy/regions/regions.sh down                stops everything and removes the namespaces and data
#
# Addresses: host 10.77.0.1, region A 10.77.0.10, region B 10.77.0.20; PostgreSQL on 5432 in each region, the
# provider's on 10.77.0.1:5433.
# Needs root (ip netns), iproute2 and PostgreSQL's server binaries (Debian's postgresql package: PG_BIN or the newest
# /usr/lib/postgresql/*/bin). State lives in REGIONS_DIR (default /tmp/oms-regions).
set -euo pipefail

dir="${REGIONS_DIR:-/tmp/oms-regions}"
delay="${REGION_DELAY_MS:-10}"
replication="${REPLICATION:-async}"
pg_bin="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
bridge=oms-regions
host_ip=10.77.0.1

ip_of() { case "$1" in a) echo 10.77.0.10 ;; b) echo 10.77.0.20 ;; *) echo "no region $1" >&2; exit 2 ;; esac; }
other() { case "$1" in a) echo b ;; b) echo a ;; esac; }
ns() { echo "oms-$1"; }
in_region() { local r="$1"; shift; ip netns exec "$(ns "$r")" "$@"; }
as_postgres() { runuser -u postgres -- "$@"; }
pg() { local r="$1"; shift; in_region "$r" runuser -u postgres -- "$pg_bin/$1" "${@:2}"; }
data() { echo "$dir/pg-$1"; }

link_up() {
  local r="$1" n; n="$(ns "$r")"
  ip netns add "$n"
  ip link add "veth-$r" type veth peer name eth0 netns "$n"
  ip link set "veth-$r" master "$bridge" up
  in_region "$r" ip addr add "$(ip_of "$r")/24" dev eth0
  in_region "$r" ip link set eth0 up
  in_region "$r" ip link set lo up
  in_region "$r" ip route add default via "$host_ip"
  # delays what enters the region: a packet from the other region leaves its own link undelayed and enters this
  # one delayed, so the one-way delay between regions (and from the host to a region) is $delay ms
  if [ "$delay" != 0 ] && tc qdisc add dev "veth-$r" root netem delay "${delay}ms" 2>/dev/null; then
    echo "${delay} ms each way" >"$dir/delay"
  else
    echo "no delay between regions (tc netem unavailable in this kernel, or REGION_DELAY_MS=0)" >"$dir/delay"
  fi
}

pg_conf() {
  local r="$1" d; d="$(data "$r")"
  cat >>"$d/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1,$(ip_of "$r")'
port = 5432
unix_socket_directories = '$dir/sock-$r'
max_connections = 300
wal_level = replica
max_wal_senders = 10
wal_keep_size = '512MB'
hot_standby = on
wal_log_hints = on
EOF
  cat >>"$d/pg_hba.conf" <<EOF
host all all 127.0.0.1/32 trust
host all all 10.77.0.0/24 trust
host replication all 10.77.0.0/24 trust
EOF
}

pg_start() {
  local r="$1"
  mkdir -p "$dir/sock-$r" && chown postgres "$dir/sock-$r"
  pg "$r" pg_ctl -D "$(data "$r")" -l "$dir/pg-$r.log" -w -t 60 start >/dev/null
}

pg_stop() {
  local r="$1"
  if [ -f "$(data "$r")/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$(data "$r")" -m fast -w -t 30 stop >/dev/null 2>&1 || \
      pkill -9 -f "postgres -D $(data "$r")" || true
  fi
}

standby_of() { # makes region $1's data (a copy of the other region's, from pg_basebackup or pg_rewind) its standby
  local r="$1" primary="$2" d; d="$(data "$r")"
  # the copy brought the other region's addresses and its settings as a primary
  sed -i '/^listen_addresses/d; /^unix_socket_directories/d' "$d/postgresql.conf"
  printf "listen_addresses = '127.0.0.1,%s'\nunix_socket_directories = '%s'\n" "$(ip_of "$r")" "$dir/sock-$r" \
    >>"$d/postgresql.conf"
  sed -i '/^primary_conninfo/d; /^synchronous_standby_names/d; /^default_transaction_read_only/d' \
    "$d/postgresql.auto.conf"
  cat >>"$d/postgresql.auto.conf" <<EOF
primary_conninfo = 'host=$(ip_of "$primary") port=5432 user=postgres application_name=region_$r'
EOF
  as_postgres touch "$(data "$r")/standby.signal"
}

set_sync() { # on the primary in region $1: wait for the standby of the other region on every commit, or not
  local r="$1" names=""
  [ "$replication" = sync ] && names="region_$(other "$r")"
  psql_in "$r" -qc "ALTER SYSTEM SET synchronous_standby_names = '$names'" -c "SELECT pg_reload_conf()" >/dev/null
}

psql_in() { local r="$1"; shift; in_region "$r" "$pg_bin/psql" -X -h 127.0.0.1 -p 5432 -U postgres -d postgres "$@"; }

is_primary() { [ "$(psql_in "$1" -tAc 'SELECT NOT pg_is_in_recovery()' 2>/dev/null)" = t ]; }

up() {
  [ -n "$pg_bin" ] && [ -x "$pg_bin/postgres" ] || { echo "regions: PostgreSQL server binaries not found (PG_BIN)" >&2; exit 1; }
  ip netns list | grep -q '^oms-a' && { echo "regions: already up (deploy/regions/regions.sh down first)" >&2; exit 1; }
  mkdir -p "$dir" && chown postgres "$dir"
  ip link add "$bridge" type bridge 2>/dev/null || true
  ip addr add "$host_ip/24" dev "$bridge" 2>/dev/null || true
  ip link set "$bridge" up
  link_up a
  link_up b
  as_postgres "$pg_bin/initdb" -D "$(data a)" -U postgres -A trust >"$dir/initdb-a.log"
  pg_conf a
  pg_start a
  in_region b runuser -u postgres -- "$pg_bin/pg_basebackup" -h "$(ip_of a)" -p 5432 -U postgres \
    -D "$(data b)" -X stream -c fast >"$dir/basebackup-b.log" 2>&1
  standby_of b a
  pg_start b
  set_sync a
  provider_up
  echo "regions up: A $(ip_of a) (primary), B $(ip_of b) (standby of A, $replication), $(cat "$dir/delay");" \
    "the payment provider's database on $host_ip:5433"
}

status() {
  local r
  for r in a b; do
    if ! ip netns list | grep -q "^$(ns "$r")"; then echo "region $r: down"; continue; fi
    if is_primary "$r"; then
      echo "region $r: primary; standbys: $(psql_in "$r" -tAc "SELECT coalesce(string_agg(application_name || ' ' ||
        state || ' ' || sync_state || ' lag ' || pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) || ' bytes', ', '),
        'none') FROM pg_stat_replication")"
    elif psql_in "$r" -tAc 'SELECT 1' >/dev/null 2>&1; then
      echo "region $r: standby; replay $(psql_in "$r" -tAc "SELECT pg_last_wal_replay_lsn() || ', ' ||
        coalesce(round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 3)::text, '?') ||
        ' s since the last commit it replayed'")"
    else
      echo "region $r: PostgreSQL not answering"
    fi
  done
}

promote() {
  local r="$1"
  pg "$r" pg_ctl -D "$(data "$r")" -w -t 60 promote >/dev/null
  # a promoted region commits without waiting for a standby it no longer has; the checkpoint writes its new
  # timeline to the control file, which pg_rewind reads to tell the histories apart when the old primary rejoins
  psql_in "$r" -qc "ALTER SYSTEM SET synchronous_standby_names = ''" -c "SELECT pg_reload_conf()" -c CHECKPOINT \
    >/dev/null
  echo "region $r: primary"
}

rejoin() { # region $1's old primary follows the other region's primary again, rewound to where their histories part
  local r="$1" primary; primary="$(other "$r")"
  pg_stop "$r"
  in_region "$r" runuser -u postgres -- "$pg_bin/pg_rewind" -D "$(data "$r")" \
    --source-server="host=$(ip_of "$primary") port=5432 user=postgres dbname=postgres" >"$dir/rewind-$r.log" 2>&1
  standby_of "$r" "$primary"
  pg_start "$r"
  set_sync "$primary"
  echo "region $r: standby of region $primary"
}

switchover() { # planned: region $1 (a standby) becomes the primary with nothing lost, the other follows it
  local r="$1" old last; old="$(other "$r")"
  psql_in "$old" -qc "ALTER SYSTEM SET default_transaction_read_only = on" -c "SELECT pg_reload_conf()" >/dev/null
  # sessions that began before the reload may still write: end them, then take the last position
  psql_in "$old" -qc "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE backend_type = 'client backend'
    AND pid <> pg_backend_pid()" >/dev/null
  last="$(psql_in "$old" -tAc "SELECT pg_current_wal_lsn()")"
  for _ in $(seq 1 600); do
    [ "$(psql_in "$r" -tAc "SELECT pg_last_wal_replay_lsn() >= '$last'::pg_lsn")" = t ] && break
    sleep 0.05
  done
  [ "$(psql_in "$r" -tAc "SELECT pg_last_wal_replay_lsn() >= '$last'::pg_lsn")" = t ] || \
    { echo "region $r did not replay region $old's last commit ($last)" >&2; exit 1; }
  promote "$r"
  rejoin "$old"
  psql_in "$old" -qc "ALTER SYSTEM RESET default_transaction_read_only" -c "SELECT pg_reload_conf()" >/dev/null
}

provider_up() { # the payment provider's database, on the host: in neither region
  local d="$dir/pg-provider"
  as_postgres "$pg_bin/initdb" -D "$d" -U postgres -A trust >"$dir/initdb-provider.log"
  printf "listen_addresses = '%s'\nport = 5433\nunix_socket_directories = '%s'\nmax_connections = 100\n" \
    "$host_ip" "$dir/sock-provider" >>"$d/postgresql.conf"
  echo "host all all 10.77.0.0/24 trust" >>"$d/pg_hba.conf"
  mkdir -p "$dir/sock-provider" && chown postgres "$dir/sock-provider"
  as_postgres "$pg_bin/pg_ctl" -D "$d" -l "$dir/pg-provider.log" -w -t 60 start >/dev/null
}

down() {
  if [ -f "$dir/pg-provider/postmaster.pid" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$dir/pg-provider" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  fi
  pg_stop a
  pg_stop b
  for r in a b; do
    ip netns pids "$(ns "$r")" 2>/dev/null | xargs -r kill -9 2>/dev/null || true
    ip netns del "$(ns "$r")" 2>/dev/null || true
    ip link del "veth-$r" 2>/dev/null || true
  done
  ip link del "$bridge" 2>/dev/null || true
  rm -rf "$dir"
  echo "regions down"
}

case "${1:-}" in
  up) up ;;
  status) status ;;
  cut) ip link set "veth-${2:?region}" down; echo "region $2: cut off" ;;
  heal) ip link set "veth-${2:?region}" up; echo "region $2: link back" ;;
  promote) promote "${2:?region}" ;;
  rejoin) rejoin "${2:?region}" ;;
  switchover) switchover "${2:?region}" ;;
  exec) r="${2:?region}"; shift 2; in_region "$r" "$@" ;;
  psql) r="${2:?region}"; shift 2; psql_in "$r" "$@" ;;
  down) down ;;
  *) sed -n '2,/^set -euo/p' "$0" | grep '^#' >&2; exit 2 ;;
esac
