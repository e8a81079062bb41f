#!/usr/bin/env bash
# Makes this machine able to run pgtestkit's Testcontainers leg without any image registry:
#   1. packages  apt-get install docker.io debootstrap (apt-get update only when the install needs it)
#   2. engine    start dockerd in the background unless `docker info` already answers
#   3. rootfs    debootstrap a minimal Debian bookworm with postgresql-15 from this machine's apt mirror,
#                cached as a tarball under $PGTESTKIT_DOCKER_CACHE (default /var/cache/pgtestkit-docker)
#   4. images    import it as pgtestkit/postgres:15 (with docker-entrypoint.sh, which behaves like the official
#                image's) and, without an entrypoint, as alpine:3.17, the helper Testcontainers runs in its
#                start-up checks; then start the image once to prove it initialises and answers a query
# Every step is skipped when its result already exists. Nothing is tagged postgres or postgres:17: the official image
# must stay "not available" here so that auto-selection falls back correctly. Use the image with
#   PGTESTKIT_PROVIDER=testcontainers PGTESTKIT_IMAGE=pgtestkit/postgres:15 TESTCONTAINERS_RYUK_DISABLED=true
#
# Run as root. Exit status: 0 ready; 2 not root; 3 packages; 4 engine; 5 rootfs; 6 images. On failure the LAST line
# of output is a one-line reason (.ci/run prints it as "skipped because"); details are in the lines and logs above it.
set -Eeuo pipefail

readonly IMAGE=pgtestkit/postgres:15
readonly HELPER_IMAGE=alpine:3.17
readonly SUITE=bookworm
readonly PACKAGES=postgresql-15
readonly CACHE_DIR="${PGTESTKIT_DOCKER_CACHE:-/var/cache/pgtestkit-docker}"
readonly DOCKERD_LOG="${PGTESTKIT_DOCKERD_LOG:-/var/log/pgtestkit-dockerd.log}"
readonly DOCKERD_WAIT_SECONDS=60
# The engine to use or start: DOCKER_HOST as the docker CLI and Testcontainers read it. A private socket
# (DOCKER_HOST=unix:///run/pgtestkit-docker.sock) keeps the engine invisible to processes that do not set it.
readonly ENGINE_HOST="${DOCKER_HOST:-unix:///var/run/docker.sock}"
readonly STARTED_PID_FILE="$CACHE_DIR/dockerd.pid"
readonly SELF_TEST_WAIT_SECONDS=60
readonly HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly ENTRYPOINT_SRC="$HERE/docker-entrypoint.sh"
readonly ENTRYPOINT_DST=/usr/local/bin/docker-entrypoint.sh
# Image configuration given to `docker import`; part of the recipe hash, so changing it rebuilds the image.
readonly IMAGE_CHANGES=(
	"ENTRYPOINT [\"$ENTRYPOINT_DST\"]"
	'CMD ["postgres"]'
	'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
	'ENV PGDATA=/var/lib/postgresql/data'
	'ENV LANG=C.UTF-8'
	'EXPOSE 5432'
)

current_step=start
exit_code=1
temp_dirs=()

say() { printf '[docker setup] %s\n' "$*"; }
# The one-line reason must be the last line of output: print it on stdout after everything else.
fail() { printf 'docker setup failed at step "%s": %s\n' "$current_step" "$*"; exit "$exit_code"; }
on_error() { fail "command failed (exit $1): $2"; }
trap 'on_error $? "$BASH_COMMAND"' ERR
trap 'remove_temp_dirs' EXIT

begin() {
	current_step=$1
	exit_code=$2
	step_started=$(now_ms)
}
now_ms() { local us=${EPOCHREALTIME//[.,]/}; printf '%s\n' "$((10#$us / 1000))"; }
seconds_since() { local ms=$(($(now_ms) - $1)); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
done_step() { say "$current_step: $* ($(seconds_since "$step_started"))"; }

remove_temp_dirs() {
	local dir
	for dir in "${temp_dirs[@]+"${temp_dirs[@]}"}"; do
		# debootstrap mounts /proc and /sys inside its target; never delete through a mount.
		umount -R "$dir/proc" "$dir/sys" 2>/dev/null || true
		rm -rf --one-file-system "$dir"
	done
}

# Sets temp_dir to a new directory under the cache (same file system as the tarball), removed at exit.
new_temp_dir() {
	temp_dir=$(mktemp -d "$CACHE_DIR/$1.XXXXXX")
	temp_dirs+=("$temp_dir")
}

require_root() {
	begin root 2
	[ "$(id -u)" = 0 ] || fail "must run as root (apt-get, dockerd, debootstrap); run: sudo $0"
	mkdir -p "$CACHE_DIR"
	# Two CI runs at once would race on the cache and the tags.
	exec 9>"$CACHE_DIR/setup.lock"
	flock -w 900 9 || fail "another setup.sh still holds $CACHE_DIR/setup.lock after 15 minutes"
}

is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }

install_packages() {
	begin packages 3
	local missing=() package
	for package in docker.io debootstrap; do
		is_installed "$package" || missing+=("$package")
	done
	if [ ${#missing[@]} -eq 0 ]; then
		done_step "docker.io and debootstrap already installed"
		return
	fi
	say "packages: installing ${missing[*]}"
	if ! apt_install "${missing[@]}"; then
		say "packages: install failed; refreshing the package lists and retrying"
		DEBIAN_FRONTEND=noninteractive apt-get update -q || fail "apt-get update failed (see its output above)"
		apt_install "${missing[@]}" || fail "apt-get install -y ${missing[*]} failed (see its output above)"
	fi
	done_step "installed ${missing[*]}"
}

# Services are not started by the packages' scripts (policy-rc.d): the engine step starts dockerd with a known log.
apt_install() {
	local policy=/usr/sbin/policy-rc.d created=no status=0
	if [ ! -e "$policy" ]; then
		printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 0755 "$policy" && created=yes
	fi
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" || status=$?
	if [ "$created" = yes ]; then rm -f "$policy"; fi
	return "$status"
}

engine_answers() { docker info >/dev/null 2>&1; }

start_engine() {
	begin engine 4
	if engine_answers; then
		done_step "a Docker engine already answers at $ENGINE_HOST ($(docker version -f '{{.Server.Version}}'))"
		return
	fi
	case "$ENGINE_HOST" in
		unix://*) ;;
		*) fail "no Docker engine answers at DOCKER_HOST=$ENGINE_HOST; setup.sh only starts one on a local unix:// socket" ;;
	esac
	command -v dockerd >/dev/null || fail "dockerd is not on PATH although docker.io is installed"
	local pid
	pid=$(running_dockerd_pid)
	if [ -z "$pid" ]; then
		say "engine: starting dockerd on $ENGINE_HOST in the background (log: $DOCKERD_LOG)"
		# 9>&-: the daemon outlives this script and must not inherit (and hold) the setup lock.
		setsid nohup dockerd -H "$ENGINE_HOST" >>"$DOCKERD_LOG" 2>&1 </dev/null 9>&- &
		pid=$!
		# stop.sh stops only an engine this script started.
		printf '%s\n' "$pid" >"$STARTED_PID_FILE"
	else
		say "engine: dockerd (pid $pid) is running but not answering yet; waiting for it"
	fi
	wait_for_engine "$pid"
	done_step "dockerd $(docker version -f '{{.Server.Version}}') answers at $ENGINE_HOST"
}

# The pid of a live dockerd from its pid file; a stale pid file (process gone) is removed, it would block a start.
running_dockerd_pid() {
	local file=/var/run/docker.pid pid
	[ -s "$file" ] || return 0
	pid=$(cat "$file")
	if kill -0 "$pid" 2>/dev/null && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
		printf '%s\n' "$pid"
	else
		rm -f "$file"
	fi
}

wait_for_engine() {
	local pid=$1 deadline=$((SECONDS + DOCKERD_WAIT_SECONDS))
	until engine_answers; do
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 20 "$DOCKERD_LOG" >&2 || true
			fail "dockerd exited while starting: $(last_log_line "$DOCKERD_LOG") (log: $DOCKERD_LOG)"
		fi
		if [ "$SECONDS" -ge "$deadline" ]; then
			fail "dockerd (pid $pid) did not answer within ${DOCKERD_WAIT_SECONDS}s (log: $DOCKERD_LOG)"
		fi
		sleep 0.25
	done
}

last_log_line() { grep -v '^[[:space:]]*$' "$1" 2>/dev/null | tail -n 1 | cut -c1-300; }

# The URI of this machine's Debian mirror for $SUITE, from apt's own configuration (deb822 .sources first, then
# one-line .list files); nothing else is hard-coded so the build uses whatever mirror apt is allowed to reach.
debian_mirror() {
	local file sources=() lists=()
	for file in /etc/apt/sources.list.d/*.sources; do
		if [ -f "$file" ]; then sources+=("$file"); fi
	done
	for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		if [ -f "$file" ]; then lists+=("$file"); fi
	done
	{
		[ ${#sources[@]} -eq 0 ] || awk -v suite="$SUITE" 'BEGIN { RS = "" }
			$0 ~ /(^|\n)[Ee]nabled:[ \t]*no/ { next }
			$0 ~ /(^|\n)Types:[^\n]*deb([ \t\n]|$)/ && $0 ~ ("(^|\\n)Suites:[^\\n]*[ \\t]" suite "([ \\t\\n]|$)") {
				if (match($0, /(^|\n)URIs:[ \t]*[^ \t\n]+/)) {
					uri = substr($0, RSTART, RLENGTH); sub(/^\n?URIs:[ \t]*/, "", uri); print uri
				}
			}' "${sources[@]}"
		[ ${#lists[@]} -eq 0 ] || awk -v suite="$SUITE" '$1 == "deb" {
				i = 2; if ($i ~ /^\[/) { while (i < NF && $i !~ /\]$/) i++; i++ }
				if ($(i + 1) == suite) print $i
			}' "${lists[@]}"
	} | awk '!/-security/ && !found { print; found = 1 }'
}

# The recipe of the images: if it changes (entrypoint, import settings, suite, packages) they are rebuilt.
recipe_hash() {
	{ cat "$ENTRYPOINT_SRC"; printf '%s\n' "${IMAGE_CHANGES[@]}" "$ROOTFS_TAR"; } | sha256sum | cut -c1-16
}

image_recipe() { docker image inspect -f '{{index .Config.Labels "dev.pgtestkit.recipe"}}' "$1" 2>/dev/null || true; }

images_are_current() {
	local recipe=$1
	[ "$(image_recipe "$IMAGE")" = "$recipe" ] && [ "$(image_recipe "$HELPER_IMAGE")" = "$recipe" ]
}

build_rootfs() {
	begin rootfs 5
	if [ -s "$ROOTFS_TAR" ]; then
		done_step "cached at $ROOTFS_TAR"
		return
	fi
	local mirror dir log="$CACHE_DIR/debootstrap.log"
	mirror=$(debian_mirror)
	[ -n "$mirror" ] || fail "no Debian mirror for '$SUITE' found in /etc/apt/sources.list or /etc/apt/sources.list.d/"
	new_temp_dir rootfs
	dir=$temp_dir
	say "rootfs: debootstrap --variant=minbase --include=$PACKAGES $SUITE from $mirror (log: $log)"
	if ! debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$dir" "$mirror" >"$log" 2>&1; then
		tail -n 20 "$log" >&2 || true
		fail "debootstrap failed: $(last_log_line "$log") (log: $log)"
	fi
	trim_rootfs "$dir"
	tar -C "$dir" -cf "$ROOTFS_TAR.partial" .
	rm -f "$CACHE_DIR"/rootfs-*.tar
	mv "$ROOTFS_TAR.partial" "$ROOTFS_TAR"
	done_step "cached $(du -h "$ROOTFS_TAR" | cut -f1) at $ROOTFS_TAR"
}

# Drops what a test container never uses, about half of the 420 MB: the cluster Debian's package creates (the
# entrypoint makes its own in PGDATA), package caches and lists, documentation, message translations, and the LLVM JIT
# (llvmjit.so, its bitcode, libLLVM, libz3): without llvmjit.so PostgreSQL simply runs without JIT, like the embedded
# binaries, which also makes plans of test queries steadier.
trim_rootfs() {
	local dir=$1 lib=usr/lib/x86_64-linux-gnu
	rm -rf "$dir"/var/lib/postgresql/15 "$dir"/etc/postgresql/15 \
		"$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* \
		"$dir"/usr/share/doc/* "$dir"/usr/share/man/* "$dir"/usr/share/info/* \
		"$dir"/usr/share/locale/*/LC_MESSAGES \
		"$dir"/usr/lib/postgresql/15/lib/llvmjit* "$dir"/usr/lib/postgresql/15/lib/bitcode \
		"$dir"/$lib/libLLVM-*.so* "$dir"/$lib/libz3.so*
}

# The cached tarball's name carries a hash of how it is made, so a changed recipe never reuses a stale one.
rootfs_tar() {
	local hash
	hash=$({ printf '%s\n' "$SUITE" "$PACKAGES"; declare -f trim_rootfs; } | sha256sum | cut -c1-12)
	printf '%s\n' "$CACHE_DIR/rootfs-$SUITE-$PACKAGES-$hash.tar"
}

import_images() {
	local recipe=$1
	begin images 6
	local dir import_args=() change
	new_temp_dir image
	dir=$temp_dir
	tar -C "$dir" -xf "$ROOTFS_TAR"
	for change in "${IMAGE_CHANGES[@]}" "LABEL dev.pgtestkit.recipe=$recipe"; do
		import_args+=(--change "$change")
	done
	tar -C "$dir" -c . | docker import --change "LABEL dev.pgtestkit.recipe=$recipe" - "$HELPER_IMAGE" >/dev/null
	install -m 0755 "$ENTRYPOINT_SRC" "$dir$ENTRYPOINT_DST"
	tar -C "$dir" -c . | docker import "${import_args[@]}" - "$IMAGE" >/dev/null
	# Images of an older recipe lost their tags just now; drop them rather than leave 200 MB each behind.
	docker image prune -f --filter label=dev.pgtestkit.recipe >/dev/null
	done_step "imported $IMAGE and $HELPER_IMAGE (recipe $recipe)"
	self_test
}

# Starts the image the way Testcontainers does and checks the two "ready" lines and a query.
self_test() {
	begin self-test 6
	local name="pgtestkit-setup-selftest-$$" deadline=$((SECONDS + SELF_TEST_WAIT_SECONDS)) ready=0
	docker rm -f "$name" >/dev/null 2>&1 || true
	docker run -d --name "$name" -e POSTGRES_PASSWORD=selftest "$IMAGE" postgres -c fsync=off >/dev/null
	until [ "$ready" -ge 2 ]; do
		ready=$(docker logs "$name" 2>&1 | grep -c 'database system is ready to accept connections' || true)
		if [ "$(docker inspect -f '{{.State.Running}}' "$name")" != true ] || [ "$SECONDS" -ge "$deadline" ]; then
			docker logs "$name" 2>&1 | tail -n 20 >&2
			docker rm -f "$name" >/dev/null
			fail "$IMAGE did not reach two 'ready to accept connections' lines (found $ready); its log is above"
		fi
		sleep 0.2
	done
	local answer
	answer=$(docker exec "$name" psql -U postgres -Atc 'SELECT 40 + 2' 2>&1) || answer="error: $answer"
	docker rm -f "$name" >/dev/null
	[ "$answer" = 42 ] || fail "$IMAGE started but a query failed: $answer"
	done_step "$IMAGE initialises, logs 'ready' twice and answers queries"
}

main() {
	local started recipe
	started=$(now_ms)
	ROOTFS_TAR=$(rootfs_tar)
	readonly ROOTFS_TAR
	require_root
	install_packages
	start_engine
	recipe=$(recipe_hash)
	if images_are_current "$recipe"; then
		begin images 6
		done_step "$IMAGE and $HELPER_IMAGE are current (recipe $recipe)"
	else
		build_rootfs
		import_images "$recipe"
	fi
	current_step=done
	local env="PGTESTKIT_PROVIDER=testcontainers PGTESTKIT_IMAGE=$IMAGE TESTCONTAINERS_RYUK_DISABLED=true"
	if [ -n "${DOCKER_HOST:-}" ]; then env="DOCKER_HOST=$DOCKER_HOST $env"; fi
	say "ready in $(seconds_since "$started"): docker $(docker version -f '{{.Server.Version}}'), images $IMAGE and" \
		"$HELPER_IMAGE; run tests with $env"
}

main "$@"
