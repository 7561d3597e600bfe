#!/usr/bin/env bash
# The database layer of a region failover and failback, on the two regions of regions.sh, with what it measured:
#  1. rows committed in A reach B's standby (replication lag, the RPO of asynchronous replication under this load);
#  2. A is cut off; B is promoted and takes writes (the database's part of the RTO);
#  3. A, still running alone behind the partition, commits a row no client can ever have been told about;
#  4. failback: A rejoins as B's standby (pg_rewind drops A's diverged row), catches up, and a planned switchover
#     makes A the primary again with nothing lost (B stops taking writes, A replays to B's last commit, A promoted,
#     B follows A).
# Run as root from the project root: deploy/regions/check.sh (it brings the regions up and down itself).
set -euo pipefail
cd "$(dirname "$0")"
regions=./regions.sh
export REPLICATION=async # step 3 needs A to commit alone; with sync replication it waits for B instead (RPO 0)
fail() { echo "regions check: FAILED: $*" >&2; exit 1; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
sql() { local r="$1"; shift; "$regions" psql "$r" -tAq -c "$@"; }
rows() { sql "$1" "SELECT count(*) FROM drill" 2>/dev/null || echo -1; }
until_true() { # until_true SECONDS CMD...: runs CMD every 50 ms until it succeeds
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@"; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.05; done
}
has_rows() { [ "$(rows "$1")" -ge "$2" ]; }
takes_writes() { sql "$1" "INSERT INTO drill (region) VALUES ('$1')" >/dev/null 2>&1; }

if ! ip netns add oms-probe 2>/dev/null; then
  echo "regions check: SKIPPED: this machine does not let us create network namespaces (root and iproute2 needed)" >&2
  exit 0
fi
ip netns del oms-probe
trap "[ -n \"${KEEP_REGIONS:-}\" ] || \"$regions\" down >/dev/null 2>&1 || true" EXIT
"$regions" down >/dev/null 2>&1 || true
"$regions" up

echo "-- 1. replication A -> B"
started=$(date +%s%N)
for i in $(seq 1 20); do "$regions" exec b "${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}/psql" \
  -X -h 10.77.0.10 -U postgres -d postgres -tAqc 'SELECT 1' >/dev/null; done
echo "a query from B to A's PostgreSQL, connection included: $(( $(ms_since "$started") / 20 )) ms"
sql a "CREATE TABLE drill (id bigserial PRIMARY KEY, region text NOT NULL, at timestamptz NOT NULL DEFAULT now())"
for i in $(seq 1 200); do echo "INSERT INTO drill (region) VALUES ('a');"; done | "$regions" psql a -q >/dev/null
started=$(date +%s%N)
until_true 30 has_rows b 200 || fail "B did not receive A's 200 rows"
echo "200 rows committed in A: all visible in B within $(ms_since "$started") ms of the last commit (psql's start included)"
"$regions" status

echo "-- 2. A cut off, B promoted"
sql a "INSERT INTO drill (region) VALUES ('a-last-before-cut')" >/dev/null
until_true 30 has_rows b 201 || fail "B did not receive the last row before the cut"
cut=$(date +%s%N)
"$regions" cut a
"$regions" promote b
until_true 30 takes_writes b || fail "B does not take writes after promotion"
echo "database RTO: B took its first write $(ms_since "$cut") ms after A was cut off"
[ "$(rows b)" -eq 202 ] || fail "B has $(rows b) rows, expected 201 from A and its own"

echo "-- 3. A, alone behind the partition, still commits"
takes_writes a || fail "A stopped taking local writes (expected: it does not know it was cut off)"
echo "A committed a row after the cut: $(rows a) rows in A, $(rows b) in B"

echo "-- 4. failback"
"$regions" heal a
"$regions" rejoin a
until_true 60 has_rows a 202 || fail "A, now B's standby, did not catch up"
sql a "SELECT count(*) FROM drill WHERE region = 'a' AND id > 201" | grep -qx 0 || fail "A kept its diverged row"
echo "A rejoined as B's standby: its diverged row is gone, B's row is there"
for i in $(seq 1 20); do takes_writes b; done
switch=$(date +%s%N)
"$regions" switchover a
until_true 30 takes_writes a || fail "A does not take writes after the switchover"
echo "planned switchover back to A: $(ms_since "$switch") ms without writes"
until_true 30 has_rows b "$(rows a)" || fail "B, now A's standby again, did not catch up"
[ "$(rows a)" -eq 223 ] || fail "A has $(rows a) rows after failback, expected 223 (nothing committed in B lost)"
"$regions" status
echo "regions check: OK"
