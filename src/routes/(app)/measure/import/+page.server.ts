import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { csvFromForm } from '$lib/server/forms';
import { calendarDate } from '$lib/server/learning/rules';
import { csvColumns, MAX_CSV_ROWS, type CsvPlan } from '$lib/server/metrics/csv';
import { canImportMetrics, writableTeams } from '$lib/server/metrics/policy';
import { applyMetricsImport, previewMetricsImport } from '$lib/server/metrics/values';
import { teamChoices } from '$lib/server/org/directory';
import { requireCapability } from '$lib/server/policy';
import { m } from '$lib/paraglide/messages';
import { word } from '$lib/server/service-result';
import type { Actions, PageServerLoad } from './$types';

const PREVIEW_ROWS = 1000;

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireCapability(locals, canImportMetrics, m.measure_import_forbidden());
	const allowed = writableTeams(actor.scope);
	const teams = allowed === 'all' ? null : (await teamChoices(db())).filter((t) => allowed.has(t.id));
	return { columns: csvColumns, maxRows: MAX_CSV_ROWS, teams };
};

/**
 * What the page needs of a plan: the problems of the file as a whole, and the rows (every row
 * with a problem, then others up to a bound), each with its own problems.
 */
function shape(plan: CsvPlan) {
	const byLine = new Map<number, { column: string; reason: string }[]>();
	for (const issue of plan.issues)
		byLine.set(issue.line, [...(byLine.get(issue.line) ?? []), { column: issue.column, reason: word(issue.reason) }]);
	const troubled = plan.rows.filter((r) => r.status === 'problem');
	const others = plan.rows.filter((r) => r.status !== 'problem').slice(0, Math.max(0, PREVIEW_ROWS - troubled.length));
	const rows = [...troubled, ...others]
		.sort((a, b) => a.line - b.line)
		.map((r) => ({ ...r, problems: byLine.get(r.line) ?? [] }));
	const rowLines = new Set(plan.rows.map((r) => r.line));
	return {
		fileProblems: plan.issues.filter((i) => !rowLines.has(i.line)).map((i) => word(i.reason)),
		problemCount: plan.issues.length,
		counts: plan.counts,
		total: plan.rows.length,
		rows
	};
}

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		const actor = requireCapability(locals, canImportMetrics, m.measure_import_forbidden());
		const source = await csvFromForm(await request.formData());
		if ('error' in source) return fail(400, { stage: 'upload' as const, error: source.error });
		const plan = await previewMetricsImport(db(), actor, source.text, calendarDate(new Date(), actor.timeZone));
		return { stage: 'preview' as const, csv: source.text, plan: shape(plan) };
	},
	apply: async ({ locals, request }) => {
		const actor = requireCapability(locals, canImportMetrics, m.measure_import_forbidden());
		const source = await csvFromForm(await request.formData());
		if ('error' in source) return fail(400, { stage: 'upload' as const, error: source.error });
		const now = new Date();
		const outcome = await applyMetricsImport(db(), actor, source.text, now, calendarDate(now, actor.timeZone));
		// A row that no longer holds (the data changed since the preview) means nothing was applied.
		if (!outcome.ok) return fail(400, { stage: 'preview' as const, csv: source.text, plan: shape(outcome.plan) });
		return { stage: 'done' as const, plan: shape(outcome.plan) };
	}
};
