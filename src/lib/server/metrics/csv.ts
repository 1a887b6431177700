import Papa from 'papaparse';
import { periodOf, shiftPeriod } from '../../periods';
import { readCsvCell, toCsv } from '../csv';
import type { MetricPeriod } from '../db/schema';
import type { Refusal } from '../service-result';
import {
	planMetricValues,
	valueFields,
	type PlannedValue,
	type ValueAction,
	type ValueField,
	type ValueRow,
	type ValueWorld
} from './plan';

/**
 * The CSV import of metric values, the pure half: text in, a preview out. Reading the file is
 * here; judging its rows is `planMetricValues`, the same check the API and the entry grid use.
 */

export const csvColumns = valueFields;
export const MAX_CSV_ROWS = 5000;

export interface CsvIssue {
	/** 1-based line in the file (the header is line 1); 0 for the file as a whole. */
	line: number;
	column: ValueField | '';
	/** A message key and its inputs, worded by the page. */
	reason: Refusal;
}

export type CsvRowStatus = ValueAction | 'skipped' | 'problem';

export interface CsvRowPreview {
	line: number;
	team: string;
	metric: string;
	period: string;
	value: string;
	status: CsvRowStatus;
	previous: number | null;
}

export interface CsvPlan {
	rows: CsvRowPreview[];
	issues: CsvIssue[];
	counts: Record<CsvRowStatus, number>;
	/** What to store when there are no issues. */
	values: PlannedValue[];
}

interface CsvLine extends ValueRow {
	line: number;
	value: string;
}

function normaliseHeader(header: string): string {
	const h = header
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[_-]+/g, ' ')
		.replace(/\s+/g, ' ');
	return h === 'metric key' || h === 'key' ? 'metric' : h;
}

/** Reads the header and the non-blank lines; problems with the file as a whole come back as issues. */
function readCsv(text: string): { lines: CsvLine[]; issues: CsvIssue[] } {
	const issues: CsvIssue[] = [];
	const table = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false }).data;
	const header = (table[0] ?? []).map(normaliseHeader);
	if (header.every((h) => h === '')) {
		return { lines: [], issues: [{ line: 0, column: '', reason: { code: 'measure_csv_empty' } }] };
	}
	for (const h of header) {
		if (h !== '' && !(csvColumns as readonly string[]).includes(h)) {
			issues.push({
				line: 1,
				column: '',
				reason: { code: 'measure_csv_unknown_column', params: { column: h, columns: csvColumns.join(', ') } }
			});
		}
	}
	for (const column of csvColumns) {
		if (!header.includes(column))
			issues.push({ line: 1, column, reason: { code: 'measure_csv_missing_column', params: { column } } });
	}
	if (issues.length) return { lines: [], issues };

	const cell = (row: string[], column: ValueField) => readCsvCell(row[header.indexOf(column)] ?? '').trim();
	// papaparse keeps blank lines, so a row's index + 1 is its line (values never hold line breaks).
	const lines = table
		.map((row, index) => ({ row, line: index + 1 }))
		.slice(1)
		.filter(({ row }) => row.some((v) => v.trim() !== ''))
		.map(({ row, line }) => ({
			line,
			team: cell(row, 'team'),
			metric: cell(row, 'metric'),
			period: cell(row, 'period'),
			value: cell(row, 'value')
		}));
	if (lines.length === 0) issues.push({ line: 0, column: '', reason: { code: 'measure_csv_no_values' } });
	else if (lines.length > MAX_CSV_ROWS)
		issues.push({ line: 0, column: '', reason: { code: 'measure_csv_too_many_rows', params: { max: MAX_CSV_ROWS } } });
	return { lines: issues.length ? [] : lines, issues };
}

/**
 * Plans a CSV import. Rows with an empty value are skipped, so a template can be filled in
 * partly; every other row must hold, or nothing is imported.
 */
export function planMetricsCsv(text: string, world: ValueWorld): CsvPlan {
	const read = readCsv(text);
	const filled = read.lines.filter((l) => l.value !== '');
	const plan = planMetricValues(filled, world, {
		duplicateOf: (index) => ({ code: 'measure_value_duplicate_line', params: { line: filled[index]?.line ?? 0 } })
	});

	const issues: CsvIssue[] = [
		...read.issues,
		...plan.issues.map((i) => ({ line: filled[i.index]?.line ?? 0, column: i.field, reason: i.reason }))
	];
	if (read.lines.length > 0 && filled.length === 0)
		issues.push({ line: 0, column: 'value', reason: { code: 'measure_csv_all_empty' } });
	const planned = new Map(plan.values.map((v) => [filled[v.index]?.line, v]));
	const troubled = new Set(issues.map((i) => i.line));
	const rows = read.lines.map((l): CsvRowPreview => {
		const value = planned.get(l.line);
		const status: CsvRowStatus =
			l.value === '' ? 'skipped' : troubled.has(l.line) ? 'problem' : (value?.action ?? 'problem');
		return {
			line: l.line,
			team: l.team,
			metric: l.metric,
			period: l.period,
			value: l.value,
			status,
			previous: value?.previous ?? null
		};
	});
	const counts: Record<CsvRowStatus, number> = { create: 0, update: 0, unchanged: 0, skipped: 0, problem: 0 };
	for (const row of rows) counts[row.status] += 1;
	return { rows, issues, counts, values: plan.values };
}

/** The rows a CSV import would read, for callers that need the teams and periods it names. */
export function csvValueRows(text: string): ValueRow[] {
	return readCsv(text).lines;
}

/**
 * A template to fill in: every team and active metric, for the last complete month or ISO week
 * of each metric, with the value left empty. Bounded by the import's row limit.
 */
export function metricsTemplate(
	teams: readonly string[],
	metrics: readonly { key: string; period: MetricPeriod }[],
	today: string
): string {
	const lastComplete: Record<MetricPeriod, string> = {
		month: shiftPeriod(periodOf('month', today), -1),
		week: shiftPeriod(periodOf('week', today), -1)
	};
	const data = teams
		.flatMap((team) => metrics.map((m) => [team, m.key, lastComplete[m.period], '']))
		.slice(0, MAX_CSV_ROWS);
	return toCsv(csvColumns, data);
}
