import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { csvFromForm } from '$lib/server/forms';
import { applyImport, previewImport } from '$lib/server/people/import';
import {
	MAX_IMPORT_ROWS,
	optionalImportColumns,
	requiredImportColumns,
	type ImportPlan
} from '$lib/server/people/import-plan';
import { word } from '$lib/server/service-result';
import type { Actions, PageServerLoad } from './$types';

const PREVIEW_ROWS = 200;

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireAdmin(locals);
	return {
		columns: { required: requiredImportColumns, optional: optionalImportColumns },
		maxRows: MAX_IMPORT_ROWS,
		timeZone: actor.timeZone
	};
};

/** What the page needs of a plan, worded for the reader: every problem, and a bounded sample of the rows. */
function shape(plan: ImportPlan) {
	return {
		issues: plan.issues.map((issue) => ({ ...issue, reason: word(issue.reason) })),
		counts: plan.counts,
		total: plan.rows.length,
		rows: plan.rows.slice(0, PREVIEW_ROWS).map((r) => ({
			line: r.line,
			email: r.email,
			name: r.name,
			action: r.action,
			changes: r.changes.map((change) => word(change))
		}))
	};
}

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		const actor = requireAdmin(locals);
		const source = await csvFromForm(await request.formData());
		if ('error' in source) return fail(400, { stage: 'upload' as const, error: source.error });
		const plan = await previewImport(db(), actor, source.text);
		return { stage: 'preview' as const, csv: source.text, plan: shape(plan) };
	},
	apply: async ({ locals, request, url }) => {
		const actor = requireAdmin(locals);
		const source = await csvFromForm(await request.formData());
		if ('error' in source) return fail(400, { stage: 'upload' as const, error: source.error });
		const outcome = await applyImport(db(), actor, source.text, new Date());
		if (!outcome.ok) {
			// The data changed since the preview and a row no longer holds: nothing was applied.
			return fail(400, { stage: 'preview' as const, csv: source.text, plan: shape(outcome.plan) });
		}
		return {
			stage: 'done' as const,
			plan: shape(outcome.plan),
			invites: outcome.invites.map((i) => ({
				name: i.name,
				email: i.email,
				url: `${url.origin}/invite/${i.token}`,
				expiresAt: i.expiresAt.toISOString()
			}))
		};
	}
};
