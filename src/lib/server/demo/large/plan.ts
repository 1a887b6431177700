/**
 * The large organisation's shape and its plan in memory: units, teams and people (one entry per
 * person, small enough to keep whole), who manages and leads whom, and which people are the demo
 * accounts. The phases write their rows from this plan.
 */
import type { Db } from '../../db';
import type { OrgUnitKind, TeamKind } from '../../db/schema';
import { childPath } from '../../org/rules';
import type { Role } from '../../people/rules';
import { demoAccounts } from '../accounts';
import { clamp } from '../numbers';
import { between, pick, rngFromSeed } from '../random';
import { DAY, HOUR, idMaker, iso } from './rows';
import { CITIES, DIVISIONS, FIRST_NAMES, LAST_NAMES, ROLES } from './vocabulary';

function demoEmail(role: Role): string {
	const account = demoAccounts.find((a) => a.role === role);
	if (!account) throw new Error(`Demo data: no ${role} account`);
	return account.email;
}

/** The small demo's sign-in emails, so the sign-in page lists the same accounts; password DEMO_PASSWORD. */
export const LARGE_ACCOUNTS: { staff: string; manager: string; leader: string; admin: string } = {
	staff: demoEmail('staff'),
	manager: demoEmail('manager'),
	leader: demoEmail('leader'),
	admin: demoEmail('admin')
};

export const FULL_PEOPLE = 10_000;
const MIN_PEOPLE = 100;
export const MONTHS = 24;
/** The most teams the leader account leads: the 50-team scorecard. */
const LEADER_TEAMS = 50;
/** The manager account's team: the "team progress matrix" scenario. */
const MANAGER_TEAM_SIZE = 20;

const ones = (count: number) => Array.from({ length: count }, () => 1);

/** Splits `total` into integers proportional to `weights`, each at least `minimum`, summing exactly. */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
	const spare = total - minimum * weights.length;
	if (spare < 0) throw new RangeError(`Cannot split ${total} into ${weights.length} parts of at least ${minimum}`);
	const sum = weights.reduce((a, b) => a + b, 0) || 1;
	const exact = weights.map((w) => (w / sum) * spare);
	const counts = exact.map((x) => Math.floor(x));
	let left = spare - counts.reduce((a, b) => a + b, 0);
	const byRemainder = exact
		.map((x, i) => ({ i, rest: x - Math.floor(x) }))
		.sort((a, b) => b.rest - a.rest || a.i - b.i);
	for (const { i } of byRemainder) {
		if (left-- <= 0) break;
		counts[i] = (counts[i] ?? 0) + 1;
	}
	return counts.map((c) => c + minimum);
}

export interface Shape {
	people: number;
	teams: number;
	units: number;
	divisions: number;
	departments: number;
	/** Teams under the leader account's division: a tenth of all teams, at most 50 (exactly 50 from 10,000 people up). */
	leaderTeams: number;
	leaderDepartments: number;
	admins: number;
	observations: number;
	caseFeedback: number;
	buddies: { closed: number; current: number; nominated: number };
	shadowSlots: number;
	blackouts: number;
	lunchSessions: number;
	recognitions: number;
}

export function shapeFor(people: number): Shape {
	if (!Number.isInteger(people) || people < MIN_PEOPLE)
		throw new RangeError(`A large organisation needs at least ${MIN_PEOPLE} people`);
	const scale = people / FULL_PEOPLE;
	const teams = Math.max(4, Math.round(people / 20));
	const units = Math.max(7, Math.round(teams / 10));
	const divisions = Math.max(2, Math.round(units / 10));
	const departments = units - 1 - divisions;
	// A leader of 50 teams at 10,000 people and beyond: the benchmark compares the same page at
	// 10,000 and 100,000 people, so the leader's share must not grow with the organisation.
	const leaderTeams = Math.min(LEADER_TEAMS, Math.max(2, Math.round(teams / 10)));
	const proportional = (full: number, min = 1) => Math.max(min, Math.round(full * scale));
	return {
		people,
		teams,
		units,
		divisions,
		departments,
		leaderTeams,
		leaderDepartments: clamp(
			Math.round((departments * leaderTeams) / teams),
			1,
			Math.min(leaderTeams, departments - (divisions - 1))
		),
		admins: 1 + Math.round(2 * scale),
		observations: proportional(200_000),
		caseFeedback: proportional(100_000),
		buddies: { closed: proportional(800, 4), current: proportional(1_000, 4), nominated: proportional(150, 2) },
		shadowSlots: proportional(2_000, 4),
		blackouts: proportional(60),
		lunchSessions: proportional(150, 4),
		recognitions: proportional(5_000)
	};
}

interface Unit {
	id: string;
	name: string;
	kind: OrgUnitKind;
	parentId: string | null;
	path: string;
}

interface TeamPlan {
	id: string;
	name: string;
	kind: TeamKind;
	fn: string;
	unitId: string;
	/** Index into `divisions`; the department is `unitId`. */
	division: number;
	city: (typeof CITIES)[number];
	members: number[];
	/** Person index of the team's manager (its first member). */
	manager: number;
}

interface PersonPlan {
	id: string;
	email: string;
	name: string;
	jobTitle: string;
	team: number;
	manager: number | null;
	timeZone: string;
	language: string;
	createdAt: string;
	/** Insert order: managers before their reports. */
	tier: number;
}

export interface Organisation {
	units: Unit[];
	divisions: Unit[];
	teams: TeamPlan[];
	people: PersonPlan[];
	grants: { person: number; role: 'manager' | 'leader' | 'admin'; team: number | null; unit: string | null }[];
	accounts: { staff: number; manager: number; leader: number; admin: number };
	leaderUnitTeams: number;
}

function uniqueName(used: Map<string, number>, name: string): string {
	const seen = (used.get(name) ?? 0) + 1;
	used.set(name, seen);
	return seen === 1 ? name : `${name} ${seen}`;
}

export function planOrganisation(seed: number, nowMs: number, shape: Shape): Organisation {
	const rng = rngFromSeed(seed, 'organisation');
	const unitId = idMaker(seed, 'org_units');
	const teamId = idMaker(seed, 'teams');
	const personId = idMaker(seed, 'people');
	const unitNames = new Map<string, number>();
	const teamNames = new Map<string, number>();

	const companyId = unitId();
	const company: Unit = {
		id: companyId,
		name: 'Northwind Group',
		kind: 'company',
		parentId: null,
		path: childPath(null, companyId)
	};
	const units: Unit[] = [company];
	const divisions: Unit[] = [];
	for (let d = 0; d < shape.divisions; d++) {
		const template = DIVISIONS[d % DIVISIONS.length]!;
		const id = unitId();
		const division: Unit = {
			id,
			name: uniqueName(unitNames, template.name),
			kind: 'division',
			parentId: companyId,
			path: childPath(company.path, id)
		};
		divisions.push(division);
		units.push(division);
	}

	// Departments: the leader division gets its share, the others split the rest evenly; teams
	// likewise, so the leader division holds exactly `leaderTeams`.
	const otherDivisions = shape.divisions - 1;
	const departmentsPer = [
		shape.leaderDepartments,
		...apportion(shape.departments - shape.leaderDepartments, ones(otherDivisions), 1)
	];
	const departments: { unit: Unit; division: number; city: (typeof CITIES)[number] }[] = [];
	for (const [d, count] of departmentsPer.entries()) {
		const template = DIVISIONS[d % DIVISIONS.length]!;
		for (let j = 0; j < count; j++) {
			const city = CITIES[(d * 5 + j) % CITIES.length]!;
			const id = unitId();
			const unit: Unit = {
				id,
				name: uniqueName(unitNames, `${template.short} ${city.city}`),
				kind: 'department',
				parentId: divisions[d]!.id,
				path: childPath(divisions[d]!.path, id)
			};
			units.push(unit);
			departments.push({ unit, division: d, city });
		}
	}
	const leaderDepartments = departments.filter((dep) => dep.division === 0);
	const otherDepartments = departments.filter((dep) => dep.division !== 0);
	const teamsPer = [
		...apportion(shape.leaderTeams, ones(leaderDepartments.length), 1),
		...apportion(shape.teams - shape.leaderTeams, ones(otherDepartments.length), 1)
	];
	const teams: TeamPlan[] = [];
	for (const [j, dep] of [...leaderDepartments, ...otherDepartments].entries()) {
		const functions = DIVISIONS[dep.division % DIVISIONS.length]!.functions;
		for (let k = 0; k < (teamsPer[j] ?? 0); k++) {
			const [fn, kind] = functions[(j + k) % functions.length]!;
			teams.push({
				id: teamId(),
				name: uniqueName(teamNames, `${fn} ${dep.city.city}`),
				kind,
				fn,
				unitId: dep.unit.id,
				division: dep.division,
				city: dep.city,
				members: [],
				manager: -1
			});
		}
	}

	// Team sizes around twenty; the manager account's team (the first) exactly twenty.
	const firstSize = Math.min(MANAGER_TEAM_SIZE, Math.floor(shape.people / shape.teams));
	const sizes = [
		firstSize,
		...apportion(
			shape.people - firstSize,
			teams.slice(1).map(() => 0.5 + rng()),
			4
		)
	];
	const people: PersonPlan[] = [];
	for (const [t, team] of teams.entries()) {
		for (let m = 0; m < (sizes[t] ?? 0); m++) {
			const first = pick(rng, FIRST_NAMES);
			const last = pick(rng, LAST_NAMES);
			const index = people.length;
			team.members.push(index);
			people.push({
				id: personId(),
				email: `${first}.${last}.${index + 1}@northwind.example`.toLowerCase(),
				name: `${first} ${last}`,
				jobTitle: m === 0 ? `${team.fn} Manager` : `${team.fn} ${pick(rng, ROLES)}`,
				team: t,
				manager: null,
				timeZone: team.city.timeZone,
				language: rng() < 0.2 ? 'en' : team.city.language,
				createdAt: iso(nowMs - between(rng, 200, 1500) * DAY - between(rng, 0, 23) * HOUR),
				tier: m === 0 ? 2 : 3
			});
		}
		team.manager = team.members[0]!;
	}

	const grants: Organisation['grants'] = teams.map((team, t) => ({
		person: team.manager,
		role: 'manager' as const,
		team: t,
		unit: null
	}));
	for (const team of teams) for (const member of team.members.slice(1)) people[member]!.manager = team.manager;

	// Leaders: a company leader and one per division, each a member of a team in their unit and
	// reporting up the line; team managers report to their division's leader.
	const lastMember = (t: number, fromEnd = 1) => teams[t]!.members.at(-fromEnd)!;
	const firstTeamOf = (d: number) => teams.findIndex((team) => team.division === d);
	const companyLeader = lastMember(firstTeamOf(shape.divisions - 1), 2);
	const divisionLeaders = divisions.map((_, d) => (d === 0 ? lastMember(1) : lastMember(firstTeamOf(d))));
	const leaderPerson = (index: number, title: string, tier: number, manager: number | null, unit: string) => {
		Object.assign(people[index]!, { jobTitle: title, tier, manager });
		grants.push({ person: index, role: 'leader', team: null, unit });
	};
	leaderPerson(companyLeader, 'Chief Operating Officer', 0, null, companyId);
	for (const [d, leader] of divisionLeaders.entries())
		leaderPerson(leader, `Head of ${divisions[d]!.name}`, 1, companyLeader, divisions[d]!.id);
	for (const team of teams) people[team.manager]!.manager = divisionLeaders[team.division]!;

	const adminTeam = firstTeamOf(1);
	const admins = Array.from({ length: shape.admins }, (_, i) => teams[adminTeam + i]!.members[1]!);
	for (const admin of admins) grants.push({ person: admin, role: 'admin', team: null, unit: null });

	const accounts = {
		staff: teams[0]!.members[1]!,
		manager: teams[0]!.manager,
		leader: divisionLeaders[0]!,
		admin: admins[0]!
	};
	const titles = {
		staff: 'Accounts Payable Specialist',
		manager: 'Accounts Payable Manager',
		leader: 'Head of Finance Shared Services',
		admin: 'Learning & Service Excellence Lead'
	};
	for (const role of ['staff', 'manager', 'leader', 'admin'] as const) {
		const account = demoAccounts.find((a) => a.role === role)!;
		Object.assign(people[accounts[role]]!, { email: LARGE_ACCOUNTS[role], name: account.name, jobTitle: titles[role] });
	}

	return {
		units,
		divisions,
		teams,
		people,
		grants,
		accounts,
		leaderUnitTeams: teams.filter((team) => team.division === 0).length
	};
}

/** What every phase gets: the transaction, the run's seed and `now`, and the plan. */
export interface Context {
	trx: Db;
	seed: number;
	nowMs: number;
	org: Organisation;
}
