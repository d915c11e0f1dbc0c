# The launcher's side of the build daemon (src/main/java/dev/inkstone/daemon): sourced by
# ./inkstone, and by DaemonClientTest. Plain bash: the connection is bash's /dev/tcp.
#
# The daemon announces itself in STATE/info as "port token pid jar-id". A request is NUL-ended
# fields (token, verb, working folder, terminal 1/0, argument count, arguments); the answer is
# lines, "o" or "e" and escaped text for standard output or error, and "x" and the exit code; or
# the one line "b" when the daemon is busy with another client's build.

# daemon_send STATE ID VERB [ARGS...]: sends one request to the daemon announced in STATE, if it
# runs jar ID (any jar when ID is empty), and prints its answer as it comes. Sets DAEMON_CODE to
# the command's exit code and returns 0; returns 1 when no such daemon answers, 2 when it broke
# off before the end of the answer, 3 when it is busy with another build (nothing was run).
daemon_send() {
  local state=$1 id=$2 verb=$3 port token pid jar line terminal=0 busy=
  shift 3
  DAEMON_CODE=
  [ -r "$state/info" ] || return 1
  read -r port token pid jar <"$state/info" || return 1
  [ -z "$id" ] || [ "$jar" = "$id" ] || return 1
  _daemon_connect "$port" 2>/dev/null || return 1
  [ -t 2 ] && terminal=1
  printf '%s\0' "$token" "$verb" "$PWD" "$terminal" "$#" "$@" >&3 2>/dev/null || { exec 3<&-; return 1; }
  while IFS= read -r line <&3; do
    case $line in
      o*) printf '%b' "${line:1}";;
      e*) printf '%b' "${line:1}" >&2;;
      x*) DAEMON_CODE=${line:1};;
      b) busy=1;;
    esac
  done
  exec 3<&-
  [ -z "$busy" ] || return 3
  [ -n "$DAEMON_CODE" ] || return 2
}

_daemon_connect() {
  exec 3<>"/dev/tcp/127.0.0.1/$1"
}

# daemon_start STATE ID COMMAND...: starts COMMAND (a java command line ending in `daemon`'s
# arguments) in the background, detached from this terminal, and waits until it has announced
# itself in STATE. Returns 1 if it did not within 30 s; its log is STATE/log.
daemon_start() {
  local state=$1 id=$2 i pid
  shift 2
  mkdir -p "$state" && chmod 700 "$state"
  rm -f "$state/info"
  if command -v setsid >/dev/null; then
    setsid "$@" </dev/null >"$state/log" 2>&1 &
  else
    nohup "$@" </dev/null >"$state/log" 2>&1 &
  fi
  pid=$!
  for ((i = 0; i < 600; i++)); do
    [ -s "$state/info" ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.05
  done
  return 1
}

# daemon_stop STATE: asks the daemon announced in STATE, whatever jar it runs, to stop.
daemon_stop() {
  daemon_send "$1" "" stop >/dev/null 2>&1 || true
  rm -f "$1/info"
}
