#!/bin/bash
# Entrypoint of the locally built pgtestkit/postgres:15 image (Debian bookworm + postgresql-15), written to behave
# like the official postgres image's for what Testcontainers and CI services use:
#   POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (default postgres),
#   POSTGRES_DB (default: POSTGRES_USER), POSTGRES_HOST_AUTH_METHOD (default scram-sha-256),
#   POSTGRES_INITDB_ARGS, PGDATA (default /var/lib/postgresql/data), /docker-entrypoint-initdb.d/*.sh|*.sql.
# A fresh data directory is initialised by a temporary server on the Unix socket only, then the real server starts on
# 0.0.0.0:5432, so "database system is ready to accept connections" is logged twice (Testcontainers waits for both).
# Arguments are the server command: "postgres -c fsync=off" or just "-c fsync=off".
# Unlike the official image there is no STOPSIGNAL SIGINT (docker import cannot set one): `docker stop` sends SIGTERM,
# a smart shutdown that waits for clients until docker's timeout. Testcontainers kills its containers, so it is moot.
set -Eeuo pipefail

PGBIN=/usr/lib/postgresql/15/bin
export PATH="$PGBIN:$PATH"
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"

log() { printf '%s [entrypoint] %s\n' "$(date -u '+%Y-%m-%d %H:%M:%S UTC')" "$*"; }
die() { log "error: $*" >&2; exit 1; }

# Directories the server needs, owned by postgres; then drop root for the rest of this script.
prepare_directories_as_root() {
	mkdir -p "$PGDATA" /var/run/postgresql
	chmod 00700 "$PGDATA"
	chmod 02775 /var/run/postgresql
	# Only the top directory when it is already initialised: a chown -R of a big mounted volume is slow.
	if [ -s "$PGDATA/PG_VERSION" ]; then
		chown postgres:postgres "$PGDATA" /var/run/postgresql
	else
		chown -R postgres:postgres "$PGDATA" /var/run/postgresql
	fi
}

check_settings() {
	: "${POSTGRES_USER:=postgres}"
	: "${POSTGRES_DB:=$POSTGRES_USER}"
	: "${POSTGRES_HOST_AUTH_METHOD:=scram-sha-256}"
	export POSTGRES_USER POSTGRES_DB POSTGRES_HOST_AUTH_METHOD
	if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
		die "the database is uninitialized and POSTGRES_PASSWORD is not set. Set POSTGRES_PASSWORD to a non-empty" \
			"value, or POSTGRES_HOST_AUTH_METHOD=trust to allow every connection without a password (tests only)."
	fi
}

init_data_directory() {
	log "initialising $PGDATA for user \"$POSTGRES_USER\", database \"$POSTGRES_DB\""
	local pwfile
	pwfile=$(mktemp)
	# The password goes through a file, never the command line (visible in ps) or the log.
	printf '%s\n' "${POSTGRES_PASSWORD:-}" >"$pwfile"
	# shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words, as in the official image
	initdb --username="$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale="${LANG:-C.UTF-8}" \
		--auth-local=trust --auth-host="$POSTGRES_HOST_AUTH_METHOD" --no-instructions ${POSTGRES_INITDB_ARGS:-}
	rm -f "$pwfile"
	printf '\nhost all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD" >>"$PGDATA/pg_hba.conf"
	printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
}

psql_as_owner() {
	psql -v ON_ERROR_STOP=1 --no-psqlrc --no-password --username "$POSTGRES_USER" "$@"
}

create_database() {
	if [ "$POSTGRES_DB" = postgres ]; then
		return
	fi
	# The name is a psql variable expanded as a quoted identifier, not pasted into the SQL.
	psql_as_owner --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
}

run_init_scripts() {
	local f
	for f in /docker-entrypoint-initdb.d/*; do
		case "$f" in
			*.sh) log "running $f"; bash "$f" ;;
			*.sql) log "running $f"; psql_as_owner --dbname "$POSTGRES_DB" -f "$f" ;;
			*) if [ -e "$f" ]; then log "ignoring $f (only *.sh and *.sql are run)"; fi ;;
		esac
	done
}

create_database_and_run_scripts() {
	create_database
	run_init_scripts
}

# The temporary server listens on the Unix socket only, so no client can connect before initialisation is done.
with_temporary_server() {
	pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p 5432" -w start
	"$@"
	pg_ctl -D "$PGDATA" -m fast -w stop
}

initialise() {
	init_data_directory
	with_temporary_server create_database_and_run_scripts
	log "PostgreSQL init process complete; ready for start up."
}

main() {
	if [ "${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi
	if [ "$1" != postgres ]; then
		exec "$@"
	fi
	if [ "$(id -u)" = 0 ]; then
		prepare_directories_as_root
		exec setpriv --reuid=postgres --regid=postgres --init-groups "$BASH_SOURCE" "$@"
	fi
	if [ ! -s "$PGDATA/PG_VERSION" ]; then
		check_settings
		initialise
	else
		log "$PGDATA is already initialised; skipping initialisation"
	fi
	unset POSTGRES_PASSWORD
	exec "$@"
}

main "${@:-postgres}"
