#!/usr/bin/env bash
# `npm start`: a real n8n on http://127.0.0.1:5678 with this package installed from its npm
# tarball, the sandbox on :8787, and examples/ imported. Ctrl-C stops everything.
# On a fresh clone it first runs `npm ci` and installs the n8n runtime (Node 24 + n8n, once).
# Persistent state lives in .demo/ (git-ignored); a warm start skips build, install and import
# when nothing changed.
#   npm start                  start (or resume) the demo
#   npm start -- --reset       forget the demo's n8n state (edited examples, executions) and start fresh
#   npm start -- --check       start on free ports in a throw-away folder, check the editor is up and
#                              the examples are listed, stop (what CI runs)
# Env: N8N_PORT (5678), N8N_RUNNERS_BROKER_PORT (N8N_PORT+1, n8n's task broker), SANDBOX_PORT
# (8787), DEMO_DIR (.demo), DEMO_VERBOSE=1 to stream n8n's log to the terminal.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
mode=run
for arg in "$@"; do
	case "$arg" in
		--reset) mode=reset ;;
		--check) mode=check ;;
		*) echo "unknown option $arg (use --reset or --check)" >&2; exit 2 ;;
	esac
done
# shellcheck source=scripts/lib/bootstrap.sh
source scripts/lib/bootstrap.sh
bootstrap_dev
# shellcheck source=scripts/n8n-env.sh
source scripts/n8n-env.sh

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

if [ "$mode" = check ]; then
	PORT="${N8N_PORT:-$(free_port)}"
	SANDBOX_PORT="${SANDBOX_PORT:-$(free_port)}"
	DEMO_DIR="${DEMO_DIR:-$repo/.demo/check}"
	rm -rf "$DEMO_DIR"
else
	PORT="${N8N_PORT:-5678}"
	SANDBOX_PORT="${SANDBOX_PORT:-8787}"
	DEMO_DIR="${DEMO_DIR:-$repo/.demo}"
fi
EXAMPLES_DIR="${EXAMPLES_DIR:-examples}"
t0=$(date +%s%N)
elapsed() { echo "$(( ($(date +%s%N) - t0) / 1000000 ))" | awk '{printf "%6.1fs", $1/1000}'; }
say() { echo "[$(elapsed)] $*"; }

pids=()
cleanup() {
	trap - INT TERM EXIT
	if [ ${#pids[@]} -gt 0 ]; then
		say "stopping (${pids[*]})..."
		for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
		for pid in "${pids[@]}"; do
			for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
			kill -KILL -- "-$pid" 2>/dev/null || true
		done
	fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if port_taken "$PORT"; then
	bootstrap_fail "port $PORT (n8n's editor) is already in use (another n8n or demo?): stop it, or start with N8N_PORT=<free port> npm start."
fi
if [ -n "${N8N_RUNNERS_BROKER_PORT:-}" ]; then
	BROKER_PORT="$N8N_RUNNERS_BROKER_PORT"
	! port_taken "$BROKER_PORT" || bootstrap_fail "port $BROKER_PORT (N8N_RUNNERS_BROKER_PORT, n8n's task broker) is already in use: choose another one."
else
	BROKER_PORT=$((PORT + 1))
	if port_taken "$BROKER_PORT"; then
		BROKER_PORT="$(free_port)"
		say "port $((PORT + 1)) (n8n's task broker, N8N_PORT+1) is in use: using $BROKER_PORT instead (N8N_RUNNERS_BROKER_PORT)"
	fi
fi
if [ -f sandbox/cli.ts ] && port_taken "$SANDBOX_PORT"; then
	bootstrap_fail "port $SANDBOX_PORT (the sandbox) is already in use (another demo or npm run sandbox?): stop it, or start with SANDBOX_PORT=<free port> npm start."
fi
if [ "$mode" = reset ] && [ -d "$DEMO_DIR" ]; then
	say "reset: removing $DEMO_DIR (the demo's n8n database, edited examples, executions)"
	rm -rf "$DEMO_DIR"
fi

say "n8n runtime"
bash scripts/install-n8n.sh | sed 's/^/          /'

mkdir -p "$DEMO_DIR/pack" "$DEMO_DIR/import"
src_hash="$(find package.json tsconfig.json gulpfile.js index.js nodes credentials icons -type f 2>/dev/null \
	| LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-16)"
tarball="$DEMO_DIR/pack/n8n-nodes-tokopedia-tiktokshop-$src_hash.tgz"
if [ -f "$tarball" ]; then
	say "package unchanged since last build ($src_hash)"
else
	say "building package"
	npm run build --silent
	rm -f "$DEMO_DIR"/pack/*.tgz
	packed="$(npm pack --silent --pack-destination "$DEMO_DIR/pack" | tail -1)"
	mv "$DEMO_DIR/pack/$packed" "$tarball"
	say "packed $(basename "$tarball")"
fi

n8n_env "$DEMO_DIR" "$PORT" "$BROKER_PORT"
say "package install into $DEMO_DIR/.n8n/nodes: $(n8n_install_tarball "$DEMO_DIR" "$tarball")"

# The example workflows read examples/data/erp-stock.csv and write labels in this folder.
mkdir -p /tmp/n8n-marketplace-files/labels && cp examples/data/* /tmp/n8n-marketplace-files/

if [ -f sandbox/cli.ts ]; then
	say "starting sandbox on :$SANDBOX_PORT (log: $DEMO_DIR/sandbox.log)"
	SANDBOX_PORT="$SANDBOX_PORT" setsid npx ts-node --transpile-only sandbox/cli.ts > "$DEMO_DIR/sandbox.log" 2>&1 &
	pids+=("$!")
else
	say "sandbox/cli.ts not present yet: skipping the sandbox"
fi

sandbox_url="http://127.0.0.1:$SANDBOX_PORT"
ex_hash="$( (find "$EXAMPLES_DIR" -name '*.json' -type f 2>/dev/null | LC_ALL=C sort | xargs -r sha256sum; echo "$tarball $sandbox_url") | sha256sum | cut -c1-16)"
if [ "$(cat "$DEMO_DIR/import/.hash" 2>/dev/null)" = "$ex_hash" ]; then
	say "examples unchanged: already imported"
else
	to_publish="$(node scripts/lib/collect-examples.js "$EXAMPLES_DIR" "$DEMO_DIR/import" "$sandbox_url")"
	read -r n_wf n_cred < "$DEMO_DIR/import/counts"
	if [ "$n_cred" -gt 0 ]; then
		say "importing $n_cred example credential(s)"
		n8n_cli import:credentials --input="$DEMO_DIR/import/credentials.json" > "$DEMO_DIR/import.log" 2>&1 \
			|| { tail -20 "$DEMO_DIR/import.log"; exit 1; }
	fi
	if [ "$n_wf" -gt 0 ]; then
		say "importing $n_wf example workflow(s)"
		n8n_cli import:workflow --input="$DEMO_DIR/import/workflows.json" >> "$DEMO_DIR/import.log" 2>&1 \
			|| { tail -20 "$DEMO_DIR/import.log"; exit 1; }
		for id in $to_publish; do
			say "publishing workflow $id"
			n8n_cli publish:workflow --id="$id" >> "$DEMO_DIR/import.log" 2>&1 || say "  could not publish $id (see $DEMO_DIR/import.log)"
		done
	fi
	[ "$n_wf$n_cred" != "00" ] || say "no examples/*.json yet"
	echo "$ex_hash" > "$DEMO_DIR/import/.hash"
fi

say "starting n8n on :$PORT (log: $DEMO_DIR/n8n.log)"
if [ "${DEMO_VERBOSE:-}" = 1 ]; then
	setsid "$N8N_NODE_BIN" "$N8N_MAIN" start > >(tee -a "$DEMO_DIR/n8n.log") 2>&1 &
else
	setsid "$N8N_NODE_BIN" "$N8N_MAIN" start >> "$DEMO_DIR/n8n.log" 2>&1 &
fi
n8n_pid=$!
pids+=("$n8n_pid")
log_start=0; [ -f "$DEMO_DIR/n8n.log" ] && log_start=$(wc -c < "$DEMO_DIR/n8n.log")
ready=
for _ in $(seq 1 600); do
	kill -0 "$n8n_pid" 2>/dev/null || { tail -40 "$DEMO_DIR/n8n.log"; say "n8n exited"; exit 1; }
	if curl -sf "http://127.0.0.1:$PORT/healthz/readiness" >/dev/null 2>&1 \
		&& tail -c +"$((log_start + 1))" "$DEMO_DIR/n8n.log" | grep -q "Editor is now accessible via"; then
		ready=1; break
	fi
	sleep 0.5
done
[ -n "$ready" ] || { tail -40 "$DEMO_DIR/n8n.log"; say "n8n did not become ready in 300 s"; exit 1; }
say "editor ready"
sandbox_banner=""
if [ -f sandbox/cli.ts ]; then
	for _ in $(seq 1 60); do (exec 3<>"/dev/tcp/127.0.0.1/$SANDBOX_PORT") 2>/dev/null && break; sleep 0.5; done
	sandbox_banner="$(sed -n '1,/Press Ctrl/p' "$DEMO_DIR/sandbox.log" | grep -v 'Press Ctrl' | sed 's/^/    /')"
fi
if [ "$mode" = check ]; then
	jar="$DEMO_DIR/check-cookies"
	curl -sf -c "$jar" -H 'content-type: application/json' "http://127.0.0.1:$PORT/rest/login" \
		-d "{\"emailOrLdapLoginId\":\"$DEMO_EMAIL\",\"password\":\"$DEMO_PASSWORD\"}" >/dev/null \
		|| bootstrap_fail "n8n is up but the demo login $DEMO_EMAIL was refused (see $DEMO_DIR/n8n.log)."
	listed="$(curl -sf -b "$jar" "http://127.0.0.1:$PORT/rest/workflows" | node -e '
		let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).data.map((w) => w.name).join("\n")));')"
	n_listed="$(printf '%s\n' "$listed" | grep -c . || true)"
	n_expected="$(cut -d' ' -f1 < "$DEMO_DIR/import/counts")"
	[ "$n_listed" -ge 1 ] && [ "$n_listed" -eq "$n_expected" ] \
		|| bootstrap_fail "the editor lists $n_listed workflow(s), expected the $n_expected examples (see $DEMO_DIR/import.log)."
	curl -sf "http://127.0.0.1:$SANDBOX_PORT/_sandbox/stats" >/dev/null \
		|| bootstrap_fail "the sandbox does not answer on :$SANDBOX_PORT (see $DEMO_DIR/sandbox.log)."
	# the credential dialog's Test button, for every example credential: proves they reach this sandbox.
	# Sent as the editor sends it, with the data the dialog opens with (secrets redacted, n8n restores
	# them): n8n tests only the data in the request, so an id alone fails for every credential type.
	for cred in $(curl -sf -b "$jar" "http://127.0.0.1:$PORT/rest/credentials" | node -e '
		let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).data.map((c) => [c.id, c.type].join(",")).join("\n")));'); do
		verdict="$(curl -sf -b "$jar" "http://127.0.0.1:$PORT/rest/credentials/${cred%%,*}?includeData=true" | node -e '
			let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { const { id, name, type, data } = JSON.parse(s).data; console.log(JSON.stringify({ credentials: { id, name, type, data } })); });' \
			| curl -sf -b "$jar" -H 'content-type: application/json' "http://127.0.0.1:$PORT/rest/credentials/test" -d @- | node -e '
			let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => { const r = JSON.parse(s).data; console.log(r.status + ": " + r.message); });')"
		case "$verdict" in OK:*) say "credential ${cred#*,} tested against the sandbox: $verdict" ;;
			*) bootstrap_fail "the example credential ${cred#*,} does not work against the sandbox on :$SANDBOX_PORT: $verdict" ;; esac
	done
	say "check passed: editor on :$PORT, sandbox on :$SANDBOX_PORT, $n_listed example workflows listed, e.g. \"$(printf '%s\n' "$listed" | head -1)\""
	exit 0
fi
cat <<MSG

  n8n editor:  http://127.0.0.1:$PORT/
  login:       $DEMO_EMAIL / $DEMO_PASSWORD
  sandbox:     http://127.0.0.1:$SANDBOX_PORT/ $( [ -f sandbox/cli.ts ] || echo "(not started)")
  logs:        $DEMO_DIR/n8n.log  $DEMO_DIR/sandbox.log
$( [ -z "$sandbox_banner" ] || printf '\n%s\n' "$sandbox_banner")

  Ctrl-C stops n8n and the sandbox.
MSG
wait "$n8n_pid"
