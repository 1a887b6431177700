import { listAuditEvents } from '../audit/log';
import type { Db } from '../db';
import { countTeams, getTeam, listUnits, teamManagers, teamsInGrants } from '../org/directory';
import { countPeople, getPersonDetail, listGrants, teamMembers } from './queries';
import type { Scope } from './rules';

/**
 * What the home page shows a person: themselves, and for each role they hold the part of the
 * organisation that role is about. Bounded so it stays quick in a large organisation.
 */
export async function homeOverview(database: Db, scope: Scope) {
	const [me, grants, teams] = await Promise.all([
		getPersonDetail(database, scope.personId),
		listGrants(database, scope.personId),
		teamsInGrants(database, { teamIds: scope.managedTeamIds, unitPaths: scope.ledUnitPaths })
	]);

	const managed = teams.filter((t) => scope.managedTeamIds.includes(t.id));
	const members = await teamMembers(
		database,
		managed.map((t) => t.id),
		200
	);

	let led: { id: string; name: string; teams: typeof teams; headcount: number }[] = [];
	if (scope.ledUnitPaths.length) {
		const units = await listUnits(database);
		led = units
			.filter((u) => scope.ledUnitPaths.includes(u.path))
			.map((unit) => {
				const unitTeams = teams.filter((t) => t.unit_path.startsWith(unit.path));
				return {
					id: unit.id,
					name: unit.name,
					teams: unitTeams,
					headcount: unitTeams.reduce((n, t) => n + t.member_count, 0)
				};
			});
	}
	const ledTeamIds = led.flatMap((u) => u.teams.map((t) => t.id));
	const managers = await teamManagers(database, [...new Set([...ledTeamIds, ...managed.map((t) => t.id)])]);

	const admin = scope.isAdmin
		? {
				people: await countPeople(database),
				teams: await countTeams(database),
				recent: (await listAuditEvents(database, { limit: 5, offset: 0 })).rows
			}
		: null;

	const myTeam = me?.team_id
		? (teams.find((t) => t.id === me.team_id) ?? (await getTeam(database, me.team_id)) ?? null)
		: null;
	return {
		me,
		myTeam,
		grants,
		managed: managed.map((t) => ({
			...t,
			managers: managers.get(t.id) ?? [],
			members: members.filter((m) => m.team_id === t.id)
		})),
		led: led.map((u) => ({ ...u, teams: u.teams.map((t) => ({ ...t, managers: managers.get(t.id) ?? [] })) })),
		admin
	};
}
