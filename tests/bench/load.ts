import autocannon from 'autocannon';

/** One page driven over HTTP by autocannon: a warm-up, then a measured run at fixed concurrency. */

export interface Scenario {
	name: string;
	what: string;
	path: string;
	/** `ripple_session=…`, or undefined for an anonymous request. */
	cookie?: string;
	/** Held to the page targets (the baseline and /healthz are reference points, not targets). */
	page: boolean;
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
				headers: scenario.cookie ? { cookie: scenario.cookie } : {},
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

export async function measure(origin: string, scenario: Scenario, settings: LoadSettings): Promise<LoadResult> {
	await checkScenario(origin, scenario);
	if (settings.warmupSeconds > 0) await fire(origin, scenario, settings.connections, settings.warmupSeconds);
	const latencies: number[] = [];
	const result = await fire(origin, scenario, settings.connections, settings.seconds, latencies);
	latencies.sort((a, b) => a - b);
	return {
		name: scenario.name,
		what: scenario.what,
		path: scenario.path,
		page: scenario.page,
		requests: result.requests.total,
		rps: result.requests.average,
		p50: percentile(latencies, 50),
		p95: percentile(latencies, 95),
		p99: percentile(latencies, 99),
		errors: result.errors + result.non2xx,
		ratio: Number.NaN
	};
}
