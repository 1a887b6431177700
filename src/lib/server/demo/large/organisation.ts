import { DEMO_META_KEY } from '../accounts';
import type { Context } from './plan';
import { closeAll, DAY, idMaker, iso, TableWriter, type Written } from './rows';

/** Org units, teams, people (managers before their reports) and role grants, then the demo marker. */
export async function seedOrganisation({ trx, seed, nowMs, org }: Context, passwordHash: string): Promise<Written> {
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
		.values({ key: DEMO_META_KEY, value: '1' })
		.onConflict((oc) => oc.column('key').doUpdateSet({ value: '1' }))
		.execute();
	return writers;
}
