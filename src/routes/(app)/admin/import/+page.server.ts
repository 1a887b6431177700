import { fail } from '@sveltejs/kit';
import { requireAdmin } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { applyImport, previewImport } from '$lib/server/people/import';
import { importColumns, MAX_IMPORT_ROWS, type ImportPlan } from '$lib/server/people/import-plan';
import type { Actions, PageServerLoad } from './$types';

// Matches adapter-node's default BODY_SIZE_LIMIT; about 5,000 typical rows.
const MAX_BYTES = 512 * 1024;
const PREVIEW_ROWS = 200;

export const load: PageServerLoad = ({ locals }) => {
	const admin = requireAdmin(locals);
	return { columns: importColumns, maxRows: MAX_IMPORT_ROWS, timeZone: admin.timeZone };
};

/** The file from the upload field, or the pasted text when no file was chosen. */
async function csvFrom(form: FormData): Promise<{ text: string } | { error: string }> {
	const file = form.get('file');
	const pasted = String(form.get('csv') ?? '');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_BYTES) return { error: 'The file is larger than 512 KB. Split it into smaller files.' };
		return { text: await file.text() };
	}
	if (pasted.trim()) {
		if (pasted.length > MAX_BYTES) return { error: 'The text is larger than 512 KB. Split it into smaller imports.' };
		return { text: pasted };
	}
	return { error: 'Choose a CSV file, or paste its contents.' };
}

/** What the page needs of a plan: every problem, and a bounded sample of the rows. */
function shape(plan: ImportPlan) {
	return {
		issues: plan.issues,
		counts: plan.counts,
		total: plan.rows.length,
		rows: plan.rows.slice(0, PREVIEW_ROWS).map((r) => ({ line: r.line, email: r.email, name: r.name, action: r.action, changes: r.changes }))
	};
}

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		const admin = requireAdmin(locals);
		const source = await csvFrom(await request.formData());
		if ('error' in source) return fail(400, { stage: 'upload' as const, error: source.error });
		const plan = await previewImport(db(), source.text, admin.email);
		return { stage: 'preview' as const, csv: source.text, plan: shape(plan) };
	},
	apply: async ({ locals, request, url, getClientAddress }) => {
		const admin = requireAdmin(locals);
		const source = await csvFrom(await request.formData());
		if ('error' in source) return fail(400, { stage: 'upload' as const, error: source.error });
		const outcome = await applyImport(db(), { id: admin.id, email: admin.email, ip: getClientAddress() }, source.text, new Date());
		if (!outcome.ok) {
			// The data changed since the preview and a row no longer holds: nothing was applied.
			return fail(400, { stage: 'preview' as const, csv: source.text, plan: shape(outcome.plan) });
		}
		return {
			stage: 'done' as const,
			plan: shape(outcome.plan),
			invites: outcome.invites.map((i) => ({ name: i.name, email: i.email, url: `${url.origin}/invite/${i.token}`, expiresAt: i.expiresAt.toISOString() }))
		};
	}
};
