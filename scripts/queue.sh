#!/usr/bin/env bash
# `npm run test:queue`: this package in n8n queue mode — Redis + PostgreSQL (Debian packages,
# installed with apt if missing, started on free local ports with data under .queue/), n8n main +
# 2 workers + 2 webhook processors (test/queue/queue.test.ts). Prints executions, duplicates and
# token renewals from .queue/summary.json. Every process it starts is stopped at the end.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
t0=$SECONDS

echo "== Redis + PostgreSQL"
need=()
command -v redis-server >/dev/null || need+=(redis-server)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
	sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
	echo "installing ${need[*]} (apt)"
	$sudo apt-get update -qq
	# the packages' own services are not used: the test starts its own servers on free ports
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
redis-server --version
ls -d /usr/lib/postgresql/*/bin/postgres

echo "== n8n runtime"
bash scripts/install-n8n.sh

echo "== build + pack"
npm run build --silent
pack_dir="$repo/.e2e/pack/current"
rm -rf "$pack_dir" && mkdir -p "$pack_dir"
packed="$(npm pack --silent --pack-destination "$pack_dir" | tail -1)"
export N8N_E2E_TARBALL="$pack_dir/$packed"
echo "packed $N8N_E2E_TARBALL"

echo "== jest (queue mode)"
rm -f .queue/summary.json
rc=0
npx jest -c jest.queue.config.js --runInBand "$@" || rc=$?
if [ -f .queue/summary.json ]; then
	node -e '
		const s = require(process.argv[1]);
		const w = s.webhookDedupe || {}, t = s.tokenExpiry || {}, p = s.pollTriggers || {};
		console.log("== queue-mode figures");
		console.log(`startup (main, then 2 workers + 2 webhook processors): ${s.startupSeconds} s, total ${s.totalSeconds} s`);
		if (s.stockPush) console.log(`2,000-SKU stock push: ${s.stockPush.status} on ${s.stockPush.ranOn} in ${s.stockPush.seconds} s`);
		if (s.orderPull) console.log(`500-order pull: ${s.orderPull.status} on ${s.orderPull.ranOn} in ${s.orderPull.seconds} s`);
		if (s.tokenExpiry) console.log(`expired token, 8 executions on ${[...new Set(t.ranOn)].join(", ")}: token renewals ${t.renewals}; 9th execution ${t.ninthExecution ? t.ninthExecution.status : "-"}`);
		if (s.registrations) console.log(`registrations: TikTok PUT ${s.registrations.tikTokShopPut}, Tokopedia register ${s.registrations.tokopediaRegister}`);
		if (s.webhookDedupe) console.log(`webhooks: ${w.notifications} notifications x 3 = ${w.deliveries} deliveries (per processor ${w.forwardedPerProcessor}) -> executions ${w.executions}, duplicates ${w.duplicates} (copies together ${w.duplicatesWhenCopiesArriveTogether}, one after another ${w.duplicatesWhenCopiesArriveOneAfterAnother}, a second apart ${w.duplicatesWhenCopiesArriveOneSecondApart}), missing ${w.missing}; answers ${JSON.stringify(w.httpStatuses)}, redelivered after a non-2xx ${w.redeliveriesAfterNon200}`);
		if (s.databasePingFailures) console.log(`database ping failures (each one: 503 until the next ping): ${JSON.stringify(s.databasePingFailures)}`);
		if (s.pollTriggers) console.log(`poll triggers: ${p.executions} executions on ${[...new Set(p.ranOn)].join(", ")}; TikTok ${p.tikTokShop.emitted} emitted, ${p.tikTokShop.duplicates} duplicates; Tokopedia ${p.tokopedia.emitted} emitted, ${p.tokopedia.duplicates} duplicates`);
		console.log(JSON.stringify(s));
	' "$repo/.queue/summary.json"
fi
echo "== queue mode done in $((SECONDS - t0)) s (exit $rc)"
exit $rc
