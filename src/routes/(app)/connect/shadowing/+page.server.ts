import { requireUser } from '$lib/server/auth/current-user';
import { db } from '$lib/server/db';
import { listTeams, listUnits } from '$lib/server/org/queries';
import { browseSlots, visitsOf, type SlotFilters } from '$lib/server/shadowing/queries';
import type { PageServerLoad } from './$types';

const date = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const [teams, units] = await Promise.all([listTeams(db()), listUnits(db())]);
	const team = teams.find((t) => t.id === url.searchParams.get('team'));
	const unit = units.find((u) => u.id === url.searchParams.get('unit') && u.kind === 'department');
	const filters: SlotFilters = { from: date(url.searchParams.get('from')), to: date(url.searchParams.get('to')) };
	if (team) filters.teamId = team.id;
	if (unit) filters.unitPath = unit.path;
	const [slots, visits] = await Promise.all([browseSlots(db(), filters, user.id, new Date()), visitsOf(db(), user.id)]);
	return {
		slots,
		visits,
		filters: { team: team?.id ?? '', unit: unit?.id ?? '', from: filters.from ?? '', to: filters.to ?? '' },
		teams: teams.map((t) => ({ id: t.id, name: t.name })),
		departments: units.filter((u) => u.kind === 'department').map((u) => ({ id: u.id, name: u.name })),
		canManage: user.scope.managedTeamIds.length > 0 || user.scope.isAdmin,
		timeZone: user.timeZone
	};
};
