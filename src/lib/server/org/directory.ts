import type { Db } from '../db';
import { listTeams, listUnits, teamManagers } from './queries';
import { treeOrder } from './rules';

/**
 * The organisation as pages and other domains read it: units, teams and their managers. Writes
 * go through ./service.ts; nothing outside this domain reads its tables.
 */
export {
	allTeams,
	allUnits,
	countTeams,
	departmentsOf,
	getTeam,
	getUnit,
	listTeams,
	listUnits,
	teamManagers,
	teamsInGrants,
	unitsWithIds,
	type TeamRow
} from './queries';

/** Every team's name, alphabetically. */
export async function teamNames(database: Db): Promise<string[]> {
	return (await listTeams(database)).map((t) => t.name);
}

/** Teams to choose from in a form or filter, by name. */
export async function teamChoices(database: Db): Promise<{ id: string; name: string }[]> {
	return (await listTeams(database)).map((t) => ({ id: t.id, name: t.name }));
}

/** Units to choose from, in tree order with their depth for indenting. */
export async function unitChoices(database: Db) {
	return treeOrder(await listUnits(database)).map((u) => ({
		id: u.id,
		name: u.name,
		kind: u.kind,
		depth: u.depth,
		path: u.path
	}));
}

/** The whole organisation for its admin page: units in tree order with team counts, teams with managers. */
export async function organisationChart(database: Db) {
	const [units, teams] = await Promise.all([listUnits(database), listTeams(database)]);
	const managers = await teamManagers(
		database,
		teams.map((t) => t.id)
	);
	const teamCount = new Map<string, number>();
	for (const t of teams) teamCount.set(t.org_unit_id, (teamCount.get(t.org_unit_id) ?? 0) + 1);
	return {
		units: treeOrder(units).map((u) => ({
			id: u.id,
			name: u.name,
			kind: u.kind,
			parent_id: u.parent_id,
			depth: u.depth,
			teams: teamCount.get(u.id) ?? 0
		})),
		teams: teams.map((t) => ({
			id: t.id,
			name: t.name,
			kind: t.kind,
			org_unit_id: t.org_unit_id,
			unit_name: t.unit_name,
			member_count: t.member_count,
			managers: (managers.get(t.id) ?? []).map((m) => m.name)
		}))
	};
}
