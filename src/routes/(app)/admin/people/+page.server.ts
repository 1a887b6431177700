import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { teamChoices, unitChoices } from '$lib/server/org/directory';
import { listPeople, type PersonListFilters } from '$lib/server/people/directory';
import { pageCount, pageFrom } from '$lib/paging';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;
const roles = ['staff', 'manager', 'leader', 'admin'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const [teams, units] = await Promise.all([teamChoices(db()), unitChoices(db())]);

	const q = url.searchParams.get('q')?.trim().slice(0, 100) ?? '';
	const teamId = url.searchParams.get('team') ?? '';
	const unitId = url.searchParams.get('unit') ?? '';
	const role = url.searchParams.get('role') ?? '';
	const status = url.searchParams.get('status') ?? 'active';

	const filters: PersonListFilters = {};
	if (q) filters.q = q;
	if (teams.some((t) => t.id === teamId)) filters.teamId = teamId;
	const unit = units.find((u) => u.id === unitId);
	if (unit) filters.unitPath = unit.path;
	if ((roles as readonly string[]).includes(role)) filters.role = role as (typeof roles)[number];
	if (status === 'active') filters.active = true;
	else if (status === 'inactive') filters.active = false;

	const paging = pageFrom(url, PAGE_SIZE);
	const { rows, total } = await listPeople(db(), filters, paging);
	return {
		people: rows,
		total,
		page: paging.page,
		pageCount: pageCount(total, PAGE_SIZE),
		filters: { q, team: filters.teamId ?? '', unit: unit?.id ?? '', role: filters.role ?? '', status },
		teams,
		units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth }))
	};
};
