import { cpus, totalmem } from 'node:os';
import type { LoadResult } from './load';

/** The targets of issue 7, the closing `bench <name>: <value> <unit>` lines and the JSON file. */

export const TARGETS = {
	// Staff pages; issue 19 holds the team and leader pages to a quarter of the baseline.
	minRatio: 0.5,
	teamPageMinRatio: 0.25,
	maxP95Ms: 100,
	matchingMs: 2000,
	importMs: 5000,
	peakRssMb: 300,
	// Issue 17: the scheduler's pass over the 10,000-person organisation, and email delivery.
	notificationPassMs: 30_000,
	notificationPassExtraMb: 150,
	emailsPerSecond: 200
};

export interface Figure {
	name: string;
	value: number;
	unit: string;
}

export interface TargetCheck {
	name: string;
	target: string;
	actual: string;
	pass: boolean;
}

export function machine() {
	const cores = cpus();
	return {
		cpu: cores[0]?.model.trim() ?? 'unknown',
		cores: cores.length,
		memoryGb: Math.round(totalmem() / 2 ** 30),
		node: process.version,
		platform: `${process.platform} ${process.arch}`
	};
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
/** Two decimals, or three below 0.1, so a very slow page does not read as 0.00. */
const ratioText = (ratio: number) => fixed(ratio, ratio < 0.1 ? 3 : 2);

export function scenarioFigures(results: readonly LoadResult[]): Figure[] {
	return results.flatMap((r) => [
		{ name: `${r.name}-rps`, value: r.rps, unit: 'req/s' },
		{ name: `${r.name}-p50`, value: r.p50, unit: 'ms' },
		{ name: `${r.name}-p95`, value: r.p95, unit: 'ms' },
		{ name: `${r.name}-p99`, value: r.p99, unit: 'ms' },
		{ name: `${r.name}-errors`, value: r.errors, unit: 'count' },
		{ name: `${r.name}-ratio`, value: r.ratio, unit: 'x' },
		{ name: `${r.name}-html`, value: r.sizes.htmlKb, unit: 'KB' },
		...(r.sizes.dataKb === null ? [] : [{ name: `${r.name}-data`, value: r.sizes.dataKb, unit: 'KB' }]),
		{ name: `${r.name}-html-br`, value: r.sizes.brKb, unit: 'KB' },
		{ name: `${r.name}-html-gzip`, value: r.sizes.gzipKb, unit: 'KB' }
	]);
}

export function pageChecks(results: readonly LoadResult[]): TargetCheck[] {
	return results
		.filter((r) => r.page)
		.map((r) => ({
			name: r.name,
			target: `≥ ${r.minRatio}x baseline, p95 ≤ ${TARGETS.maxP95Ms} ms, no errors`,
			actual: `${ratioText(r.ratio)}x, p95 ${fixed(r.p95, 1)} ms, ${r.errors} errors`,
			pass: r.ratio >= r.minRatio && r.p95 <= TARGETS.maxP95Ms && r.errors === 0
		}));
}

/** Issue 19: each page's HTML, its serialised data included, within its budget (uncompressed). */
export function sizeChecks(results: readonly LoadResult[]): TargetCheck[] {
	return results
		.filter((r) => r.budgetKb !== null)
		.map((r) => ({
			name: `${r.name}-html`,
			target: `≤ ${r.budgetKb} KB of HTML`,
			actual: `${fixed(r.sizes.htmlKb, 1)} KB (${fixed(r.sizes.brKb, 1)} KB in brotli)`,
			pass: r.sizes.htmlKb <= r.budgetKb!
		}));
}

export function limitCheck(name: string, value: number, limit: number, unit: string): TargetCheck {
	return { name, target: `≤ ${limit} ${unit}`, actual: `${fixed(value, 0)} ${unit}`, pass: value <= limit };
}

export function minimumCheck(name: string, value: number, minimum: number, unit: string): TargetCheck {
	return { name, target: `≥ ${minimum} ${unit}`, actual: `${fixed(value, 0)} ${unit}`, pass: value >= minimum };
}

function table(header: string[], rows: string[][], rightAligned: (i: number) => boolean): string {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (rightAligned(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
	return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function scenarioTable(results: readonly LoadResult[]): string {
	return table(
		['scenario', 'GET', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'ratio', 'HTML KB', 'data KB', 'br KB'],
		results.map((r) => [
			r.name,
			r.path,
			fixed(r.rps, 1),
			fixed(r.p50, 1),
			fixed(r.p95, 1),
			fixed(r.p99, 1),
			String(r.errors),
			ratioText(r.ratio),
			fixed(r.sizes.htmlKb, 1),
			r.sizes.dataKb === null ? '–' : fixed(r.sizes.dataKb, 1),
			fixed(r.sizes.brKb, 1)
		]),
		(i) => i >= 2
	);
}

export function checkTable(checks: readonly TargetCheck[]): string {
	return table(
		['target', 'wanted', 'measured', ''],
		checks.map((c) => [c.name, c.target, c.actual, c.pass ? 'PASS' : 'MISS']),
		() => false
	);
}

export function figureLine(f: Figure): string {
	const value = f.unit === 'x' ? ratioText(f.value) : fixed(f.value, f.unit === 'count' || f.unit === 'MB' ? 0 : 1);
	return `bench ${f.name}: ${value} ${f.unit}`;
}
