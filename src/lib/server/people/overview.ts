import { listAuditEvents } from '../audit/log';
import type { Db } from '../db';
import { countTeams, getTeam, listUnits, teamManagers, teamsInGrants } from '../org/directory';
import { countPeople, listGrants, teamMembers } from './queries';
import type { CurrentUser } from '../auth/current-user';

/**
 * What the home page shows a person: themselves, and for each role they hold the part of the
 * organisation that role is about. Bounded so it stays quick in a large organisation. The person
 * comes as this request signed them in (`locals.user`), not read again.
 */
export async function homeOverview(database: Db, user: CurrentUser) {
	const scope = user.scope;
	// The scope was read from the grants in this request: someone without any (most people) needs
	// no second look.
	const granted = scope.isAdmin || scope.managedTeamIds.length > 0 || scope.ledUnitPaths.length > 0;
	const [grants, teams] = await Promise.all([
		granted ? listGrants(database, scope.personId) : [],
		teamsInGrants(database, { teamIds: scope.managedTeamIds, unitPaths: scope.ledUnitPaths })
	]);
	const me = {
		id: user.id,
		name: user.name,
		email: user.email,
		job_title: user.jobTitle,
		manager_name: user.managerName,
		time_zone: user.timeZone,
		language: user.language
	};

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

	const myTeam = user.teamId
		? (teams.find((t) => t.id === user.teamId) ?? (await getTeam(database, user.teamId)) ?? null)
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
