/**
 * A large generated organisation for performance work (`npm run db:seed -- --size large`): at full
 * size 10,000 people in 500 teams under 50 org units, with two years of metrics, case feedback,
 * observations and learning, and the Connect activity that goes with them.
 *
 * Everything comes from PRNG streams keyed by the seed and a label (one stream per purpose, so
 * more rows in one table never shift another's), and every instant is placed relative to `now`:
 * the same seed and `now` give the same rows, ids included. Rows are generated a team or a person
 * at a time and written in multi-row INSERTs sized under SQLite's bound-parameter limit, inside
 * one transaction, so memory stays bounded and the whole seed takes minutes.
 *
 * Relative imports only: this runs from the `tsx` CLI, outside Vite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InsertObject } from 'kysely';
import type { Database, Db } from '../db';
import type { ObservationSource, OrgUnitKind, TeamKind, VisitStatus } from '../db/schema';
import { hashPassword } from '../auth/password';
import { hashSecret } from '../auth/tokens';
import { childPath } from '../org/rules';
import { feedbackLinkExpiry } from '../feedback/rules';
import { feedbackReasons } from '../../feedback';
import { buddyTopics } from '../../buddies';
import { serviceComponentKeys } from '../../service-framework';
import { periodLabel, periodOf, periodRange, periodsEndingWith, shiftPeriod, weeksOfMonth } from '../../periods';
import type { Role } from '../people/rules';
import { demoAccounts, DEMO_PASSWORD } from './data';
import { demoMetrics } from './measure';
import { isDatabaseEmpty } from './seed';

export interface LargeOrgOptions {
	seed: number;
	now: Date;
	/** 10,000 by default; everything else scales with it (tests use a few hundred). */
	people?: number;
	onProgress?: (step: string, rows: number, ms: number) => void;
}

export interface LargeOrgSummary {
	/** Rows inserted, by table. */
	counts: Record<string, number>;
	/** Teams in the subtree of the unit `LARGE_ACCOUNTS.leader` leads. */
	leaderUnitTeams: number;
}

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

const FULL_PEOPLE = 10_000;
const MIN_PEOPLE = 100;
const MONTHS = 24;
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** SQLite allows 32,766 bound parameters per statement (PostgreSQL 65,535); stay under both. */
const MAX_PARAMETERS = 32_000;
/** The manager account's team: the "team progress matrix" scenario. */
const MANAGER_TEAM_SIZE = 20;

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness and ids

type Rng = () => number;

/** A 32-bit bijection (xor-shift and odd multiplies): distinct inputs always give distinct outputs. */
function mix32(value: number): number {
	let x = value >>> 0;
	x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
	x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
	return (x ^ (x >>> 16)) >>> 0;
}

function labelHash(label: string): number {
	let hash = 2166136261;
	for (let i = 0; i < label.length; i++) hash = Math.imul(hash ^ label.charCodeAt(i), 16777619);
	return hash >>> 0;
}

/** mulberry32, seeded per purpose from the run's seed and a label. */
function stream(seed: number, label: string): Rng {
	let state = mix32(seed ^ labelHash(label));
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = Math.imul(state ^ (state >>> 15), state | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));

function pick<T>(rng: Rng, list: readonly T[]): T {
	const item = list[Math.floor(rng() * list.length)];
	if (item === undefined) throw new Error('Large organisation: picked from an empty list');
	return item;
}

/** Roughly normal, mean 0 and standard deviation 1. */
const gauss = (rng: Rng) => (rng() + rng() + rng() + rng() - 2) * Math.sqrt(3);

/** `count` distinct items of `list` (all of them when it is shorter), leaving out `except`. */
function sample<T>(rng: Rng, list: readonly T[], count: number, except?: (item: T) => boolean): T[] {
	const chosen = new Set<number>();
	const out: T[] = [];
	for (let tries = 0; out.length < count && tries < count * 20; tries++) {
		const index = Math.floor(rng() * list.length);
		const item = list[index];
		if (item === undefined || chosen.has(index) || except?.(item)) continue;
		chosen.add(index);
		out.push(item);
	}
	return out;
}

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(value: number, length: number, alphabet = BASE32): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[(value >>> Math.min(30, 5 * i)) & 31];
	return out;
}

/**
 * Reproducible ids shaped like `newId` (16 base32 characters). The first seven characters are a
 * bijection of a per-table counter, so ids never repeat within a table.
 */
function idMaker(seed: number, label: string): () => string {
	const salt = mix32(seed ^ labelHash(label));
	let counter = 0;
	return () => {
		const a = mix32(counter++ ^ salt);
		const b = mix32(a ^ 0x9e3779b9);
		return base32(a, 7) + base32(b, 7) + base32(mix32(b), 2);
	};
}

/** Certificate codes like the app's (`ABCDE-FGHIJ`), unique for the same reason as ids. */
function codeMaker(seed: number): () => string {
	const next = idMaker(seed, 'verification-codes');
	return () => {
		const id = next().toUpperCase();
		return `${id.slice(0, 5)}-${id.slice(5, 10)}`;
	};
}

const ones = (count: number) => Array.from({ length: count }, () => 1);

/** Splits `total` into integers proportional to `weights`, each at least `minimum`, summing exactly. */
function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
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

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Collects one table's rows and inserts them in multi-row statements under the parameter limit.
 * A writer whose rows point at another writer's rows names it as `parent`: the parent's pending
 * rows are written first, so foreign keys hold after every statement.
 */
class TableWriter<T extends keyof Database & string> {
	private pending: InsertObject<Database, T>[] = [];
	private batchSize = 0;
	written = 0;

	constructor(
		private readonly db: Db,
		readonly table: T,
		private readonly parent?: { close(): Promise<void> }
	) {}

	add(row: InsertObject<Database, T>): void {
		if (this.batchSize === 0) this.batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(row).length));
		this.pending.push(row);
	}

	/** Writes every full batch; called between teams or people so memory stays bounded. */
	async spill(): Promise<void> {
		while (this.batchSize > 0 && this.pending.length >= this.batchSize)
			await this.insert(this.pending.splice(0, this.batchSize));
	}

	async close(): Promise<void> {
		await this.spill();
		if (this.pending.length > 0) await this.insert(this.pending.splice(0));
	}

	private async insert(rows: InsertObject<Database, T>[]): Promise<void> {
		await this.parent?.close();
		await this.db.insertInto(this.table).values(rows).execute();
		this.written += rows.length;
	}
}

async function spillAll(writers: readonly { spill(): Promise<void> }[]): Promise<void> {
	for (const writer of writers) await writer.spill();
}

/** Writes what is left, in the order given (parents first); returns the writers for counting. */
async function closeAll<W extends readonly { close(): Promise<void> }[]>(writers: W): Promise<W> {
	for (const writer of writers) await writer.close();
	return writers;
}

// ---------------------------------------------------------------------------------------------
// Shape

interface Shape {
	people: number;
	teams: number;
	units: number;
	divisions: number;
	departments: number;
	/** Teams under the leader account's division: a tenth of all teams, exactly 50 at full size. */
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

function shapeFor(people: number): Shape {
	if (!Number.isInteger(people) || people < MIN_PEOPLE)
		throw new RangeError(`A large organisation needs at least ${MIN_PEOPLE} people`);
	const scale = people / FULL_PEOPLE;
	const teams = Math.max(4, Math.round(people / 20));
	const units = Math.max(7, Math.round(teams / 10));
	const divisions = Math.max(2, Math.round(units / 10));
	const departments = units - 1 - divisions;
	const leaderTeams = Math.max(2, Math.round(teams / 10));
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

// ---------------------------------------------------------------------------------------------
// Vocabulary

type Fn = readonly [name: string, kind: TeamKind];
const B = 'back_office';
const C = 'customer_facing';

/** Division templates; the first one is the leader account's (its first team the manager's). */
const DIVISIONS: readonly { name: string; short: string; functions: readonly Fn[] }[] = [
	{
		name: 'Finance Shared Services',
		short: 'Finance',
		functions: [
			['Accounts Payable', B],
			['Accounts Receivable', B],
			['General Ledger', B],
			['Credit Control', B],
			['Travel & Expenses', B],
			['Finance Helpdesk', C]
		]
	},
	{
		name: 'HR Services',
		short: 'HR',
		functions: [
			['Payroll', B],
			['Recruitment', B],
			['Onboarding', B],
			['HR Advisory', B],
			['Employee Helpdesk', C],
			['Benefits', B]
		]
	},
	{
		name: 'IT & Digital',
		short: 'IT',
		functions: [
			['Service Desk', C],
			['Infrastructure', B],
			['Access Management', B],
			['Field Support', C],
			['Application Support', B]
		]
	},
	{
		name: 'Customer Operations',
		short: 'Customer Operations',
		functions: [
			['Customer Care', C],
			['Order Management', C],
			['Complaints', C],
			['Sales Support', C],
			['Returns', B]
		]
	},
	{
		name: 'Procurement & Supply',
		short: 'Procurement',
		functions: [
			['Purchasing', B],
			['Supplier Onboarding', B],
			['Logistics Desk', C],
			['Contract Management', B],
			['Vendor Helpdesk', C]
		]
	}
];

const CITIES = [
	{ city: 'London', timeZone: 'Europe/London', language: 'en' },
	{ city: 'Kraków', timeZone: 'Europe/Warsaw', language: 'pl' },
	{ city: 'Bengaluru', timeZone: 'Asia/Kolkata', language: 'en' },
	{ city: 'Amsterdam', timeZone: 'Europe/Amsterdam', language: 'nl' },
	{ city: 'Berlin', timeZone: 'Europe/Berlin', language: 'de' },
	{ city: 'Lisbon', timeZone: 'Europe/Lisbon', language: 'pt' },
	{ city: 'Madrid', timeZone: 'Europe/Madrid', language: 'es' },
	{ city: 'Paris', timeZone: 'Europe/Paris', language: 'fr' },
	{ city: 'Milan', timeZone: 'Europe/Rome', language: 'it' },
	{ city: 'New York', timeZone: 'America/New_York', language: 'en' },
	{ city: 'Shanghai', timeZone: 'Asia/Shanghai', language: 'zh' },
	{ city: 'Tokyo', timeZone: 'Asia/Tokyo', language: 'ja' },
	{ city: 'Dubai', timeZone: 'Asia/Dubai', language: 'ar' },
	{ city: 'Pune', timeZone: 'Asia/Kolkata', language: 'hi' }
] as const;

const FIRST_NAMES = [
	'Aisha',
	'Ben',
	'Carlos',
	'Chloe',
	'Daniel',
	'Deepa',
	'Emma',
	'Erik',
	'Fatima',
	'Grace',
	'Hannah',
	'Ivan',
	'James',
	'Julia',
	'Kenji',
	'Lena',
	'Liam',
	'Lucia',
	'Marta',
	'Mateusz',
	'Mei',
	'Nikhil',
	'Noor',
	'Olena',
	'Oliver',
	'Pieter',
	'Priya',
	'Rahul',
	'Ricardo',
	'Sanne',
	'Sarah',
	'Sneha',
	'Sophie',
	'Tariq',
	'Thomas',
	'Wei',
	'Yuki',
	'Zofia'
];
const LAST_NAMES = [
	'Adjei',
	'Bakker',
	'Bianchi',
	'Brooks',
	'Chen',
	'Clarke',
	'Cohen',
	'Dabrowska',
	'Fischer',
	'Garcia',
	'Haddad',
	'Iyer',
	'Jansen',
	'Khan',
	'Kowalczyk',
	'Laurent',
	'Lindqvist',
	'Martin',
	'Mensah',
	'Muller',
	'Murphy',
	'Nowak',
	'Okoro',
	'Oliveira',
	'Patel',
	'Reddy',
	'Rossi',
	'Santos',
	'Schmidt',
	'Sharma',
	'Silva',
	'Tanaka',
	'Visser',
	'Walsh',
	'Zhang'
];
const ROLES = ['Specialist', 'Analyst', 'Coordinator', 'Advisor', 'Senior Specialist'];

const SITUATIONS = [
	'During the month-end peak',
	'On a call with an upset requester',
	'When a request bounced between teams',
	'In the weekly queue review',
	'While covering for a colleague',
	'When a supplier escalated',
	'On the first day of a new process',
	'During a system outage'
];
const ACTIONS = [
	'kept the requester updated until it was fixed',
	'took the case on and chased the other team',
	'explained the next steps in plain words',
	'spotted the root cause and fixed the template',
	'asked what the requester needed the answer for',
	'wrote down the workaround for the team',
	'handed over with a clear summary',
	'set a realistic date and met it'
];
const IMPACTS = [
	'The requester did not have to chase.',
	'The case closed a day earlier.',
	'Fewer repeat contacts that week.',
	'The other team now sends cases directly.',
	'The customer got their answer first time.',
	'The backlog came down by a third.',
	'The new starter could follow it alone.'
];
const RESPONSES = [
	'Thanks, that helps.',
	'Agreed; I will keep doing it.',
	'Good to hear, it was a team effort.',
	'I see it differently; happy to talk.'
];
const FEEDBACK_COMMENTS = {
	good: ['Quick and clear, thank you.', 'Sorted first time.', 'Kept me posted throughout.'],
	poor: ['I had to chase twice.', 'Passed around three teams.', 'The answer did not fix it.', 'Took far too long.']
};
const GOOD_REASONS = feedbackReasons.filter((r) => r.tone === 'positive').map((r) => r.key);
const POOR_REASONS = feedbackReasons.filter((r) => r.tone === 'negative').map((r) => r.key);
const THANKS = [
	'Thank you for chasing this through to the end.',
	'Your update was clear, early and honest.',
	'You stayed calm and found a fix.',
	'Thanks for covering the queue during the peak.',
	'You spotted the problem before the customer did.',
	'Thank you for showing me how your team works.'
];
const GOALS = [
	'See how my work lands in another part of the business.',
	'Learn how the front line uses our data.',
	'Build a contact in another department.',
	'Get better at explaining our process.'
];
const SHADOW_OFFERS = [
	'Sit in on live calls during the morning peak.',
	'Follow a request from arrival to close.',
	'See how priorities are set at the daily huddle.',
	'Watch month-end close from the inside.'
];
const OBJECTIVES = [
	'See which of our questions reach this team.',
	'Understand where requests get stuck.',
	'Learn what the screens show about our work.'
];
const LUNCH_TOPICS = [
	'A day on the front line',
	'Month-end close in thirty minutes',
	'How tickets are triaged',
	'Reading a payslip like an employee',
	'Orders that go wrong, and why',
	'Writing requests that get solved first time'
];
const ASSESSMENT_NOTES = [
	'Not agreed yet.',
	'Started with two teams.',
	'In place, reviewed quarterly.',
	'Embedded and measured.'
];

// ---------------------------------------------------------------------------------------------
// The organisation in memory: small enough (one entry per person) to keep whole

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

interface Organisation {
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

function planOrganisation(seed: number, nowMs: number, shape: Shape): Organisation {
	const rng = stream(seed, 'organisation');
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
				createdAt: iso(nowMs - int(rng, 200, 1500) * DAY - int(rng, 0, 23) * HOUR),
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

// ---------------------------------------------------------------------------------------------
// Phases. Each fills a few tables and returns its writers, so the caller can count and time them.

interface Context {
	trx: Db;
	seed: number;
	nowMs: number;
	org: Organisation;
}

type Written = readonly { table: string; written: number }[];

async function seedOrganisation({ trx, seed, nowMs, org }: Context, passwordHash: string): Promise<Written> {
	const at = iso(nowMs - 1600 * DAY);
	const units = new TableWriter(trx, 'org_units');
	const teams = new TableWriter(trx, 'teams');
	const people = new TableWriter(trx, 'people');
	const grants = new TableWriter(trx, 'role_grants');
	const grantId = idMaker(seed, 'role_grants');
	// Parents before children, managers before reports: foreign keys hold after every statement.
	for (const u of org.units)
		units.add({ id: u.id, name: u.name, kind: u.kind, parent_id: u.parentId, path: u.path, created_at: at });
	for (const t of org.teams) teams.add({ id: t.id, name: t.name, kind: t.kind, org_unit_id: t.unitId, created_at: at });
	const order = org.people.map((_, i) => i).sort((a, b) => org.people[a]!.tier - org.people[b]!.tier || a - b);
	for (const i of order) {
		const p = org.people[i]!;
		people.add({
			id: p.id,
			email: p.email,
			name: p.name,
			job_title: p.jobTitle,
			team_id: org.teams[p.team]!.id,
			manager_id: p.manager === null ? null : org.people[p.manager]!.id,
			time_zone: p.timeZone,
			language: p.language,
			active: 1,
			password_hash: passwordHash,
			created_at: p.createdAt,
			updated_at: p.createdAt
		});
	}
	for (const g of org.grants) {
		grants.add({
			id: grantId(),
			person_id: org.people[g.person]!.id,
			role: g.role,
			team_id: g.team === null ? null : org.teams[g.team]!.id,
			org_unit_id: g.unit,
			created_at: at
		});
	}
	const writers = [units, teams, people, grants];
	await closeAll(writers);
	// The sign-in page lists the demo accounts when this is set, as for the small demo.
	await trx
		.insertInto('app_meta')
		.values({ key: 'demo', value: '1' })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' }))
		.execute();
	return writers;
}

/** The small demo's metric definitions (configuration: kept by a reset, so upserted by key). */
async function upsertMetricDefinitions(trx: Db, at: string): Promise<Map<string, string>> {
	for (const [position, m] of demoMetrics.entries()) {
		const definition = {
			name: m.name,
			description: m.description,
			unit: m.unit,
			direction: m.direction,
			target: m.target,
			amber_band: m.amberBand,
			kind: m.kind,
			period: m.period,
			rollup: m.rollup,
			source: 'values' as const,
			position,
			archived_at: null,
			updated_at: at
		};
		await trx
			.insertInto('metrics')
			.values({ id: `metric-${m.key}`, key: m.key, created_at: at, ...definition })
			.onConflict((oc) => oc.column('key').doUpdateSet(definition))
			.execute();
	}
	const rows = await trx
		.selectFrom('metrics')
		.select(['id', 'key'])
		.where(
			'key',
			'in',
			demoMetrics.map((m) => m.key)
		)
		.execute();
	return new Map(rows.map((r) => [r.key, r.id]));
}

/** A drifting series: a level, a straight trend over the months, noise, kept inside limits. */
function series(
	rng: Rng,
	level: number,
	trend: number,
	noise: number,
	limits: [number, number]
): (index: number) => number {
	const slope = (rng() - 0.5) * 2 * trend;
	return (index) => round1(clamp(level + (slope * index) / (MONTHS - 1) + gauss(rng) * noise, limits[0], limits[1]));
}

async function seedMetricValues({ trx, seed, nowMs, org }: Context, months: readonly string[]): Promise<Written> {
	const metricIds = await upsertMetricDefinitions(trx, iso(nowMs));
	const metric = (key: string) => {
		const id = metricIds.get(key);
		if (!id) throw new Error(`Large organisation: metric ${key} is missing`);
		return id;
	};
	const values = new TableWriter(trx, 'metric_values');
	const weeks = months.map((month) => weeksOfMonth(month));
	const endOf = (period: string) => Date.parse(`${periodRange(period).end}T00:00:00.000Z`);
	for (const team of org.teams) {
		const rng = stream(seed, `metrics|${team.id}`);
		const source = pick(rng, ['entry', 'import', 'api'] as const);
		const size = team.members.length;
		const monthly = [
			['sla_on_time', series(rng, 84 + 14 * rng(), 8, 1.5, [40, 100])],
			['first_response_hours', series(rng, 3 + 10 * rng(), 4, 1, [0.5, 72])],
			['backlog', series(rng, size * (1 + 4 * rng()), size, size / 4, [0, 2000])],
			['rework_rate', series(rng, 1 + 9 * rng(), 3, 0.8, [0, 60])]
		] as const;
		const weekly = series(rng, size * (4 + 10 * rng()), size * 2, size, [0, 10_000]);
		const row = (key: string, period: string, value: number, recordedMs: number) =>
			values.add({
				metric_id: metric(key),
				team_id: team.id,
				period,
				value,
				source,
				updated_by: org.people[team.manager]!.id,
				integration_id: null,
				updated_at: iso(Math.min(recordedMs, nowMs))
			});
		for (const [i, month] of months.entries()) {
			for (const [key, value] of monthly) row(key, month, value(i), endOf(month) + DAY + 9 * HOUR);
			for (const week of weeks[i]!) row('requests_handled', week, Math.round(weekly(i)), endOf(week) + 9 * HOUR);
		}
		await values.spill();
	}
	return closeAll([values]);
}

async function seedCaseFeedback(
	{ trx, seed, nowMs, org }: Context,
	shape: Shape,
	months: readonly string[]
): Promise<Written> {
	const rng = stream(seed, 'case-feedback');
	const linkId = idMaker(seed, 'feedback_links');
	const responseId = idMaker(seed, 'case_feedback');
	const links = new TableWriter(trx, 'feedback_links');
	const responses = new TableWriter(trx, 'case_feedback', links);

	// About one team in seven hears from fewer than five customers a month (below the anonymity
	// threshold); the rest share what is left, each with its own volume and mood.
	const quiet = org.teams.map(() => rng() < 0.15);
	const counts = org.teams.map((_, t) => months.map(() => (quiet[t] ? int(rng, 1, 4) : 0)));
	const loud = org.teams.flatMap((_, t) => (quiet[t] ? [] : [t]));
	const quietTotal = counts.flat().reduce((a, b) => a + b, 0);
	const weights = loud.flatMap(() => {
		const volume = 0.5 + rng();
		return months.map(() => volume * (0.8 + 0.4 * rng()));
	});
	const shares = apportion(Math.max(0, shape.caseFeedback - quietTotal), weights);
	for (const [k, t] of loud.entries()) counts[t] = months.map((_, m) => shares[k * months.length + m] ?? 0);

	const monthStart = (month: string) => Date.parse(`${periodRange(month).start}T00:00:00.000Z`);
	for (const [t, team] of org.teams.entries()) {
		const mood = 6 + 3.5 * rng();
		let caseNumber = 0;
		const link = (createdMs: number, answeredMs: number | null) => {
			const id = linkId();
			links.add({
				id,
				team_id: team.id,
				kind: 'case',
				case_reference: `${team.fn.slice(0, 3).toUpperCase()}-${t + 1}-${String(++caseNumber).padStart(5, '0')}`,
				requester_email: rng() < 0.5 ? pick(rng, org.people).email : null,
				token_hash: hashSecret(`large-${seed}-${id}`),
				created_by: org.people[pick(rng, team.members)]!.id,
				created_at: iso(createdMs),
				expires_at: iso(feedbackLinkExpiry('case', new Date(createdMs)).getTime()),
				answered_at: answeredMs === null ? null : iso(answeredMs),
				closed_at: null
			});
			return id;
		};
		for (const [m, month] of months.entries()) {
			const start = monthStart(month);
			const days = Math.round((Date.parse(`${periodRange(month).end}T00:00:00.000Z`) - start) / DAY);
			const monthMood = mood + (rng() - 0.5);
			const count = counts[t]?.[m] ?? 0;
			for (let r = 0; r < count; r++) {
				const submitted = Math.min(start + int(rng, 0, days - 1) * DAY + (7 + rng() * 10) * HOUR, nowMs);
				const score = clamp(Math.round(monthMood + 1.8 * gauss(rng)), 0, 10);
				const reasons =
					score >= 8
						? rng() < 0.9
							? [pick(rng, GOOD_REASONS)]
							: []
						: score <= 6
							? [...new Set([pick(rng, POOR_REASONS), pick(rng, POOR_REASONS)])]
							: [pick(rng, rng() < 0.5 ? GOOD_REASONS : POOR_REASONS)];
				responses.add({
					id: responseId(),
					link_id: link(submitted - (2 * HOUR + rng() * 3 * DAY), submitted),
					team_id: team.id,
					score,
					reasons: JSON.stringify(reasons),
					comment: rng() < 0.3 ? pick(rng, score >= 7 ? FEEDBACK_COMMENTS.good : FEEDBACK_COMMENTS.poor) : '',
					minutes_lost: score <= 6 && rng() < 0.6 ? pick(rng, [15, 30, 60, 120]) : null,
					submitted_at: iso(submitted)
				});
			}
			// About one requester in five never answers.
			for (let u = Math.round(count * 0.2); u > 0; u--) link(Math.min(start + rng() * days * DAY, nowMs - HOUR), null);
		}
		await links.spill();
		await responses.spill();
	}
	return closeAll([links, responses]);
}

/** Each behaviour's id and the version new ratings use, in a fixed order so picks are reproducible. */
async function currentBehaviours(trx: Db): Promise<{ id: string; versionId: string; slug: string }[]> {
	const rows = await trx
		.selectFrom('behaviours')
		.innerJoin('behaviour_versions', (join) =>
			join
				.onRef('behaviour_versions.behaviour_id', '=', 'behaviours.id')
				.onRef('behaviour_versions.version', '=', 'behaviours.current_version')
		)
		.select(['behaviours.id', 'behaviours.slug', 'behaviour_versions.id as version_id'])
		.where('behaviours.archived_at', 'is', null)
		.execute();
	if (rows.length === 0)
		throw new Error('Large organisation: the behaviour framework is empty; run the migrations first');
	// Sorted here, not by the database: PostgreSQL's collation may order ids differently from
	// SQLite's, and the same seed should give the same rows on both.
	return rows
		.map((r) => ({ id: r.id, versionId: r.version_id, slug: r.slug }))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function seedObservations(
	{ trx, seed, nowMs, org }: Context,
	shape: Shape,
	behaviours: readonly { id: string; versionId: string }[]
): Promise<Written> {
	const rng = stream(seed, 'observations');
	const nextId = idMaker(seed, 'observations');
	const observations = new TableWriter(trx, 'observations');
	const perTeam = apportion(
		shape.observations,
		org.teams.map((team) => team.members.length)
	);
	for (const [t, team] of org.teams.entries()) {
		for (let k = 0; k < (perTeam[t] ?? 0); k++) {
			const subject = pick(rng, team.members);
			const roll = rng();
			let source: ObservationSource = roll < 0.5 ? 'manager' : roll < 0.85 ? 'peer' : 'self';
			if (source === 'manager' && subject === team.manager) source = 'self';
			const author =
				source === 'manager'
					? team.manager
					: source === 'self'
						? subject
						: (sample(rng, team.members, 1, (m) => m === subject)[0] ?? subject);
			if (author === subject) source = 'self';
			const behaviour = pick(rng, behaviours);
			const observedOn = isoDay(nowMs - int(rng, 0, MONTHS * 30) * DAY);
			const written = Math.min(Date.parse(`${observedOn}T00:00:00.000Z`) + DAY + 15 * HOUR, nowMs);
			const responded = rng() < 0.1 ? Math.min(written + 2 * DAY, nowMs) : null;
			observations.add({
				id: nextId(),
				person_id: org.people[subject]!.id,
				behaviour_id: behaviour.id,
				behaviour_version_id: behaviour.versionId,
				level: clamp(Math.round(3.4 + gauss(rng)), 1, 5),
				situation: pick(rng, SITUATIONS),
				action: pick(rng, ACTIONS),
				impact: pick(rng, IMPACTS),
				observed_on: observedOn,
				source,
				author_id: org.people[author]!.id,
				response: responded === null ? null : pick(rng, RESPONSES),
				responded_at: responded === null ? null : iso(responded),
				created_at: iso(written),
				updated_at: iso(responded ?? written)
			});
		}
		await observations.spill();
	}
	return closeAll([observations]);
}

interface ModuleOnDisk {
	slug: string;
	version: string;
	lessons: string[];
}

/** The course catalogue's module and lesson slugs, read from content/ (Vite's globs are not available under tsx). */
function catalogueOnDisk(root = join(process.cwd(), 'content')): { modules: ModuleOnDisk[]; paths: string[] } {
	const modules = readdirSync(join(root, 'modules'), { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.map((entry) => {
			const dir = join(root, 'modules', entry.name);
			const version = /^version:\s*([\d.]+)\s*$/m.exec(readFileSync(join(dir, 'module.md'), 'utf8'))?.[1] ?? '1.0.0';
			const lessons = readdirSync(dir)
				.filter((f) => /^\d\d-.+\.md$/.test(f))
				.map((f) => f.replace(/\.md$/, ''))
				.sort();
			return { slug: entry.name, version, lessons };
		})
		.filter((m) => m.lessons.length > 0)
		.sort((a, b) => a.slug.localeCompare(b.slug));
	const paths = readdirSync(join(root, 'paths'))
		.filter((f) => f.endsWith('.json'))
		.map((f) => f.replace(/\.json$/, ''))
		.sort();
	return { modules, paths };
}

type ModulePlan =
	{ kind: 'completed' | 'failed-check'; startMs: number } | { kind: 'started'; lessons: number; startMs: number };

async function seedLearning({ trx, seed, nowMs, org }: Context): Promise<Written> {
	const { modules, paths } = catalogueOnDisk();
	const rng = stream(seed, 'learning');
	const checkId = idMaker(seed, 'check_attempts');
	const completionId = idMaker(seed, 'completions');
	const assignmentId = idMaker(seed, 'assignments');
	const code = codeMaker(seed);
	const lessons = new TableWriter(trx, 'lesson_completions');
	const progress = new TableWriter(trx, 'module_progress');
	const checks = new TableWriter(trx, 'check_attempts');
	const completions = new TableWriter(trx, 'completions');
	const assignments = new TableWriter(trx, 'assignments');
	const writers = [lessons, progress, checks, completions, assignments];

	// The staff account's story, as in the small demo: one module done, one under way.
	const staffPlan = new Map<string, ModulePlan>([
		['breaking-down-silos', { kind: 'completed', startMs: nowMs - 20 * DAY }],
		['why-internal-service-matters', { kind: 'started', lessons: 2, startMs: nowMs - 2 * DAY }]
	]);
	const planFor = (engagement: number, mod: ModuleOnDisk): ModulePlan | null => {
		const roll = rng();
		const startMs = nowMs - int(rng, 1, MONTHS * 30) * DAY - int(rng, 0, 10) * HOUR;
		if (roll < engagement * 0.9) return { kind: 'completed', startMs };
		if (roll < engagement * 0.9 + 0.04) return { kind: 'failed-check', startMs };
		if (roll < engagement * 0.9 + 0.16)
			return { kind: 'started', lessons: int(rng, 1, mod.lessons.length - 1), startMs: nowMs - int(rng, 1, 60) * DAY };
		return null;
	};
	const attempt = (personId: string, mod: ModuleOnDisk, passed: boolean, at: number) =>
		checks.add({
			id: checkId(),
			person_id: personId,
			module_slug: mod.slug,
			module_version: mod.version,
			answers: '{}',
			score: passed ? int(rng, 80, 100) : int(rng, 30, 70),
			passed: passed ? 1 : 0,
			submitted_at: iso(at)
		});

	for (const [index, person] of org.people.entries()) {
		const engagement = 0.5 + 0.5 * rng();
		for (const mod of modules) {
			const plan = index === org.accounts.staff ? (staffPlan.get(mod.slug) ?? null) : planFor(engagement, mod);
			if (!plan) continue;
			const done = plan.kind === 'started' ? mod.lessons.slice(0, Math.max(1, plan.lessons)) : mod.lessons;
			let at = plan.startMs;
			for (const lesson of done) {
				lessons.add({ person_id: person.id, module_slug: mod.slug, lesson_slug: lesson, completed_at: iso(at) });
				at = Math.min(at + int(rng, 0, 2) * DAY + int(rng, 5, 90) * 60_000, nowMs);
			}
			progress.add({
				person_id: person.id,
				module_slug: mod.slug,
				last_lesson_slug: done.at(-1)!,
				started_at: iso(plan.startMs),
				updated_at: iso(at)
			});
			if (plan.kind === 'failed-check') attempt(person.id, mod, false, at);
			if (plan.kind === 'completed') {
				if (rng() < 0.2) attempt(person.id, mod, false, Math.max(plan.startMs, at - HOUR));
				attempt(person.id, mod, true, at);
				completions.add({
					id: completionId(),
					person_id: person.id,
					module_slug: mod.slug,
					module_version: mod.version,
					completed_at: iso(at),
					verification_code: code()
				});
			}
		}
		// Now and then a manager gives one person something of their own.
		const manager = person.manager === null ? null : org.people[person.manager]!.id;
		const personal = index === org.accounts.staff ? 2 : rng() < 0.05 ? 1 : 0;
		for (let a = 0; a < personal; a++) {
			const isPath = a === 1 || rng() < 0.3;
			const due = nowMs + int(rng, -30, 90) * DAY;
			assignments.add({
				id: assignmentId(),
				item_kind: isPath ? 'path' : 'module',
				item_slug: isPath ? pick(rng, paths) : pick(rng, modules).slug,
				person_id: person.id,
				team_id: null,
				due_on: isoDay(due),
				message: '',
				refresh: 0,
				assigned_by: manager,
				created_at: iso(Math.min(due - 30 * DAY, nowMs)),
				cancelled_at: null
			});
		}
		await spillAll(writers);
	}

	// Every team has a module to do; some a whole path, a few a refresher.
	for (const team of org.teams) {
		const items = [
			{ kind: 'module' as const, slug: pick(rng, modules).slug },
			...(rng() < 0.3 ? [{ kind: 'path' as const, slug: pick(rng, paths) }] : [])
		];
		for (const item of items) {
			const due = nowMs + int(rng, -60, 90) * DAY;
			assignments.add({
				id: assignmentId(),
				item_kind: item.kind,
				item_slug: item.slug,
				person_id: null,
				team_id: team.id,
				due_on: isoDay(due),
				message: rng() < 0.5 ? 'Our focus for the quarter.' : '',
				refresh: rng() < 0.1 ? 1 : 0,
				assigned_by: org.people[team.manager]!.id,
				created_at: iso(Math.min(due - 45 * DAY, nowMs)),
				cancelled_at: rng() < 0.05 ? iso(nowMs - int(rng, 1, 20) * DAY) : null
			});
		}
	}
	return closeAll(writers);
}

async function seedBuddies({ trx, seed, nowMs, org }: Context, shape: Shape): Promise<Written> {
	const rng = stream(seed, 'buddies');
	const cycleId = idMaker(seed, 'buddy_cycles');
	const pairId = idMaker(seed, 'buddy_pairs');
	const meetingId = idMaker(seed, 'buddy_meetings');
	const planId = idMaker(seed, 'buddy_plans');
	const cycles = new TableWriter(trx, 'buddy_cycles');
	const cycleUnits = new TableWriter(trx, 'buddy_cycle_units');
	const participants = new TableWriter(trx, 'buddy_participants');
	const pairs = new TableWriter(trx, 'buddy_pairs');
	const members = new TableWriter(trx, 'buddy_pair_members');
	const meetings = new TableWriter(trx, 'buddy_meetings');
	const fitChecks = new TableWriter(trx, 'buddy_fit_checks');
	const plans = new TableWriter(trx, 'buddy_plans');
	const admin = org.people[org.accounts.admin]!.id;
	const day = (offset: number) => isoDay(nowMs + offset * DAY);
	const everyone = org.people.map((_, i) => i);

	const cycle = (start: number, end: number, status: 'open' | 'published' | 'closed') => {
		const id = cycleId();
		cycles.add({
			id,
			name: `Buddies ${periodLabel(periodOf('quarter', day(start)))}`,
			starts_on: day(start),
			ends_on: day(end),
			mode: status === 'open' ? 'nominated' : 'opt_in',
			status,
			owner_id: admin,
			created_at: iso(nowMs + (Math.min(start, 0) - 14) * DAY),
			published_at: status === 'open' ? null : iso(nowMs + Math.min(start, 0) * DAY)
		});
		for (const division of org.divisions) cycleUnits.add({ cycle_id: id, org_unit_id: division.id });
		return id;
	};
	const join = (cycle: string, person: number, joinedMs: number, nominatedBy: number | null) => {
		const p = org.people[person]!;
		const [learn, offer] = [sample(rng, buddyTopics, int(rng, 1, 3)), sample(rng, buddyTopics, int(rng, 1, 3))];
		participants.add({
			cycle_id: cycle,
			person_id: p.id,
			goals: pick(rng, GOALS),
			learn: JSON.stringify(learn),
			offer: JSON.stringify(offer),
			interests: '[]',
			hours_start: int(rng, 14, 20) * 30,
			hours_end: int(rng, 32, 36) * 30,
			time_zone: p.timeZone,
			nominated_by: nominatedBy === null ? null : org.people[nominatedBy]!.id,
			excluded: 0,
			joined_at: iso(joinedMs)
		});
	};
	/** Pairs neighbours in the list (a trio at the end when the count is odd), with meetings from `from` days ago. */
	const pairUp = (
		cycle: string,
		people: number[],
		createdMs: number,
		meetingDays: [from: number, to: number],
		maxMeetings: number,
		current: boolean
	) => {
		for (let i = 0; i + 1 < people.length; i += 2) {
			const group = people.length - i === 3 ? people.slice(i) : people.slice(i, i + 2);
			if (group.length === 3) i++;
			const id = pairId();
			const score = int(rng, 300, 1200);
			pairs.add({
				id,
				cycle_id: cycle,
				locked: rng() < 0.05 ? 1 : 0,
				score_cents: score,
				breakdown: JSON.stringify([
					{ points: Math.round(score / 200), reason: 'customer-facing with back-office' },
					{ points: Math.round(score / 300), reason: 'complementary topics' }
				]),
				created_at: iso(createdMs)
			});
			for (const person of group) members.add({ pair_id: id, person_id: org.people[person]!.id });
			for (let m = int(rng, 0, maxMeetings); m > 0; m--) {
				const met = rng() < 0.9;
				const metOn = nowMs - int(rng, meetingDays[1], meetingDays[0]) * DAY;
				meetings.add({
					id: meetingId(),
					pair_id: id,
					logged_by: org.people[pick(rng, group)]!.id,
					met: met ? 1 : 0,
					met_on: isoDay(metOn),
					rating: met ? int(rng, 1, 4) : null,
					notes: '',
					created_at: iso(metOn + 6 * HOUR)
				});
			}
			if (!current) continue;
			for (const person of group) {
				if (rng() >= 0.5) continue;
				const roll = rng();
				fitChecks.add({
					pair_id: id,
					person_id: org.people[person]!.id,
					fit: roll < 0.85 ? 'good' : roll < 0.95 ? 'unsure' : 'repair',
					note: '',
					created_at: iso(nowMs - int(rng, 1, 30) * DAY)
				});
			}
			if (rng() < 0.4) {
				const start = Math.floor((nowMs + int(rng, 1, 20) * DAY) / DAY) * DAY + 12 * HOUR;
				plans.add({
					id: planId(),
					pair_id: id,
					starts_at: iso(start),
					ends_at: iso(start + HOUR / 2),
					place: '',
					created_by: org.people[group[0]!]!.id,
					sequence: 0,
					created_at: iso(nowMs - DAY),
					updated_at: iso(nowMs - DAY),
					cancelled_at: null
				});
			}
		}
	};

	const closed = cycle(-200, -110, 'closed');
	const closedPeople = sample(rng, everyone, shape.buddies.closed);
	for (const p of closedPeople) join(closed, p, nowMs - 215 * DAY, null);
	pairUp(closed, closedPeople, nowMs - 200 * DAY, [195, 112], 4, false);

	// The current cycle: the staff account is paired with someone from a customer-facing team
	// in another division.
	const current = cycle(-42, 48, 'published');
	const staff = org.accounts.staff;
	const elsewhere = everyone.filter((p) => org.teams[org.people[p]!.team]!.division !== 0);
	const facingElsewhere = elsewhere.filter((p) => org.teams[org.people[p]!.team]!.kind === 'customer_facing');
	const buddy = pick(rng, facingElsewhere.length > 0 ? facingElsewhere : elsewhere);
	const currentPeople = [
		staff,
		buddy,
		...sample(rng, everyone, shape.buddies.current - 2, (p) => p === staff || p === buddy)
	];
	for (const p of currentPeople) join(current, p, nowMs - 50 * DAY, null);
	pairUp(current, currentPeople, nowMs - 42 * DAY, [40, 1], 2, true);

	// Next quarter's cycle is open: managers put people forward.
	const next = cycle(50, 140, 'open');
	for (const p of sample(rng, everyone, shape.buddies.nominated))
		join(next, p, nowMs - int(rng, 0, 10) * DAY, org.people[p]!.manager);

	return closeAll([cycles, cycleUnits, participants, pairs, members, meetings, fitChecks, plans]);
}

async function seedShadowing({ trx, seed, nowMs, org }: Context, shape: Shape): Promise<Written> {
	const rng = stream(seed, 'shadowing');
	const slotId = idMaker(seed, 'shadow_slots');
	const visitId = idMaker(seed, 'shadow_visits');
	const blackoutId = idMaker(seed, 'shadow_blackouts');
	const slots = new TableWriter(trx, 'shadow_slots');
	const visits = new TableWriter(trx, 'shadow_visits', slots);
	const blackouts = new TableWriter(trx, 'shadow_blackouts');
	const facing = org.teams.flatMap((team, t) => (team.kind === 'customer_facing' ? [t] : []));
	// The staff account visits a customer-facing team in another division (any other, when small).
	const elsewhere = org.teams.flatMap((team, t) => (team.division !== 0 ? [t] : []));
	const staffHosts = elsewhere.filter((t) => org.teams[t]!.kind === 'customer_facing');
	const everyone = org.people.map((_, i) => i);
	const staff = org.accounts.staff;

	for (let s = 0; s < shape.shadowSlots; s++) {
		// The first slot is the staff account's past visit; later ones come from any team.
		const t =
			s === 0
				? pick(rng, staffHosts.length > 0 ? staffHosts : elsewhere)
				: rng() < 0.7 && facing.length > 0
					? pick(rng, facing)
					: int(rng, 0, org.teams.length - 1);
		const team = org.teams[t]!;
		const host = pick(rng, team.members);
		const start = Math.floor((nowMs + (s === 0 ? -10 : int(rng, -330, 45)) * DAY) / DAY) * DAY + int(rng, 8, 13) * HOUR;
		const end = start + int(rng, 2, 3) * HOUR;
		const capacity = int(rng, 1, 3);
		const created = Math.min(start - int(rng, 10, 40) * DAY, nowMs);
		const id = slotId();
		const cancelled = s > 0 && rng() < 0.03;
		slots.add({
			id,
			team_id: team.id,
			host_id: org.people[host]!.id,
			starts_at: iso(start),
			ends_at: iso(end),
			time_zone: org.people[host]!.timeZone,
			capacity,
			place: `${team.name} floor`,
			video_url: '',
			what_you_will_see: pick(rng, SHADOW_OFFERS),
			auto_accept: rng() < 0.2 ? 1 : 0,
			created_by: org.people[host]!.id,
			sequence: 0,
			created_at: iso(created),
			updated_at: iso(created),
			cancelled_at: cancelled ? iso(Math.min(start - DAY, nowMs)) : null
		});
		if (cancelled) continue;
		const past = end < nowMs;
		const visitors = s === 0 ? [staff] : sample(rng, everyone, int(rng, 0, capacity), (p) => org.people[p]!.team === t);
		for (const visitor of visitors) {
			const roll = rng();
			const status: VisitStatus =
				s === 0
					? 'confirmed'
					: past
						? roll < 0.8
							? 'confirmed'
							: roll < 0.9
								? 'declined'
								: 'cancelled'
						: roll < 0.3
							? 'pending_manager'
							: roll < 0.6
								? 'pending_host'
								: 'confirmed';
			const approved = status !== 'pending_manager' && status !== 'cancelled';
			const confirmed = status === 'confirmed';
			const requested = Math.min(created + int(rng, 1, 5) * DAY, nowMs);
			const decided = Math.min(requested + DAY, nowMs);
			const reflected = past && confirmed && s > 0 && rng() < 0.6;
			const feedback = past && confirmed && rng() < 0.4;
			const stamp = iso(Math.min(end + 2 * HOUR, nowMs));
			const manager = org.people[visitor]!.manager;
			visits.add({
				id: visitId(),
				slot_id: id,
				visitor_id: org.people[visitor]!.id,
				objectives: pick(rng, OBJECTIVES),
				status,
				starts_at: iso(start),
				ends_at: iso(end),
				approved_by: approved && manager !== null ? org.people[manager]!.id : null,
				approved_at: approved ? iso(decided) : null,
				confirmed_by: confirmed ? org.people[host]!.id : null,
				confirmed_at: confirmed ? iso(decided) : null,
				decline_reason: status === 'declined' ? 'The team is short-staffed that day.' : null,
				sequence: confirmed ? 2 : 0,
				reflection_learned: reflected ? 'Where our requests land and who picks them up.' : null,
				reflection_impact: reflected ? 'Our delays turn into their customer calls.' : null,
				reflection_change: reflected ? 'I will warn them before a late run.' : null,
				reflected_at: reflected ? stamp : null,
				host_feedback: feedback ? 'Good questions; come back at quarter end.' : null,
				host_feedback_at: feedback ? stamp : null,
				created_at: iso(requested),
				updated_at: iso(decided)
			});
		}
		await slots.spill();
		await visits.spill();
	}
	for (let b = 0; b < shape.blackouts; b++) {
		const team = pick(rng, org.teams);
		const start = nowMs + int(rng, -120, 90) * DAY;
		blackouts.add({
			id: blackoutId(),
			team_id: team.id,
			starts_on: isoDay(start),
			ends_on: isoDay(start + int(rng, 1, 5) * DAY),
			reason: 'Month-end close',
			created_by: org.people[team.manager]!.id,
			created_at: iso(Math.min(start - 20 * DAY, nowMs))
		});
	}
	return closeAll([slots, visits, blackouts]);
}

async function seedLunches({ trx, seed, nowMs, org }: Context, shape: Shape): Promise<Written> {
	const rng = stream(seed, 'lunches');
	const sessionId = idMaker(seed, 'lunch_sessions');
	const sessions = new TableWriter(trx, 'lunch_sessions');
	const rsvps = new TableWriter(trx, 'lunch_rsvps', sessions);
	const everyone = org.people.map((_, i) => i);
	for (let s = 0; s < shape.lunchSessions; s++) {
		// The first session is an upcoming one the staff account is going to.
		const start = Math.floor((nowMs + (s === 0 ? 6 : int(rng, -360, 45)) * DAY) / DAY) * DAY + 12 * HOUR;
		const presenter = pick(rng, everyone);
		const organiser = pick(rng, org.teams).manager;
		const capacity = int(rng, 10, 60);
		const created = Math.min(start - int(rng, 7, 30) * DAY, nowMs);
		const id = sessionId();
		sessions.add({
			id,
			topic: pick(rng, LUNCH_TOPICS),
			description: 'What the work looks like from the inside, and where other teams can help.',
			presenter_id: org.people[presenter]!.id,
			organiser_id: org.people[organiser]!.id,
			starts_at: iso(start),
			ends_at: iso(start + int(rng, 2, 4) * 15 * 60_000),
			time_zone: org.people[presenter]!.timeZone,
			place: rng() < 0.5 ? 'Atrium' : '',
			video_url: rng() < 0.7 ? 'https://meet.example.com/lunch' : '',
			capacity,
			sequence: 0,
			created_at: iso(created),
			updated_at: iso(created),
			cancelled_at: rng() < 0.04 ? iso(Math.min(start - DAY, nowMs)) : null
		});
		const past = start < nowMs;
		const list = sample(
			rng,
			everyone,
			int(rng, Math.round(capacity * 0.4), Math.round(capacity * 1.3)),
			(p) => p === presenter
		);
		if (s === 0 && !list.includes(org.accounts.staff)) list.unshift(org.accounts.staff);
		for (const [k, person] of list.entries()) {
			const status = rng() < 0.05 ? 'cancelled' : k < capacity ? 'going' : 'waitlist';
			rsvps.add({
				session_id: id,
				person_id: org.people[person]!.id,
				status,
				rsvp_at: iso(Math.min(created + (k + 1) * HOUR, nowMs)),
				attended: past && status === 'going' ? (rng() < 0.85 ? 1 : 0) : null
			});
		}
		await sessions.spill();
		await rsvps.spill();
	}
	return closeAll([sessions, rsvps]);
}

async function seedRecognitions(
	{ trx, seed, nowMs, org }: Context,
	shape: Shape,
	behaviourSlugs: readonly string[]
): Promise<Written> {
	const rng = stream(seed, 'recognition');
	const nextId = idMaker(seed, 'recognitions');
	const recognitions = new TableWriter(trx, 'recognitions');
	const recipients = new TableWriter(trx, 'recognition_recipients', recognitions);
	const everyone = org.people.map((_, i) => i);
	const departmentOf = (p: number) => org.teams[org.people[p]!.team]!.unitId;
	for (let r = 0; r < shape.recognitions; r++) {
		const from = pick(rng, everyone);
		const roll = rng();
		const to = sample(rng, everyone, roll < 0.75 ? 1 : roll < 0.93 ? 2 : 3, (p) => p === from);
		const id = nextId();
		recognitions.add({
			id,
			from_id: org.people[from]!.id,
			behaviour_slug: pick(rng, behaviourSlugs),
			message: pick(rng, THANKS),
			cross_department: to.some((p) => departmentOf(p) !== departmentOf(from)) ? 1 : 0,
			created_at: iso(nowMs - int(rng, 0, MONTHS * 30 * 24) * HOUR)
		});
		for (const person of to) recipients.add({ recognition_id: id, person_id: org.people[person]!.id });
		await recognitions.spill();
		await recipients.spill();
	}
	return closeAll([recognitions, recipients]);
}

async function seedAssessments({ trx, seed, nowMs, org }: Context): Promise<Written> {
	const rng = stream(seed, 'assessments');
	const nextId = idMaker(seed, 'service_assessments');
	const assessments = new TableWriter(trx, 'service_assessments');
	const scores = new TableWriter(trx, 'service_assessment_scores', assessments);
	const currentQuarter = periodOf('quarter', isoDay(nowMs));
	for (const team of org.teams) {
		if (rng() >= 0.4) continue;
		const quarters = periodsEndingWith(rng() < 0.3 ? currentQuarter : shiftPeriod(currentQuarter, -1), int(rng, 2, 6));
		const first = serviceComponentKeys.map(() => int(rng, 1, 3));
		for (const [q, quarter] of quarters.entries()) {
			const id = nextId();
			const at = iso(Math.min(Date.parse(`${periodRange(quarter).end}T00:00:00.000Z`) - 8 * DAY, nowMs - DAY));
			assessments.add({
				id,
				team_id: team.id,
				period: quarter,
				assessed_by: org.people[team.manager]!.id,
				created_at: at,
				updated_at: at
			});
			for (const [c, component] of serviceComponentKeys.entries()) {
				const score = clamp((first[c] ?? 2) + Math.floor(q / 2), 1, 5);
				scores.add({ assessment_id: id, component, score, note: ASSESSMENT_NOTES[clamp(score - 2, 0, 3)]! });
			}
		}
		await assessments.spill();
		await scores.spill();
	}
	return closeAll([assessments, scores]);
}

// ---------------------------------------------------------------------------------------------

/** Seeds a large organisation into an empty, migrated database. Deterministic for a seed and `now`. */
export async function seedLargeOrganisation(db: Db, options: LargeOrgOptions): Promise<LargeOrgSummary> {
	const shape = shapeFor(options.people ?? FULL_PEOPLE);
	const nowMs = options.now.getTime();
	// One argon2 hash shared by everyone (one per person would take hours), made before the
	// transaction so the write lock is not held while it runs.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const org = planOrganisation(options.seed, nowMs, shape);
	const months = periodsEndingWith(shiftPeriod(periodOf('month', isoDay(nowMs)), -1), MONTHS);
	const counts: Record<string, number> = {};

	const run = async (trx: Db): Promise<LargeOrgSummary> => {
		if (!(await isDatabaseEmpty(trx))) {
			throw new Error('The database already holds an organisation; clear it before loading the large organisation.');
		}
		const context: Context = { trx, seed: options.seed, nowMs, org };
		const step = async (name: string, work: () => Promise<Written>) => {
			const started = performance.now();
			const writers = await work();
			for (const w of writers) counts[w.table] = (counts[w.table] ?? 0) + w.written;
			options.onProgress?.(
				name,
				writers.reduce((sum, w) => sum + w.written, 0),
				performance.now() - started
			);
		};
		const behaviours = await currentBehaviours(trx);
		await step('organisation', () => seedOrganisation(context, passwordHash));
		await step('metric values', () => seedMetricValues(context, months));
		await step('case feedback', () => seedCaseFeedback(context, shape, months));
		await step('observations', () => seedObservations(context, shape, behaviours));
		await step('learning', () => seedLearning(context));
		await step('buddies', () => seedBuddies(context, shape));
		await step('shadowing', () => seedShadowing(context, shape));
		await step('lunch and learn', () => seedLunches(context, shape));
		await step('recognition', () =>
			seedRecognitions(
				context,
				shape,
				behaviours.map((b) => b.slug)
			)
		);
		await step('service assessments', () => seedAssessments(context));
		return { counts, leaderUnitTeams: org.leaderUnitTeams };
	};
	return db.isTransaction ? run(db) : db.transaction().execute(run);
}
