import autocannon from 'autocannon';
import { request } from 'node:http';
import { TARGETS } from './report';

/** One page driven over HTTP by autocannon: a warm-up, then a measured run at fixed concurrency. */

export interface Scenario {
	name: string;
	what: string;
	path: string;
	/** `ripple_session=…`, or undefined for an anonymous request. */
	cookie?: string;
	/** Held to the page targets (the baseline and /healthz are reference points, not targets). */
	page: boolean;
	/** The most HTML (its serialised data included, uncompressed) the page may send, in KB. */
	budgetKb?: number;
	/** The least throughput the page may have, as a ratio to the baseline's (issue 19: 0.5 or 0.25). */
	minRatio?: number;
}

/** What one answer of a page weighs: its HTML, the data a client navigation fetches, and compressed. */
export interface PageSizes {
	htmlKb: number;
	/** `__data.json`, what the page's loads return (null for a page without one, such as /healthz). */
	dataKb: number | null;
	brKb: number;
	gzipKb: number;
}

export interface LoadSettings {
	connections: number;
	seconds: number;
	warmupSeconds: number;
}

export interface LoadResult {
	name: string;
	what: string;
	path: string;
	page: boolean;
	requests: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	/** Connection errors, timeouts and answers other than 2xx. */
	errors: number;
	/** Throughput over the baseline's in the same run; filled in once the baseline is known. */
	ratio: number;
	/** The baseline's throughput measured just before this page (its ratio's denominator), if it was. */
	baselineRps?: number;
	budgetKb: number | null;
	minRatio: number;
	sizes: PageSizes;
}

/** The bytes that travel for a GET, as sent (node:http does not decode them). */
function rawBytes(url: string, headers: Record<string, string>): Promise<{ status: number; bytes: number }> {
	return new Promise((resolve, reject) => {
		const req = request(url, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end();
	});
}

export async function pageSizes(origin: string, scenario: Scenario): Promise<PageSizes> {
	const cookie: Record<string, string> = scenario.cookie ? { cookie: scenario.cookie } : {};
	const url = origin + scenario.path;
	const dataUrl = `${origin}${scenario.path.replace(/\/$/, '')}/__data.json`;
	const [html, br, gzip, data] = await Promise.all([
		rawBytes(url, { ...cookie, 'accept-encoding': 'identity' }),
		rawBytes(url, { ...cookie, 'accept-encoding': 'br' }),
		rawBytes(url, { ...cookie, 'accept-encoding': 'gzip' }),
		rawBytes(dataUrl, { ...cookie, 'accept-encoding': 'identity' })
	]);
	const kb = (bytes: number) => bytes / 1024;
	return {
		htmlKb: kb(html.bytes),
		dataKb: data.status === 200 ? kb(data.bytes) : null,
		brKb: kb(br.bytes),
		gzipKb: kb(gzip.bytes)
	};
}

/** The value below which `p` percent of the sorted samples lie (nearest rank). */
function percentile(sorted: readonly number[], p: number): number {
	if (sorted.length === 0) return Number.NaN;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * A redirect to /login (an expired session) or an error page would benchmark the wrong thing:
 * each scenario must answer 200 with HTML before it is measured.
 */
export async function checkScenario(origin: string, scenario: Scenario): Promise<void> {
	const response = await fetch(origin + scenario.path, {
		headers: scenario.cookie ? { cookie: scenario.cookie } : {},
		redirect: 'manual'
	});
	await response.arrayBuffer();
	if (response.status !== 200) {
		const where = response.headers.get('location');
		throw new Error(
			`${scenario.name} (GET ${scenario.path}) answered ${response.status}${where ? ` → ${where}` : ''}, not 200`
		);
	}
}

/** What Chromium sends as Accept-Encoding. */
const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

function fire(
	origin: string,
	scenario: Scenario,
	connections: number,
	seconds: number,
	latencies?: number[]
): Promise<autocannon.Result> {
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{
				url: origin + scenario.path,
				connections,
				duration: seconds,
				// As a browser asks: the answers travel compressed, and compressing them is part of the cost.
				headers: { ...(scenario.cookie ? { cookie: scenario.cookie } : {}), 'accept-encoding': BROWSER_ENCODINGS },
				// A slow page should show in the latencies, not vanish as a timeout.
				timeout: 30
			},
			(err, result) => (err ? reject(err) : resolve(result))
		);
		// autocannon's own histogram reports p50, p90, p97.5 and p99 but no p95: keep every latency.
		if (latencies)
			instance.on('response', (_client, status, _bytes, ms) => status >= 200 && status < 300 && latencies.push(ms));
	});
}

/**
 * Drives a page on one server, or on several sharing a database (issue 19's PostgreSQL run), with
 * the connections split evenly between them: their throughputs add up and their latencies are
 * pooled for the percentiles.
 */
export async function measure(
	origins: string | readonly string[],
	scenario: Scenario,
	settings: LoadSettings
): Promise<LoadResult> {
	const all = typeof origins === 'string' ? [origins] : origins;
	const each = Math.max(1, Math.round(settings.connections / all.length));
	await Promise.all(all.map((origin) => checkScenario(origin, scenario)));
	const sizes = await pageSizes(all[0]!, scenario);
	if (settings.warmupSeconds > 0)
		await Promise.all(all.map((origin) => fire(origin, scenario, each, settings.warmupSeconds)));
	const latencies: number[] = [];
	const results = await Promise.all(all.map((origin) => fire(origin, scenario, each, settings.seconds, latencies)));
	latencies.sort((a, b) => a - b);
	const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
	return {
		name: scenario.name,
		what: scenario.what,
		path: scenario.path,
		page: scenario.page,
		requests: sum((r) => r.requests.total),
		rps: sum((r) => r.requests.average),
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: sum((r) => r.errors + r.non2xx),
		ratio: Number.NaN,
		budgetKb: scenario.budgetKb ?? null,
		minRatio: scenario.minRatio ?? TARGETS.minRatio,
		sizes
	};
}

/** A page measured again to be compared with: shorter, as the baseline measured before each page. */
const compareSettings = (settings: LoadSettings): LoadSettings => ({
	...settings,
	seconds: Math.max(1, settings.seconds / 2),
	warmupSeconds: 1
});

/**
 * Measures a page again on servers that stayed up, for a figure to compare another page's with:
 * this machine's throughput drifts too much for figures taken minutes apart.
 */
export function measureAgain(
	origins: string | readonly string[],
	scenarios: readonly Scenario[],
	settings: LoadSettings
): (scenarioName: string) => Promise<number> {
	return async (name) => {
		const scenario = scenarios.find((s) => s.name === name);
		if (!scenario) throw new Error(`no scenario named ${name}`);
		return (await measure(origins, scenario, compareSettings(settings))).rps;
	};
}
