import { defaultLocale } from '../org/settings';
import { recordAudit, wordAudit } from '../audit/log';
import { issueInvite } from '../auth/invites';
import type { Db } from '../db';
import { newId } from '../db/ids';
import { allTeams, allUnits, teamNames } from '../org/directory';
import { importTemplate, planImport, type ImportPlan, type ImportWorld } from './import-plan';
import {
	allGrants,
	insertPerson,
	newPersonRow,
	peopleWithManagerEmails,
	personIdsByEmail,
	replaceGrants,
	updatePerson
} from './queries';
import type { Actor } from '../auth/actor';
import { groupBy } from '../../group';
import { baseLocale } from '../../i18n/locales';

/** The staff template, its examples in the first team by name (or a made-up one before there are any). */
export async function staffImportTemplate(database: Db): Promise<string> {
	const [first] = await teamNames(database);
	return importTemplate(first ?? 'Payroll');
}

/** Everything an import is checked against; the actor is recognised by id among the people. */
export async function loadImportWorld(database: Db, actor: Actor): Promise<ImportWorld> {
	const [people, grants, teamRows, unitRows] = await Promise.all([
		peopleWithManagerEmails(database),
		allGrants(database),
		allTeams(database),
		allUnits(database)
	]);
	const teams = teamRows.map(({ id, name, org_unit_id }) => ({ id, name, org_unit_id }));
	const units = unitRows.map(({ id, name }) => ({ id, name }));
	const grantsByPerson = groupBy(grants, (g) => g.person_id);
	return {
		people: new Map(
			people.map((p) => [
				p.email,
				{
					id: p.id,
					name: p.name,
					job_title: p.job_title,
					team_id: p.team_id,
					manager_email: p.manager_email,
					time_zone: p.time_zone,
					active: p.active === 1,
					grants: (grantsByPerson.get(p.id) ?? []).map(({ role, team_id, org_unit_id }) => ({
						role,
						team_id,
						org_unit_id
					}))
				}
			])
		),
		teams: new Map(teams.map((t) => [t.name.toLowerCase(), t])),
		units: new Map(units.map((u) => [u.name.toLowerCase(), u])),
		teamNames: new Map(teams.map((t) => [t.id, t.name])),
		unitNames: new Map(units.map((u) => [u.id, u.name])),
		actorEmail: people.find((p) => p.id === actor.id)?.email ?? ''
	};
}

export async function previewImport(database: Db, actor: Actor, csvText: string): Promise<ImportPlan> {
	return planImport(csvText, await loadImportWorld(database, actor));
}

export type ImportOutcome =
	| { ok: false; plan: ImportPlan }
	| { ok: true; plan: ImportPlan; invites: { name: string; email: string; token: string; expiresAt: Date }[] };

/**
 * Applies an import in one transaction: every row or none. The plan is rebuilt inside the
 * transaction from the file itself, so what is applied is checked against the data as it is now,
 * not as it was when the preview was shown.
 */
export async function applyImport(database: Db, actor: Actor, csvText: string, now: Date): Promise<ImportOutcome> {
	return database.transaction().execute(async (trx) => {
		const plan = planImport(csvText, await loadImportWorld(trx, actor));
		if (plan.issues.length > 0) return { ok: false as const, plan };

		const at = now.toISOString();
		const idByEmail = new Map<string, string>();
		const invites: { name: string; email: string; token: string; expiresAt: Date }[] = [];

		// People the import creates start in the organisation's language; they change it in their profile.
		const language = await defaultLocale(trx);
		for (const row of plan.rows) {
			const base = {
				name: row.fields.name,
				job_title: row.fields.job_title,
				team_id: row.fields.team_id,
				time_zone: row.fields.time_zone
			};
			if (row.action === 'create') {
				const person = newPersonRow({ email: row.email, ...base, language }, now);
				await insertPerson(trx, person);
				idByEmail.set(row.email, person.id);
			} else if (row.personId) {
				idByEmail.set(row.email, row.personId);
				if (row.action === 'update') await updatePerson(trx, row.personId, { ...base, updated_at: at });
			}
		}

		// Managers second: a row may name a manager created further down the same file.
		const managerIds = await personIdsByEmail(trx, [
			...new Set(plan.rows.flatMap((r) => (r.fields.manager_email ? [r.fields.manager_email] : [])))
		]);
		for (const row of plan.rows) {
			if (row.action === 'unchanged') continue;
			const managerId = row.fields.manager_email ? (managerIds.get(row.fields.manager_email) ?? null) : null;
			await updatePerson(trx, idByEmail.get(row.email)!, { manager_id: managerId });
		}

		for (const row of plan.rows) {
			if (row.grants === null || row.action === 'unchanged') continue;
			await replaceGrants(
				trx,
				idByEmail.get(row.email)!,
				row.grants.map((g) => ({
					id: newId(),
					role: g.role,
					team_id: g.team_id,
					org_unit_id: g.org_unit_id,
					created_at: at
				}))
			);
		}

		for (const row of plan.rows) {
			if (row.action !== 'create') continue;
			const invite = await issueInvite(trx, idByEmail.get(row.email)!, actor.id, now);
			invites.push({ name: row.name, email: row.email, token: invite.token, expiresAt: invite.expiresAt });
		}

		await recordAudit(trx, {
			actorId: actor.id,
			action: 'import.applied',
			objectType: 'import',
			objectId: null,
			summary: {
				code: 'admin_audit_import_applied',
				params: { created: plan.counts.create, changed: plan.counts.update, unchanged: plan.counts.unchanged }
			},
			// The changes as the English summary reads: details are a record, not a page to translate.
			details: {
				created: plan.rows.filter((r) => r.action === 'create').map((r) => r.email),
				changed: plan.rows
					.filter((r) => r.action === 'update')
					.map((r) => ({ email: r.email, changes: r.changes.map((c) => wordAudit(c, baseLocale)) }))
			},
			ip: actor.ip,
			at: now
		});
		return { ok: true as const, plan, invites };
	});
}
