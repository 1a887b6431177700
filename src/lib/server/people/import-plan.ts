import Papa from 'papaparse';
import { formatList } from '../../intl';
import { isTimeZone } from '../../locale';
import { m } from '../../paraglide/messages.js';
import { emailField, nameField } from '../../schemas/people';
import { readCsvCell, toCsv } from '../csv';
import type { GrantedRole } from '../db/schema';
import type { Refusal } from '../service-result';

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
/** The one change that changes nothing: a deactivated person in the file stays deactivated. */
const STAYS_DEACTIVATED = 'admin_import_change_stays_deactivated';
export const DEFAULT_TIME_ZONE = 'UTC';

/**
 * A message key and its inputs, worded by the page in the reader's language; or text already
 * worded in it (what the shared field schemas say about an email or a name).
 */
export type ImportText = Refusal | string;

export interface ImportIssue {
	/** 1-based line in the file (the header is line 1); 0 for problems with the file as a whole. */
	line: number;
	column: ImportColumn | '';
	reason: ImportText;
}

export interface PlannedGrant {
	role: GrantedRole;
	team_id: string | null;
	org_unit_id: string | null;
}

export interface PlannedRow {
	line: number;
	email: string;
	name: string;
	action: 'create' | 'update' | 'unchanged';
	/** What changes, as the page words it: "team: Payroll → Accounts Payable". */
	changes: Refusal[];
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

/** A role the import adds or removes, as the preview lists it: "adds role manager of Payroll". */
function roleChange(
	grant: { role: GrantedRole; team_id: string | null; org_unit_id: string | null },
	world: ImportWorld,
	added: boolean
): Refusal {
	if (grant.role === 'manager' && grant.team_id) {
		const team = world.teamNames.get(grant.team_id) ?? '?';
		return {
			code: added ? 'admin_import_change_adds_manager' : 'admin_import_change_removes_manager',
			params: { team }
		};
	}
	if (grant.role === 'leader' && grant.org_unit_id) {
		const unit = world.unitNames.get(grant.org_unit_id) ?? '?';
		return { code: added ? 'admin_import_change_adds_leader' : 'admin_import_change_removes_leader', params: { unit } };
	}
	return { code: added ? 'admin_import_change_adds_admin' : 'admin_import_change_removes_admin' };
}

/** A change from one value to another, where either side may be nothing ("team: no team → Payroll"). */
function valueChange(
	codes: { both: Refusal['code']; set: Refusal['code']; cleared: Refusal['code'] },
	from: string | null,
	to: string | null
): Refusal {
	if (from === null) return { code: codes.set, params: { to: to ?? '' } };
	if (to === null) return { code: codes.cleared, params: { from } };
	return { code: codes.both, params: { from, to } };
}

function parseRoles(
	raw: string,
	teamId: string | null,
	world: ImportWorld,
	fail: (reason: Refusal) => void
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
			grants.push({ role: 'admin', team_id: null, org_unit_id: null });
		} else if (role === 'manager') {
			const team = scopeName ? world.teams.get(scopeName.toLowerCase()) : teamId ? { id: teamId } : undefined;
			if (!team) {
				fail(
					scopeName
						? { code: 'admin_import_role_team_unknown', params: { team: scopeName } }
						: { code: 'admin_import_role_manager_needs_team' }
				);
				continue;
			}
			grants.push({ role: 'manager', team_id: team.id, org_unit_id: null });
		} else if (role === 'leader') {
			let unitId: string | undefined;
			if (scopeName) unitId = world.units.get(scopeName.toLowerCase())?.id;
			else if (teamId) unitId = [...world.teams.values()].find((t) => t.id === teamId)?.org_unit_id;
			if (!unitId) {
				fail(
					scopeName
						? { code: 'admin_import_role_unit_unknown', params: { unit: scopeName } }
						: { code: 'admin_import_role_leader_needs_team' }
				);
				continue;
			}
			grants.push({ role: 'leader', team_id: null, org_unit_id: unitId });
		} else {
			fail({ code: 'admin_import_role_unknown', params: { role: token } });
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
		issues.push({ line: 0, column: '', reason: { code: 'admin_import_file_empty' } });
		return plan([]);
	}
	const known = (h: string) => (importColumns as readonly string[]).includes(h);
	if (!header.some(known)) {
		// Most often a file without a header, whose first person was read as one.
		issues.push({
			line: 1,
			column: '',
			reason: {
				code: 'admin_import_header_missing',
				params: { required: formatList(requiredImportColumns), optional: formatList(optionalImportColumns) }
			}
		});
		return plan([]);
	}
	for (const h of header) {
		if (h !== '' && !known(h)) {
			issues.push({
				line: 1,
				column: '',
				reason: { code: 'admin_import_column_unknown', params: { column: h, columns: importColumns.join(', ') } }
			});
		}
	}
	for (const col of requiredImportColumns) {
		if (!header.includes(col)) {
			issues.push({
				line: 1,
				column: col,
				reason: {
					code: 'admin_import_column_missing',
					params: { column: col, required: formatList(requiredImportColumns) }
				}
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
		issues.push({ line: 0, column: '', reason: { code: 'admin_import_no_people' } });
		return plan([]);
	}
	if (dataRows.length > MAX_IMPORT_ROWS) {
		issues.push({
			line: 0,
			column: '',
			reason: { code: 'admin_import_too_many_rows', params: { count: MAX_IMPORT_ROWS } }
		});
		return plan([]);
	}

	const emailsInFile = new Map<string, number>();
	for (const { row, line } of dataRows) {
		const email = cell(row, 'email').toLowerCase();
		if (email && !emailsInFile.has(email)) emailsInFile.set(email, line);
	}

	const rows: PlannedRow[] = [];
	for (const { row, line } of dataRows) {
		const fail = (column: ImportColumn, reason: ImportText) => issues.push({ line, column, reason });
		if (row.length > header.length && row.slice(header.length).some((v) => v.trim() !== '')) {
			fail('email', { code: 'admin_import_row_too_long', params: { values: row.length, columns: header.length } });
		}

		const emailResult = emailField.safeParse(cell(row, 'email'));
		const email = emailResult.success ? emailResult.data : cell(row, 'email');
		if (!emailResult.success) fail('email', emailResult.error.issues[0]?.message ?? { code: 'email_invalid' });
		else if (emailsInFile.get(email) !== line) {
			fail('email', { code: 'admin_import_email_repeated', params: { line: emailsInFile.get(email) ?? 0 } });
		}

		const existing = emailResult.success ? world.people.get(email) : undefined;

		const nameResult = nameField.safeParse(cell(row, 'name'));
		if (!nameResult.success) fail('name', nameResult.error.issues[0]?.message ?? { code: 'name_required' });
		const name = nameResult.success ? nameResult.data : cell(row, 'name');

		const jobTitle = has('job title') ? cell(row, 'job title') : (existing?.job_title ?? '');
		if (jobTitle.length > 120) {
			fail('job title', { code: 'field_too_long', params: { label: m.field_job_title(), max: 120 } });
		}

		let teamId = existing?.team_id ?? null;
		if (has('team')) {
			const teamName = cell(row, 'team');
			if (teamName === '') teamId = null;
			else {
				const team = world.teams.get(teamName.toLowerCase());
				if (!team) fail('team', { code: 'admin_import_team_unknown', params: { team: teamName } });
				teamId = team?.id ?? null;
			}
		}

		let managerEmail = existing?.manager_email ?? null;
		if (has('manager email')) {
			const raw = cell(row, 'manager email').toLowerCase();
			managerEmail = raw === '' ? null : raw;
			if (managerEmail) {
				const known = world.people.get(managerEmail);
				if (managerEmail === email) fail('manager email', { code: 'admin_person_own_manager' });
				else if (!emailsInFile.has(managerEmail) && !known) {
					fail('manager email', { code: 'admin_import_manager_unknown', params: { email: managerEmail } });
				} else if (known && !known.active) {
					// Imports never reactivate anyone, so listing them in the file does not help.
					fail('manager email', { code: 'admin_import_manager_deactivated', params: { email: managerEmail } });
				}
			}
		}

		let timeZone = existing?.time_zone ?? DEFAULT_TIME_ZONE;
		if (has('time zone')) {
			const raw = cell(row, 'time zone');
			if (raw !== '') {
				if (!isTimeZone(raw)) fail('time zone', { code: 'admin_import_time_zone_unknown', params: { zone: raw } });
				else timeZone = raw;
			}
		}

		let grants: PlannedGrant[] | null = null;
		if (has('roles')) {
			grants = parseRoles(cell(row, 'roles'), teamId, world, (reason) => fail('roles', reason));
			const keepsAdmin = grants.some((g) => g.role === 'admin');
			const hadAdmin = existing?.grants.some((g) => g.role === 'admin') ?? false;
			if (email === world.actorEmail && hadAdmin && !keepsAdmin) {
				fail('roles', { code: 'admin_import_keeps_own_admin' });
			}
		}

		const changes: Refusal[] = [];
		if (existing) {
			const teamName = (id: string | null) => (id ? (world.teamNames.get(id) ?? '?') : null);
			if (name !== existing.name) {
				changes.push({ code: 'admin_import_change_name', params: { from: existing.name, to: name } });
			}
			if (jobTitle !== existing.job_title) {
				changes.push({
					code: 'admin_import_change_job_title',
					params: { from: existing.job_title || '—', to: jobTitle || '—' }
				});
			}
			if (teamId !== existing.team_id) {
				const codes = {
					both: 'admin_import_change_team',
					set: 'admin_import_change_team_set',
					cleared: 'admin_import_change_team_cleared'
				} as const;
				changes.push(valueChange(codes, teamName(existing.team_id), teamName(teamId)));
			}
			if (managerEmail !== existing.manager_email) {
				const codes = {
					both: 'admin_import_change_manager',
					set: 'admin_import_change_manager_set',
					cleared: 'admin_import_change_manager_cleared'
				} as const;
				changes.push(valueChange(codes, existing.manager_email, managerEmail));
			}
			if (timeZone !== existing.time_zone) {
				changes.push({ code: 'admin_import_change_time_zone', params: { from: existing.time_zone, to: timeZone } });
			}
			if (grants) {
				const before = new Set(existing.grants.map(grantKey));
				const after = new Set(grants.map(grantKey));
				for (const g of grants) if (!before.has(grantKey(g))) changes.push(roleChange(g, world, true));
				for (const g of existing.grants) if (!after.has(grantKey(g))) changes.push(roleChange(g, world, false));
			}
			if (!existing.active) changes.push({ code: STAYS_DEACTIVATED });
		}

		rows.push({
			line,
			email,
			name,
			action: existing ? (changes.some((c) => c.code !== STAYS_DEACTIVATED) ? 'update' : 'unchanged') : 'create',
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
