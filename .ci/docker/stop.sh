#!/usr/bin/env bash
# Stops the dockerd that .ci/docker/setup.sh started, and nothing else: while an engine answers on the default socket,
# every JVM whose pgtestkit provider is "auto" tries Docker first and, with no registry reachable, Testcontainers
# retries pulls (its Ryuk image, postgres:17) for minutes before falling back. Images and the rootfs cache are kept,
# so the next setup.sh is warm. Exit status: 0 stopped or nothing to stop; 1 the engine did not stop in time.
set -Eeuo pipefail

readonly CACHE_DIR="${PGTESTKIT_DOCKER_CACHE:-/var/cache/pgtestkit-docker}"
readonly STARTED_PID_FILE="$CACHE_DIR/dockerd.pid"
readonly STOP_WAIT_SECONDS=30

say() { printf '[docker stop] %s\n' "$*"; }

main() {
	local pid deadline
	if [ ! -s "$STARTED_PID_FILE" ]; then
		say "no dockerd started by setup.sh is recorded ($STARTED_PID_FILE); nothing to stop"
		return 0
	fi
	pid=$(cat "$STARTED_PID_FILE")
	# The pid may have been reused since: only signal it if it is still a dockerd.
	if ! kill -0 "$pid" 2>/dev/null || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != dockerd ]; then
		say "dockerd $pid started by setup.sh is no longer running"
		rm -f "$STARTED_PID_FILE"
		return 0
	fi
	say "stopping dockerd $pid (running containers are stopped with it)"
	kill -TERM "$pid"
	deadline=$((SECONDS + STOP_WAIT_SECONDS))
	while kill -0 "$pid" 2>/dev/null; do
		if [ "$SECONDS" -ge "$deadline" ]; then
			say "dockerd $pid did not stop within ${STOP_WAIT_SECONDS}s; it is still running"
			return 1
		fi
		sleep 0.2
	done
	rm -f "$STARTED_PID_FILE"
	say "dockerd $pid stopped"
}

main "$@"
