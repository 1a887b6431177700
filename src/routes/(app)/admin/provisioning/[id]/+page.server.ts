import { fail, redirect } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { objectIdOf, readForm } from '$lib/server/forms';
import { teamChoices } from '$lib/server/org/directory';
import { requireAdmin, requireFound } from '$lib/server/policy';
import {
	connectionDetail,
	decideHold,
	getConnection,
	LOG_PAGE,
	saveMapping,
	saveSettings,
	settingsFormSchema
} from '$lib/server/provisioning/admin';
import { revokeConnection } from '$lib/server/provisioning/connections';
import { baseUrlOf } from '$lib/server/provisioning/http';
import { worded } from '$lib/server/service-result';
import type { TeamsFrom } from '$lib/server/db/schema';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function connectionOf(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const actor = requireAdmin(event.locals);
	const connection = requireFound(await getConnection(db(), event.params.id));
	return { actor, connection };
}

export const load: PageServerLoad = async (event) => {
	const { actor, connection } = await connectionOf(event);
	const requested = Number.parseInt(event.url.searchParams.get('log') ?? '1', 10);
	const logPage = Number.isFinite(requested) && requested > 1 ? Math.min(requested, 10_000) : 1;
	const [detail, teams] = await Promise.all([
		connectionDetail(db(), connection, (logPage - 1) * LOG_PAGE),
		teamChoices(db())
	]);
	return {
		...detail,
		teams,
		logPage,
		logPageCount: Math.max(1, Math.ceil(detail.logTotal / LOG_PAGE)),
		baseUrl: baseUrlOf(event.url),
		timeZone: actor.timeZone,
		saved: event.url.searchParams.get('saved')
	};
};

const done = (id: string, saved: string) => redirect(303, `/admin/provisioning/${id}?saved=${saved}`);

async function mapping(event: RequestEvent, kind: TeamsFrom) {
	const { actor, connection } = await connectionOf(event);
	const form = await event.request.formData();
	const keys = form.getAll('key').map(String);
	const teams = form.getAll('team').map(String);
	const result = await saveMapping(db(), actor, connection, kind, { keys, teams }, new Date());
	if (!result.ok) return fail(400, { mappingError: worded(result.errors)._form, mapping: kind });
	done(connection.id, kind === 'department' ? 'departments' : 'groups');
}

export const actions: Actions = {
	settings: async (event) => {
		const { actor, connection } = await connectionOf(event);
		const parsed = await readForm(event.request, settingsFormSchema);
		if (!parsed.ok) return fail(400, { values: parsed.values, errors: parsed.errors });
		await saveSettings(db(), actor, connection, parsed.data, new Date());
		done(connection.id, 'settings');
	},
	departments: (event) => mapping(event, 'department'),
	groups: (event) => mapping(event, 'groups'),
	approve: (event) => decide(event, true),
	reject: (event) => decide(event, false),
	revoke: async (event) => {
		const { actor, connection } = await connectionOf(event);
		await revokeConnection(db(), actor, connection.id, new Date());
		done(connection.id, 'revoked');
	}
};

async function decide(event: RequestEvent, approve: boolean) {
	const { actor, connection } = await connectionOf(event);
	const holdId = objectIdOf(await event.request.formData());
	const result = await decideHold(db(), actor, connection, holdId, approve, new Date());
	if (!result.ok) return fail(400, { holdError: worded(result.errors)._form });
	done(connection.id, approve ? 'approved' : 'rejected');
}
