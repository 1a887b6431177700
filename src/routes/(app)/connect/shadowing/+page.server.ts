import { db } from '$lib/server/db';
import { teamChoices, unitChoices } from '$lib/server/org/directory';
import { requireActor } from '$lib/server/policy';
import { canOpenHosting } from '$lib/server/shadowing/policy';
import { hostsVisits, openSlots, visitsOf, type SlotFilters } from '$lib/server/shadowing/service';
import { isCalendarDate } from '$lib/schemas/dates';
import type { PageServerLoad } from './$types';

const date = (v: string | null) => (v && isCalendarDate(v) ? v : '');

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireActor(locals);
	const [teams, units] = await Promise.all([teamChoices(db()), unitChoices(db())]);
	const departments = units.filter((u) => u.kind === 'department');
	const team = teams.find((t) => t.id === url.searchParams.get('team'));
	const unit = departments.find((u) => u.id === url.searchParams.get('unit'));
	const filters: SlotFilters = { from: date(url.searchParams.get('from')), to: date(url.searchParams.get('to')) };
	if (team) filters.teamId = team.id;
	if (unit) filters.unitPath = unit.path;
	const [slots, visits, hosts] = await Promise.all([
		openSlots(db(), actor, filters, new Date()),
		visitsOf(db(), actor.id),
		hostsVisits(db(), actor.id)
	]);
	return {
		slots,
		visits,
		filters: { team: team?.id ?? '', unit: unit?.id ?? '', from: filters.from ?? '', to: filters.to ?? '' },
		teams,
		departments: departments.map((u) => ({ id: u.id, name: u.name })),
		opensHosting: canOpenHosting(actor.scope, hosts),
		timeZone: actor.timeZone
	};
};
