// The HTTP load balancer in front of the webhook processors, as README's queue-mode section asks
// users to configure theirs: the URL the main instance registers with the marketplace
// (N8N_WEBHOOK_URL) points here. A delivery carrying a signature header (TikTok `Authorization`,
// Tokopedia `Authorization-Hmac`) goes to the processor chosen by a hash of that signature, so every
// copy of one notification reaches the same processor (nginx: `hash $http_authorization$http_authorization_hmac
// consistent`); anything else goes round robin.
import { createHash } from 'node:crypto';
import * as http from 'node:http';

export interface Balancer {
	url: string;
	/** Requests forwarded to each target, in target order. */
	forwarded: number[];
	close(): Promise<void>;
}

export async function startBalancer(port: number, targets: () => string[]): Promise<Balancer> {
	const forwarded: number[] = [];
	let next = 0;
	// no keep-alive: a reused socket the processor is closing would turn a delivery into a 502
	const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
	const server = http.createServer((req, res) => {
		const list = targets();
		if (list.length === 0) {
			res.writeHead(503).end('no webhook processor');
			return;
		}
		const signature = String(req.headers.authorization ?? '') + String(req.headers['authorization-hmac'] ?? '');
		const k = signature ? createHash('sha1').update(signature).digest().readUInt32BE(0) % list.length : next++ % list.length;
		forwarded[k] = (forwarded[k] ?? 0) + 1;
		const target = new URL(req.url ?? '/', list[k]);
		const upstream = http.request(target, { method: req.method, headers: { ...req.headers, host: target.host }, agent }, (answer) => {
			res.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(res);
		});
		upstream.on('error', (e) => {
			if (!res.headersSent) res.writeHead(502);
			res.end(String(e));
		});
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		forwarded,
		close: async () => {
			agent.destroy();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
