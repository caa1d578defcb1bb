#!/usr/bin/env bash
# scripts/test.sh: the one test command. Provisions PostgreSQL 15 (apt packages, cluster
# 15/main, superuser role for the current OS user), then runs fmt, clippy and the tests.
#
# Usage: scripts/test.sh [extra cargo test args]     e.g. scripts/test.sh -p schemadiff_parse
# Env:   SCHEMADIFF_TEST_PG        conninfo of the maintenance db (default: local socket, db postgres)
#        SCHEMADIFF_SKIP_PG_SETUP  set to 1 to skip provisioning (e.g. you run your own server)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

PG_VERSION=15
PG_CLUSTER=main
PG_SOCKET_DIR=/var/run/postgresql
PACKAGES=(postgresql "postgresql-${PG_VERSION}-postgis-3")
export DEBIAN_FRONTEND=noninteractive

phase() { printf '\n==> %s\n' "$*"; }

# CI runs as root; a developer's non-root shell goes through sudo instead.
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
as_postgres() {
    # cd / so psql does not warn about an unreadable working directory (e.g. under /root).
    if [ "$(id -u)" -eq 0 ]; then
        (cd / && su postgres -c "$1")
    else
        (cd / && sudo -u postgres sh -c "$1")
    fi
}

install_packages() {
    local missing=() pkg
    for pkg in "${PACKAGES[@]}"; do
        # dpkg -s also succeeds for removed-but-configured packages, so check the status line.
        dpkg -s "$pkg" 2>/dev/null | grep -qx 'Status: install ok installed' || missing+=("$pkg")
    done
    [ "${#missing[@]}" -eq 0 ] && return
    phase "apt-get install ${missing[*]}"
    "${SUDO[@]}" apt-get update
    # A UTF-8 locale here makes the cluster the package creates UTF8 rather than SQL_ASCII.
    "${SUDO[@]}" env LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

# Prints "<port> <status>" of cluster 15/main, or nothing if it does not exist.
cluster_info() {
    pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $3, $4 }'
}

start_cluster() {
    if [ -z "$(cluster_info)" ]; then
        phase "pg_createcluster $PG_VERSION $PG_CLUSTER"
        "${SUDO[@]}" pg_createcluster --locale=C.UTF-8 "$PG_VERSION" "$PG_CLUSTER"
    fi
    local port status
    read -r port status <<<"$(cluster_info)"
    PG_PORT=$port
    case "$status" in
        online*) ;;
        *)
            phase "pg_ctlcluster $PG_VERSION $PG_CLUSTER start"
            # pg_ctlcluster drops to the cluster owner itself; never initdb as root.
            "${SUDO[@]}" pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start
            ;;
    esac
    local i
    for i in $(seq 1 30); do
        pg_isready -q -h "$PG_SOCKET_DIR" -p "$PG_PORT" && return
        sleep 1
    done
    echo "PostgreSQL $PG_VERSION/$PG_CLUSTER did not become ready on $PG_SOCKET_DIR port $PG_PORT" >&2
    tail -n 30 "/var/log/postgresql/postgresql-${PG_VERSION}-${PG_CLUSTER}.log" >&2 || true
    exit 1
}

ensure_role() {
    local role exists
    role=$(id -un)
    exists=$(as_postgres "psql -X -p $PG_PORT -tAc \"select 1 from pg_roles where rolname = '$role'\"")
    if [ "$exists" != 1 ]; then
        phase "createuser -s $role"
        as_postgres "createuser -p $PG_PORT -s $role"
    fi
}

# The suite creates and drops hundreds of throwaway databases; durability buys nothing
# there, and fsync on every CREATE DATABASE and commit is most of their cost. All three
# settings take effect on reload.
tune_for_tests() {
    as_postgres "psql -X -q -p $PG_PORT -c 'ALTER SYSTEM SET fsync = off' \
        -c 'ALTER SYSTEM SET synchronous_commit = off' \
        -c 'ALTER SYSTEM SET full_page_writes = off' \
        -c 'SELECT pg_reload_conf()'" >/dev/null
}

# tools/schema_fingerprint.py (the corpus tests' independent oracle) needs psycopg 3.
ensure_psycopg() {
    if ! python3 -c 'import psycopg' >/dev/null 2>&1; then
        phase "python3 -m pip install psycopg[binary]"
        # A Debian-managed python refuses plain installs (PEP 668); the wheel is
        # self-contained, so allow it there.
        python3 -m pip install --quiet "psycopg[binary]" ||
            python3 -m pip install --quiet --break-system-packages "psycopg[binary]"
    fi
}

ensure_rust_components() {
    # Minimal toolchains may lack them; rustup adds them in seconds.
    if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
        phase "rustup component add rustfmt clippy"
        rustup component add rustfmt clippy
    fi
}

PG_PORT=5432
if [ "${SCHEMADIFF_SKIP_PG_SETUP:-0}" != 1 ]; then
    phase "PostgreSQL $PG_VERSION"
    install_packages
    start_cluster
    ensure_role
    tune_for_tests
    echo "cluster $PG_VERSION/$PG_CLUSTER ready on $PG_SOCKET_DIR port $PG_PORT"
fi
default_conninfo="host=$PG_SOCKET_DIR user=$(id -un) dbname=postgres"
[ "$PG_PORT" = 5432 ] || default_conninfo+=" port=$PG_PORT"
export SCHEMADIFF_TEST_PG="${SCHEMADIFF_TEST_PG:-$default_conninfo}"
echo "SCHEMADIFF_TEST_PG=$SCHEMADIFF_TEST_PG"

ensure_rust_components
ensure_psycopg

phase "cargo fmt --all -- --check"
cargo fmt --all -- --check

phase "cargo clippy --workspace --all-targets -- -D warnings"
cargo clippy --workspace --all-targets -- -D warnings

# `cargo test --workspace -p X` would silently test everything, so drop --workspace
# when the caller picks packages.
scope=(--workspace)
for arg in "$@"; do
    case "$arg" in
        --) break ;;
        -p | --package | -p?* | --package=*) scope=() ;;
    esac
done
phase "cargo test ${scope[*]} $*"
cargo test "${scope[@]}" "$@"

phase "all checks passed"
