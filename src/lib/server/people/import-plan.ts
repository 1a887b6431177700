import Papa from 'papaparse';
import { formatList } from '../../intl';
import { isTimeZone } from '../../locale';
import { emailField, nameField } from '../../schemas/people';
import { readCsvCell, toCsv } from '../csv';
import type { GrantedRole } from '../db/schema';

/**
 * CSV import of staff, the pure half: text in, a plan out. The plan says what each row would
 * create or change and every problem found (line, column, reason). Nothing here touches the
 * database; `import.ts` loads the world this needs and applies a clean plan in one transaction.
 */

export const importColumns = ['email', 'name', 'job title', 'team', 'manager email', 'time zone', 'roles'] as const;
export type ImportColumn = (typeof importColumns)[number];
/** Every file needs these; a column left out of the others changes nothing for people already in Ripple. */
export const requiredImportColumns: readonly ImportColumn[] = ['email', 'name'];
export const optionalImportColumns: readonly ImportColumn[] = importColumns.filter(
	(c) => !requiredImportColumns.includes(c)
);

export const MAX_IMPORT_ROWS = 5000;
export const DEFAULT_TIME_ZONE = 'UTC';

export interface ImportIssue {
	/** 1-based line in the file (the header is line 1); 0 for problems with the file as a whole. */
	line: number;
	column: ImportColumn | '';
	reason: string;
}

export interface PlannedGrant {
	role: GrantedRole;
	team_id: string | null;
	org_unit_id: string | null;
	label: string;
}

export interface PlannedRow {
	line: number;
	email: string;
	name: string;
	action: 'create' | 'update' | 'unchanged';
	/** Human-readable changes, e.g. "team: Payroll → Accounts Payable". */
	changes: string[];
	personId: string | null;
	fields: {
		name: string;
		job_title: string;
		team_id: string | null;
		manager_email: string | null;
		time_zone: string;
	};
	/** The complete set of roles to hold after import, or null when the file has no roles column. */
	grants: PlannedGrant[] | null;
}

export interface ImportPlan {
	rows: PlannedRow[];
	issues: ImportIssue[];
	counts: { create: number; update: number; unchanged: number };
}

/** What the plan needs to know about the organisation as it is. */
export interface ImportWorld {
	people: Map<
		string,
		{
			id: string;
			name: string;
			job_title: string;
			team_id: string | null;
			manager_email: string | null;
			time_zone: string;
			active: boolean;
			grants: { role: GrantedRole; team_id: string | null; org_unit_id: string | null }[];
		}
	>;
	/** Keyed by lower-cased name. */
	teams: Map<string, { id: string; name: string; org_unit_id: string }>;
	/** Keyed by lower-cased name. */
	units: Map<string, { id: string; name: string }>;
	teamNames: Map<string, string>;
	unitNames: Map<string, string>;
	/** The admin importing: the import may not take away their own admin role. */
	actorEmail: string;
}

function normaliseHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[_-]+/g, ' ')
		.replace(/\s+/g, ' ');
}

function grantKey(g: { role: string; team_id: string | null; org_unit_id: string | null }): string {
	return `${g.role}|${g.team_id ?? ''}|${g.org_unit_id ?? ''}`;
}

function parseRoles(
	raw: string,
	teamId: string | null,
	world: ImportWorld,
	fail: (reason: string) => void
): PlannedGrant[] {
	const grants: PlannedGrant[] = [];
	const tokens = raw
		.split(/[;|]/)
		.map((t) => t.trim())
		.filter(Boolean);
	for (const token of tokens) {
		const [roleRaw = '', ...rest] = token.split(':');
		const role = roleRaw.trim().toLowerCase();
		const scopeName = rest.join(':').trim();
		if (role === 'staff') continue;
		if (role === 'admin') {
			grants.push({ role: 'admin', team_id: null, org_unit_id: null, label: 'admin' });
		} else if (role === 'manager') {
			const team = scopeName ? world.teams.get(scopeName.toLowerCase()) : teamId ? { id: teamId } : undefined;
			if (!team) {
				fail(
					scopeName ? `"${scopeName}" is not a team` : '"manager" needs a team in this row, or write manager:Team name'
				);
				continue;
			}
			grants.push({
				role: 'manager',
				team_id: team.id,
				org_unit_id: null,
				label: `manager of ${world.teamNames.get(team.id)}`
			});
		} else if (role === 'leader') {
			let unitId: string | undefined;
			if (scopeName) unitId = world.units.get(scopeName.toLowerCase())?.id;
			else if (teamId) unitId = [...world.teams.values()].find((t) => t.id === teamId)?.org_unit_id;
			if (!unitId) {
				fail(
					scopeName
						? `"${scopeName}" is not an org unit`
						: '"leader" needs a team in this row, or write leader:Unit name'
				);
				continue;
			}
			grants.push({
				role: 'leader',
				team_id: null,
				org_unit_id: unitId,
				label: `leader of ${world.unitNames.get(unitId)}`
			});
		} else {
			fail(`"${token}" is not a role; use admin, manager, manager:Team, leader or leader:Unit`);
		}
	}
	const seen = new Set<string>();
	return grants.filter((g) => !seen.has(grantKey(g)) && seen.add(grantKey(g)));
}

export function planImport(csvText: string, world: ImportWorld): ImportPlan {
	const issues: ImportIssue[] = [];
	const plan = (rows: PlannedRow[]): ImportPlan => ({
		rows,
		issues,
		counts: {
			create: rows.filter((r) => r.action === 'create').length,
			update: rows.filter((r) => r.action === 'update').length,
			unchanged: rows.filter((r) => r.action === 'unchanged').length
		}
	});

	const parsed = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
	const table = parsed.data;
	const header = (table[0] ?? []).map(normaliseHeader);
	if (header.every((h) => h === '')) {
		issues.push({ line: 0, column: '', reason: 'The file is empty. Start from the template.' });
		return plan([]);
	}
	const known = (h: string) => (importColumns as readonly string[]).includes(h);
	if (!header.some(known)) {
		// Most often a file without a header, whose first person was read as one.
		issues.push({
			line: 1,
			column: '',
			reason: `The first line must name the columns: ${formatList(requiredImportColumns)} are required; ${formatList(optionalImportColumns)} are optional. Start from the template.`
		});
		return plan([]);
	}
	for (const h of header) {
		if (h !== '' && !known(h)) {
			issues.push({ line: 1, column: '', reason: `Unknown column "${h}". Columns are: ${importColumns.join(', ')}` });
		}
	}
	for (const col of requiredImportColumns) {
		if (!header.includes(col)) {
			issues.push({
				line: 1,
				column: col,
				reason: `The required column "${col}" is missing. Every file needs the columns ${formatList(requiredImportColumns)}.`
			});
		}
	}
	if (issues.length) return plan([]);

	const has = (col: ImportColumn) => header.includes(col);
	const cell = (row: string[], col: ImportColumn) => readCsvCell(row[header.indexOf(col)] ?? '').trim();

	// Lines: papaparse keeps blank lines here, so index + 1 is the line number (for rows without
	// quoted line breaks, which staff files do not use).
	const dataRows = table
		.map((row, index) => ({ row, line: index + 1 }))
		.slice(1)
		.filter(({ row }) => row.some((v) => v.trim() !== ''));
	if (dataRows.length === 0) {
		issues.push({ line: 0, column: '', reason: 'The file has a header but no people.' });
		return plan([]);
	}
	if (dataRows.length > MAX_IMPORT_ROWS) {
		issues.push({ line: 0, column: '', reason: `At most ${MAX_IMPORT_ROWS} people per import; split the file.` });
		return plan([]);
	}

	const emailsInFile = new Map<string, number>();
	for (const { row, line } of dataRows) {
		const email = cell(row, 'email').toLowerCase();
		if (email && !emailsInFile.has(email)) emailsInFile.set(email, line);
	}

	const rows: PlannedRow[] = [];
	for (const { row, line } of dataRows) {
		const fail = (column: ImportColumn, reason: string) => issues.push({ line, column, reason });
		if (row.length > header.length && row.slice(header.length).some((v) => v.trim() !== '')) {
			fail('email', `This row has ${row.length} values but the header has ${header.length} columns`);
		}

		const emailResult = emailField.safeParse(cell(row, 'email'));
		const email = emailResult.success ? emailResult.data : cell(row, 'email');
		if (!emailResult.success) fail('email', emailResult.error.issues[0]?.message ?? 'Invalid email');
		else if (emailsInFile.get(email) !== line)
			fail('email', `This email already appears on line ${emailsInFile.get(email)}`);

		const existing = emailResult.success ? world.people.get(email) : undefined;

		const nameResult = nameField.safeParse(cell(row, 'name'));
		if (!nameResult.success) fail('name', nameResult.error.issues[0]?.message ?? 'Invalid name');
		const name = nameResult.success ? nameResult.data : cell(row, 'name');

		const jobTitle = has('job title') ? cell(row, 'job title') : (existing?.job_title ?? '');
		if (jobTitle.length > 120) fail('job title', 'A job title can be at most 120 characters');

		let teamId = existing?.team_id ?? null;
		if (has('team')) {
			const teamName = cell(row, 'team');
			if (teamName === '') teamId = null;
			else {
				const team = world.teams.get(teamName.toLowerCase());
				if (!team) fail('team', `"${teamName}" is not a team; add it under Admin › Organisation first`);
				teamId = team?.id ?? null;
			}
		}

		let managerEmail = existing?.manager_email ?? null;
		if (has('manager email')) {
			const raw = cell(row, 'manager email').toLowerCase();
			managerEmail = raw === '' ? null : raw;
			if (managerEmail) {
				const known = world.people.get(managerEmail);
				if (managerEmail === email) fail('manager email', 'A person cannot be their own manager');
				else if (!emailsInFile.has(managerEmail) && !known) {
					fail('manager email', `Nobody has the email ${managerEmail}, in Ripple or in this file`);
				} else if (known && !known.active) {
					// Imports never reactivate anyone, so listing them in the file does not help.
					fail('manager email', `${managerEmail} belongs to a deactivated person; reactivate them first`);
				}
			}
		}

		let timeZone = existing?.time_zone ?? DEFAULT_TIME_ZONE;
		if (has('time zone')) {
			const raw = cell(row, 'time zone');
			if (raw !== '') {
				if (!isTimeZone(raw)) fail('time zone', `"${raw}" is not a time zone; use a name like Europe/Amsterdam`);
				else timeZone = raw;
			}
		}

		let grants: PlannedGrant[] | null = null;
		if (has('roles')) {
			grants = parseRoles(cell(row, 'roles'), teamId, world, (reason) => fail('roles', reason));
			const keepsAdmin = grants.some((g) => g.role === 'admin');
			const hadAdmin = existing?.grants.some((g) => g.role === 'admin') ?? false;
			if (email === world.actorEmail && hadAdmin && !keepsAdmin) {
				fail('roles', 'This import would remove your own admin role; keep "admin" in your row');
			}
		}

		const changes: string[] = [];
		if (existing) {
			const teamName = (id: string | null) => (id ? (world.teamNames.get(id) ?? '?') : 'no team');
			if (name !== existing.name) changes.push(`name: ${existing.name} → ${name}`);
			if (jobTitle !== existing.job_title) changes.push(`job title: ${existing.job_title || '—'} → ${jobTitle || '—'}`);
			if (teamId !== existing.team_id) changes.push(`team: ${teamName(existing.team_id)} → ${teamName(teamId)}`);
			if (managerEmail !== existing.manager_email) {
				changes.push(`manager: ${existing.manager_email ?? 'none'} → ${managerEmail ?? 'none'}`);
			}
			if (timeZone !== existing.time_zone) changes.push(`time zone: ${existing.time_zone} → ${timeZone}`);
			if (grants) {
				const before = new Set(existing.grants.map(grantKey));
				const after = new Set(grants.map(grantKey));
				for (const g of grants) if (!before.has(grantKey(g))) changes.push(`adds role ${g.label}`);
				const removed = existing.grants.filter((g) => !after.has(grantKey(g)));
				for (const g of removed) {
					const scope = g.team_id
						? ` of ${world.teamNames.get(g.team_id)}`
						: g.org_unit_id
							? ` of ${world.unitNames.get(g.org_unit_id)}`
							: '';
					changes.push(`removes role ${g.role}${scope}`);
				}
			}
			if (!existing.active) changes.push('stays deactivated');
		}

		rows.push({
			line,
			email,
			name,
			action: existing ? (changes.filter((c) => c !== 'stays deactivated').length ? 'update' : 'unchanged') : 'create',
			changes,
			personId: existing?.id ?? null,
			fields: { name, job_title: jobTitle, team_id: teamId, manager_email: managerEmail, time_zone: timeZone },
			grants
		});
	}
	return plan(rows);
}

/** The downloadable template: the header and two example rows showing every column in use. */
export function importTemplate(exampleTeam: string): string {
	return toCsv(importColumns, [
		['sam.okafor@example.com', 'Sam Okafor', 'Team Lead', exampleTeam, '', 'Europe/London', 'manager'],
		[
			'jordan.ellis@example.com',
			'Jordan Ellis',
			'Specialist',
			exampleTeam,
			'sam.okafor@example.com',
			'Europe/London',
			''
		]
	]);
}
