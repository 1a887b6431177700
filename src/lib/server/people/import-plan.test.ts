import { describe, expect, it } from 'vitest';
import type { GrantedRole } from '../db/schema';
import { word } from '../service-result';
import {
	DEFAULT_TIME_ZONE,
	importColumns,
	importTemplate,
	optionalImportColumns,
	planImport as planWithKeys,
	requiredImportColumns,
	type ImportWorld
} from './import-plan';

/**
 * The plan as the import page words it: problems and changes are message keys with their inputs,
 * worded here in English (the language outside a request).
 */
function planImport(text: string, world: ImportWorld) {
	const plan = planWithKeys(text, world);
	return {
		...plan,
		issues: plan.issues.map((issue) => ({ ...issue, reason: word(issue.reason) })),
		rows: plan.rows.map((row) => ({ ...row, changes: row.changes.map((change) => word(change)) }))
	};
}
type WordedPlan = ReturnType<typeof planImport>;
type PlannedRow = WordedPlan['rows'][number];
type ImportIssue = WordedPlan['issues'][number];

/*
 * The organisation the plans are made against:
 *   units  Finance (u-fin) › Payables (u-pay); HR (u-hr)
 *   teams  Accounts Payable (t-ap, in Payables), General Ledger (t-gl, in Finance), Recruiting (t-rec, in HR)
 *   people admin@example.com (admin, importing), lead@example.com (manager of Accounts Payable),
 *          mia@example.com (staff in Accounts Payable, reports to lead), gone@example.com (deactivated)
 */
type WorldPerson = ImportWorld['people'] extends Map<string, infer P> ? P : never;

const units = [
	{ id: 'u-fin', name: 'Finance' },
	{ id: 'u-pay', name: 'Payables' },
	{ id: 'u-hr', name: 'HR' }
];
const teams = [
	{ id: 't-ap', name: 'Accounts Payable', org_unit_id: 'u-pay' },
	{ id: 't-gl', name: 'General Ledger', org_unit_id: 'u-fin' },
	{ id: 't-rec', name: 'Recruiting', org_unit_id: 'u-hr' }
];

function person(id: string, overrides: Partial<WorldPerson> = {}): WorldPerson {
	return {
		id,
		name: id,
		job_title: '',
		team_id: null,
		manager_email: null,
		time_zone: 'UTC',
		active: true,
		grants: [],
		...overrides
	};
}

const grant = (role: GrantedRole, team_id: string | null = null, org_unit_id: string | null = null) => ({
	role,
	team_id,
	org_unit_id
});

function makeWorld(extraTeams: { id: string; name: string; org_unit_id: string }[] = []): ImportWorld {
	const allTeams = [...teams, ...extraTeams];
	return {
		people: new Map([
			['admin@example.com', person('p-admin', { name: 'Ada Admin', grants: [grant('admin')] })],
			[
				'lead@example.com',
				person('p-lead', {
					name: 'Lee Lead',
					job_title: 'Team Lead',
					team_id: 't-ap',
					grants: [grant('manager', 't-ap')]
				})
			],
			[
				'mia@example.com',
				person('p-mia', {
					name: 'Mia Staff',
					job_title: 'Clerk',
					team_id: 't-ap',
					manager_email: 'lead@example.com',
					time_zone: 'Europe/London'
				})
			],
			['gone@example.com', person('p-gone', { name: 'Gus Gone', active: false })]
		]),
		teams: new Map(allTeams.map((t) => [t.name.toLowerCase(), t])),
		units: new Map(units.map((u) => [u.name.toLowerCase(), u])),
		teamNames: new Map(allTeams.map((t) => [t.id, t.name])),
		unitNames: new Map(units.map((u) => [u.id, u.name])),
		actorEmail: 'admin@example.com'
	};
}

const header = 'email,name,job title,team,manager email,time zone,roles';
const csv = (...lines: string[]) => lines.join('\n');

function rowFor(rows: PlannedRow[], email: string): PlannedRow {
	const row = rows.find((r) => r.email === email);
	if (!row) throw new Error(`no planned row for ${email}`);
	return row;
}

/** Plans a file that must have exactly one issue, and returns it. */
function onlyIssue(text: string, world = makeWorld()): ImportIssue {
	const plan = planImport(text, world);
	expect(plan.issues).toHaveLength(1);
	return plan.issues[0]!;
}

describe('planImport: the header', () => {
	it('accepts headers in any case, with underscores, dashes, extra spaces and a byte-order mark', () => {
		const text = csv(
			'\uFEFFEMAIL, Name ,Job_Title,TEAM,Manager-Email,time   zone,Roles',
			'new@example.com,Noor New,Analyst,General Ledger,lead@example.com,Europe/Paris,'
		);
		const plan = planImport(text, makeWorld());
		expect(plan.issues).toEqual([]);
		expect(plan.rows).toHaveLength(1);
		expect(plan.rows[0]).toMatchObject({
			line: 2,
			email: 'new@example.com',
			name: 'Noor New',
			action: 'create',
			personId: null,
			fields: {
				name: 'Noor New',
				job_title: 'Analyst',
				team_id: 't-gl',
				manager_email: 'lead@example.com',
				time_zone: 'Europe/Paris'
			},
			grants: []
		});
	});

	it('needs only the email and name columns', () => {
		const plan = planImport(csv('name,email', 'Noor New,new@example.com'), makeWorld());
		expect(plan.issues).toEqual([]);
		expect(plan.rows[0]).toMatchObject({
			action: 'create',
			fields: { job_title: '', team_id: null, manager_email: null, time_zone: DEFAULT_TIME_ZONE },
			grants: null
		});
	});

	it('reports a missing required column on line 1 under that column, naming the columns every file needs', () => {
		expect(onlyIssue(csv('email,job title', 'new@example.com,Analyst'))).toEqual({
			line: 1,
			column: 'name',
			reason: 'The required column "name" is missing. Every file needs the columns email and name.'
		});
		const plan = planImport(csv('team,roles', 'General Ledger,admin'), makeWorld());
		expect(plan.issues.map((i) => i.column)).toEqual(['email', 'name']);
		expect(plan.issues[0]!.reason).toBe(
			'The required column "email" is missing. Every file needs the columns email and name.'
		);
		expect(plan.rows).toEqual([]);
	});

	it('splits the columns into the required and the optional', () => {
		expect(requiredImportColumns).toEqual(['email', 'name']);
		expect(optionalImportColumns).toEqual(['job title', 'team', 'manager email', 'time zone', 'roles']);
		expect([...requiredImportColumns, ...optionalImportColumns].sort()).toEqual([...importColumns].sort());
	});

	it('says the first line must name the columns when it names none of them', () => {
		const plan = planImport(csv('new@example.com,Noor New', 'two@example.com,Two'), makeWorld());
		expect(plan.issues).toEqual([
			{
				line: 1,
				column: '',
				reason:
					'The first line must name the columns: email and name are required; job title, team, manager email, time zone and roles are optional. Start from the template.'
			}
		]);
		expect(plan.rows).toEqual([]);
	});

	it('reports an unknown column and plans nothing', () => {
		const plan = planImport(csv('email,name,department', 'new@example.com,Noor New,Finance'), makeWorld());
		expect(plan.issues).toHaveLength(1);
		expect(plan.issues[0]).toMatchObject({ line: 1, column: '' });
		expect(plan.issues[0]!.reason).toContain('Unknown column "department"');
		expect(plan.rows).toEqual([]);
		expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 0 });
	});

	it('reports an empty file', () => {
		for (const text of ['', '\uFEFF', '\n\n', ' , ,']) {
			const plan = planImport(text, makeWorld());
			expect(plan.issues, JSON.stringify(text)).toEqual([
				{ line: 0, column: '', reason: 'The file is empty. Start from the template.' }
			]);
			expect(plan.rows).toEqual([]);
		}
	});

	it('reports a header without people', () => {
		expect(onlyIssue(csv(header, '', ' ', ''))).toEqual({
			line: 0,
			column: '',
			reason: 'The file has a header but no people.'
		});
	});
});

describe('planImport: create, update, unchanged', () => {
	it('tells new, changed and identical people apart and describes each change', () => {
		const text = csv(
			header,
			'new@example.com,Noor New,Analyst,Recruiting,,,',
			'mia@example.com,Mia Staff,Senior Clerk,General Ledger,admin@example.com,Europe/Amsterdam,',
			'lead@example.com,Lee Lead,Team Lead,Accounts Payable,,UTC,manager'
		);
		const plan = planImport(text, makeWorld());
		expect(plan.issues).toEqual([]);
		expect(plan.counts).toEqual({ create: 1, update: 1, unchanged: 1 });

		expect(rowFor(plan.rows, 'new@example.com')).toMatchObject({
			line: 2,
			action: 'create',
			personId: null,
			changes: []
		});

		const mia = rowFor(plan.rows, 'mia@example.com');
		expect(mia).toMatchObject({ line: 3, action: 'update', personId: 'p-mia' });
		expect(mia.changes).toEqual([
			'job title: Clerk → Senior Clerk',
			'team: Accounts Payable → General Ledger',
			'manager: lead@example.com → admin@example.com',
			'time zone: Europe/London → Europe/Amsterdam'
		]);

		expect(rowFor(plan.rows, 'lead@example.com')).toMatchObject({
			line: 4,
			action: 'unchanged',
			personId: 'p-lead',
			changes: []
		});
	});

	it('describes a rename and role changes', () => {
		const text = csv(header, 'lead@example.com,Lee Leader,Team Lead,Accounts Payable,,UTC,leader');
		const lead = planImport(text, makeWorld()).rows[0]!;
		expect(lead.action).toBe('update');
		expect(lead.changes).toEqual([
			'name: Lee Lead → Lee Leader',
			'adds role leader of Payables',
			'removes role manager of Accounts Payable'
		]);
	});

	it('describes clearing the job title, the team and the manager', () => {
		const text = csv(header, 'mia@example.com,Mia Staff,,,,Europe/London,');
		const mia = planImport(text, makeWorld()).rows[0]!;
		expect(mia.action).toBe('update');
		expect(mia.changes).toEqual([
			'job title: Clerk → —',
			'team: Accounts Payable → no team',
			'manager: lead@example.com → none'
		]);
		expect(mia.fields).toMatchObject({ job_title: '', team_id: null, manager_email: null });
	});

	it('keeps what the file does not mention: absent columns and an empty time zone', () => {
		const text = csv('email,name,time zone', 'MIA@Example.com,Mia Staff,');
		const plan = planImport(text, makeWorld());
		expect(plan.issues).toEqual([]);
		expect(plan.rows[0]).toMatchObject({
			email: 'mia@example.com',
			action: 'unchanged',
			fields: { job_title: 'Clerk', team_id: 't-ap', manager_email: 'lead@example.com', time_zone: 'Europe/London' },
			grants: null
		});
	});

	it('leaves a deactivated person unchanged but says they stay deactivated', () => {
		const gone = planImport(csv('email,name', 'gone@example.com,Gus Gone'), makeWorld()).rows[0]!;
		expect(gone).toMatchObject({ action: 'unchanged', changes: ['stays deactivated'] });
		const renamed = planImport(csv('email,name', 'gone@example.com,Gus Went'), makeWorld()).rows[0]!;
		expect(renamed).toMatchObject({ action: 'update', changes: ['name: Gus Gone → Gus Went', 'stays deactivated'] });
	});
});

describe('planImport: problems in rows', () => {
	it('reports an invalid email with its line and column', () => {
		const text = csv(header, 'ok@example.com,Olu Ok,,,,,', 'not-an-email,Nia Nope,,,,,');
		expect(onlyIssue(text)).toEqual({
			line: 3,
			column: 'email',
			reason: 'Enter a valid email address, like name@example.com'
		});
	});

	it('reports an empty email and an empty name', () => {
		const plan = planImport(csv(header, ',,,,,,admin'), makeWorld());
		expect(plan.issues).toEqual([
			{ line: 2, column: 'email', reason: 'Enter an email address' },
			{ line: 2, column: 'name', reason: 'Enter a name' }
		]);
	});

	it('reports a duplicate email on the second occurrence, naming the first line, ignoring case', () => {
		const text = csv(
			header,
			'dup@example.com,First,,,,,',
			'other@example.com,Other,,,,,',
			'Dup@Example.COM,Second,,,,,'
		);
		expect(onlyIssue(text)).toEqual({ line: 4, column: 'email', reason: 'This email already appears on line 2' });
	});

	it('reports an unknown team', () => {
		const issue = onlyIssue(csv(header, 'new@example.com,Noor New,,Payroll,,,'));
		expect(issue).toMatchObject({ line: 2, column: 'team' });
		expect(issue.reason).toContain('"Payroll" is not a team');
	});

	it('matches team names without regard to case', () => {
		const plan = planImport(csv(header, 'new@example.com,Noor New,,general ledger,,,'), makeWorld());
		expect(plan.issues).toEqual([]);
		expect(plan.rows[0]!.fields.team_id).toBe('t-gl');
	});

	it('reports a manager email that is neither in Ripple nor in the file', () => {
		expect(onlyIssue(csv(header, 'new@example.com,Noor New,,,boss@example.com,,'))).toEqual({
			line: 2,
			column: 'manager email',
			reason: 'Nobody has the email boss@example.com, in Ripple or in this file'
		});
	});

	it('accepts a manager who is defined later in the same file', () => {
		const text = csv(header, 'report@example.com,Rae Report,,,Boss@Example.com,,', 'boss@example.com,Bo Boss,,,,,');
		const plan = planImport(text, makeWorld());
		expect(plan.issues).toEqual([]);
		expect(rowFor(plan.rows, 'report@example.com').fields.manager_email).toBe('boss@example.com');
		expect(plan.counts.create).toBe(2);
	});

	it('reports a person named as their own manager', () => {
		expect(onlyIssue(csv(header, 'new@example.com,Noor New,,,NEW@example.com,,'))).toEqual({
			line: 2,
			column: 'manager email',
			reason: 'A person cannot be their own manager'
		});
	});

	it('reports a deactivated manager who is not in the file', () => {
		expect(onlyIssue(csv(header, 'new@example.com,Noor New,,,gone@example.com,,'))).toEqual({
			line: 2,
			column: 'manager email',
			reason: 'gone@example.com belongs to a deactivated person; reactivate them first'
		});
	});

	// Known bug (see the report): listing a deactivated person in the file does not reactivate
	// them ("stays deactivated"), yet it lets other rows name them as manager.
	it('reports a deactivated manager even when that person is also listed in the file', () => {
		const text = csv(header, 'new@example.com,Noor New,,,gone@example.com,,', 'gone@example.com,Gus Gone,,,,,');
		const plan = planImport(text, makeWorld());
		expect(plan.issues).toContainEqual({
			line: 2,
			column: 'manager email',
			reason: 'gone@example.com belongs to a deactivated person; reactivate them first'
		});
	});

	it('reports an invalid time zone', () => {
		expect(onlyIssue(csv(header, 'new@example.com,Noor New,,,,Mars/Olympus,'))).toEqual({
			line: 2,
			column: 'time zone',
			reason: '"Mars/Olympus" is not a time zone; use a name like Europe/Amsterdam'
		});
	});

	it('reports a job title over 120 characters', () => {
		const issue = onlyIssue(csv(header, `new@example.com,Noor New,${'x'.repeat(121)},,,,`));
		expect(issue).toEqual({ line: 2, column: 'job title', reason: 'A job title can be at most 120 characters' });
	});

	it('reports a row with more values than the header', () => {
		const issue = onlyIssue(csv('email,name', 'new@example.com,Noor New,surplus'));
		expect(issue).toMatchObject({ line: 2, column: 'email' });
		expect(issue.reason).toBe('This row has 3 values but the header has 2 columns');
	});

	it('reports every problem in the file, not just the first', () => {
		const text = csv(
			header,
			'bad,Bad Email,,,,,',
			'new@example.com,Noor New,,Payroll,,Nowhere/Else,',
			'x@example.com,Xi,,,,,wizard'
		);
		const plan = planImport(text, makeWorld());
		expect(plan.issues.map((i) => [i.line, i.column])).toEqual([
			[2, 'email'],
			[3, 'team'],
			[3, 'time zone'],
			[4, 'roles']
		]);
	});

	it('keeps line numbers right across blank lines and Windows line endings', () => {
		const text = ['email,name', '', 'ok@example.com,Olu Ok', '   ', '', 'broken,Bea Broken', ''].join('\r\n');
		const plan = planImport(text, makeWorld());
		expect(plan.rows.map((r) => [r.email, r.line])).toEqual([
			['ok@example.com', 3],
			['broken', 6]
		]);
		expect(plan.issues).toEqual([
			{ line: 6, column: 'email', reason: 'Enter a valid email address, like name@example.com' }
		]);
	});
});

describe('planImport: roles', () => {
	const rolesOf = (roles: string, team = 'Accounts Payable') =>
		planImport(csv(header, `new@example.com,Noor New,,${team},,,"${roles}"`), makeWorld());

	it('reads admin', () => {
		const plan = rolesOf('admin');
		expect(plan.issues).toEqual([]);
		expect(plan.rows[0]!.grants).toEqual([{ role: 'admin', team_id: null, org_unit_id: null }]);
	});

	it('reads a bare manager as manager of the row’s team', () => {
		expect(rolesOf('manager').rows[0]!.grants).toEqual([{ role: 'manager', team_id: 't-ap', org_unit_id: null }]);
	});

	it('reads manager:Team for another team, in any case', () => {
		expect(rolesOf('Manager: recruiting').rows[0]!.grants).toEqual([
			{ role: 'manager', team_id: 't-rec', org_unit_id: null }
		]);
	});

	it('reads a bare leader as leader of the row team’s unit', () => {
		expect(rolesOf('leader').rows[0]!.grants).toEqual([{ role: 'leader', team_id: null, org_unit_id: 'u-pay' }]);
	});

	it('reads leader:Unit', () => {
		expect(rolesOf('leader:Finance').rows[0]!.grants).toEqual([
			{ role: 'leader', team_id: null, org_unit_id: 'u-fin' }
		]);
	});

	it('reads several roles separated by ; or |, skipping staff and duplicates', () => {
		const plan = rolesOf('staff; admin | manager;manager:Accounts Payable; leader:HR;ADMIN');
		expect(plan.issues).toEqual([]);
		expect(plan.rows[0]!.grants!.map((g) => [g.role, g.team_id ?? g.org_unit_id])).toEqual([
			['admin', null],
			['manager', 't-ap'],
			['leader', 'u-hr']
		]);
	});

	it('reads an empty roles cell as no roles', () => {
		expect(rolesOf('').rows[0]!.grants).toEqual([]);
		expect(rolesOf('staff').rows[0]!.grants).toEqual([]);
	});

	it('reports an unknown role token', () => {
		expect(onlyIssue(csv(header, 'new@example.com,Noor New,,,,,wizard'))).toEqual({
			line: 2,
			column: 'roles',
			reason: '"wizard" is not a role; use admin, manager, manager:Team, leader or leader:Unit'
		});
	});

	it('reports manager and leader without a team to take the scope from', () => {
		const plan = rolesOf('manager;leader', '');
		expect(plan.issues).toEqual([
			{ line: 2, column: 'roles', reason: '"manager" needs a team in this row, or write manager:Team name' },
			{ line: 2, column: 'roles', reason: '"leader" needs a team in this row, or write leader:Unit name' }
		]);
	});

	it('gives its problems and changes as message keys with their inputs, for the page to word', () => {
		const plan = planWithKeys(
			csv(header, 'mia@example.com,Mia Staff,Clerk,Recruiting,,Europe/London,manager:Payroll'),
			makeWorld()
		);
		expect(plan.issues).toEqual([
			{ line: 2, column: 'roles', reason: { code: 'admin_import_role_team_unknown', params: { team: 'Payroll' } } }
		]);
		const fine = planWithKeys(csv('email,name,team', 'mia@example.com,Mia Staff,'), makeWorld());
		expect(fine.rows[0]!.changes).toEqual([
			{ code: 'admin_import_change_team_cleared', params: { from: 'Accounts Payable' } }
		]);
	});

	it('reports unknown teams and units named in roles', () => {
		const plan = rolesOf('manager:Payroll;leader:Legal');
		expect(plan.issues.map((i) => i.reason)).toEqual(['"Payroll" is not a team', '"Legal" is not an org unit']);
		expect(plan.issues.every((i) => i.line === 2 && i.column === 'roles')).toBe(true);
	});

	it('refuses to remove the importing admin’s own admin role', () => {
		expect(onlyIssue(csv(header, 'admin@example.com,Ada Admin,,,,,manager:Recruiting'))).toEqual({
			line: 2,
			column: 'roles',
			reason: 'This import would remove your own admin role; keep "admin" in your row'
		});
	});

	it('lets the importing admin keep admin and add roles, and remove other people’s admin role', () => {
		const world = makeWorld();
		world.people.set('other-admin@example.com', person('p-other', { name: 'Oz Other', grants: [grant('admin')] }));
		const text = csv(
			header,
			'admin@example.com,Ada Admin,,,,,admin;manager:Recruiting',
			'other-admin@example.com,Oz Other,,,,,'
		);
		const plan = planImport(text, world);
		expect(plan.issues).toEqual([]);
		expect(rowFor(plan.rows, 'admin@example.com').changes).toEqual(['adds role manager of Recruiting']);
		expect(rowFor(plan.rows, 'other-admin@example.com').changes).toEqual(['removes role admin']);
	});

	it('leaves the importing admin’s roles alone when the file has no roles column', () => {
		const plan = planImport(csv('email,name', 'admin@example.com,Ada Admin'), makeWorld());
		expect(plan.issues).toEqual([]);
		expect(plan.rows[0]).toMatchObject({ action: 'unchanged', grants: null });
	});
});

describe('importTemplate', () => {
	it('has a header with all seven columns', () => {
		const [first] = importTemplate('Accounts Payable').split(/\r?\n/);
		expect(first).toBe(importColumns.join(','));
		expect(importColumns).toHaveLength(7);
	});

	it('parses back cleanly into two new people, the second managed by the first', () => {
		const plan = planImport(importTemplate('Accounts Payable'), makeWorld());
		expect(plan.issues).toEqual([]);
		expect(plan.counts).toEqual({ create: 2, update: 0, unchanged: 0 });
		const [sam, jordan] = plan.rows;
		expect(sam).toMatchObject({
			line: 2,
			fields: { team_id: 't-ap', time_zone: 'Europe/London', manager_email: null },
			grants: [{ role: 'manager', team_id: 't-ap', org_unit_id: null }]
		});
		expect(jordan).toMatchObject({ line: 3, fields: { team_id: 't-ap', manager_email: sam!.email }, grants: [] });
	});

	it('quotes a team name containing a comma so it still parses', () => {
		const world = makeWorld([{ id: 't-emea', name: 'Payables, EMEA', org_unit_id: 'u-pay' }]);
		const plan = planImport(importTemplate('Payables, EMEA'), world);
		expect(plan.issues).toEqual([]);
		expect(plan.rows.map((r) => r.fields.team_id)).toEqual(['t-emea', 't-emea']);
	});

	it('neutralises an example team that reads as a formula, and still parses back to that team', () => {
		const world = makeWorld([{ id: 't-plus', name: '+1 Support', org_unit_id: 'u-pay' }]);
		const template = importTemplate('+1 Support');
		expect(template.split('\r\n')[1]).toContain(`,"'+1 Support",`);
		const plan = planImport(template, world);
		expect(plan.issues).toEqual([]);
		expect(plan.rows.map((r) => r.fields.team_id)).toEqual(['t-plus', 't-plus']);
	});

	it('is reported when its example team does not exist', () => {
		const plan = planImport(importTemplate('Nonexistent Team'), makeWorld());
		expect(plan.issues.map((i) => [i.line, i.column])).toEqual([
			[2, 'team'],
			[2, 'roles'],
			[3, 'team']
		]);
	});
});
