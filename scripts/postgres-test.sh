# Sourced by .ci/run (and usable by hand, as root): makes a local PostgreSQL server
# available to the store tests and exports VIGIL_TEST_PG_URL for them.
#   . scripts/postgres-test.sh
# Installs Debian's postgresql package when no server is installed, starts the first
# cluster (creating one when there is none), creates role vigil (password vigil) and
# database vigil_test when missing. Idempotent: running it again changes nothing.
# A VIGIL_TEST_PG_URL already set is kept as it is (e.g. a developer's own server).

vigil_pg_setup() {
  if [ -n "${VIGIL_TEST_PG_URL:-}" ]; then
    echo "== PostgreSQL for the store tests: VIGIL_TEST_PG_URL already set, kept"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "vigil: scripts/postgres-test.sh needs root to install/start PostgreSQL;" >&2
    echo "vigil: or set VIGIL_TEST_PG_URL=jdbc:postgresql://HOST:PORT/DB?user=U&password=P yourself." >&2
    return 1
  fi
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    echo "== installing PostgreSQL from Debian's packages"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql
  fi
  local ver="" name="" port="" status=""
  # pg_lsclusters -h: "Ver Cluster Port Status Owner Datadir Logfile", one line per cluster.
  read -r ver name port status _ < <(pg_lsclusters -h | head -1) || true
  if [ -z "${ver:-}" ]; then
    ver=$(ls /usr/lib/postgresql | sort -V | tail -1)
    echo "== creating PostgreSQL cluster $ver/main"
    pg_createcluster "$ver" main >/dev/null
    read -r ver name port status _ < <(pg_lsclusters -h | head -1) || true
    [ -n "$ver" ] || { echo "vigil: pg_createcluster made no cluster" >&2; return 1; }
  fi
  case "$status" in
    online*) ;;
    *) echo "== starting PostgreSQL cluster $ver/$name on port $port"
       pg_ctlcluster "$ver" "$name" start ;;
  esac
  local i
  for i in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$port" && break
    sleep 1
  done
  pg_isready -q -h 127.0.0.1 -p "$port" || { echo "vigil: PostgreSQL $ver/$name did not come up on port $port" >&2; return 1; }
  local psql=(runuser -u postgres -- psql -p "$port" -v ON_ERROR_STOP=1 -qtA)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'vigil'")" != "1" ]; then
    "${psql[@]}" -c "CREATE ROLE vigil LOGIN PASSWORD 'vigil'"
  fi
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'vigil_test'")" != "1" ]; then
    "${psql[@]}" -c "CREATE DATABASE vigil_test OWNER vigil"
  fi
  export VIGIL_TEST_PG_URL="jdbc:postgresql://127.0.0.1:${port}/vigil_test?user=vigil&password=vigil"
  echo "== PostgreSQL $ver/$name ready on 127.0.0.1:$port (database vigil_test, role vigil)"
}

vigil_pg_setup
