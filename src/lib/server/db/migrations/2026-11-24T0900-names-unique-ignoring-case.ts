import { sql, type Kysely } from 'kysely';

// Frozen once shipped: later changes get a migration of their own.

/**
 * Team names unique ignoring case, and unit names unique ignoring case among the units under one
 * parent. Metric imports and the metrics API find a team by its name in any case, so two teams
 * called "Finance Operations" and "finance operations" made one of them unreachable by name.
 *
 * Existing data may already hold such names. Rather than let the index fail with a bare
 * constraint error, or rename anything on its own, the migration stops and lists them; an admin
 * renames one of each and migrates again. The comparison is the app's (JavaScript's lower case,
 * ignoring surrounding spaces), which folds at least as much as either database's lower(), so
 * every pair the indexes would refuse is reported here first.
 */

const key = (name: string) => name.trim().toLowerCase();

/** Rows that share a group and a name key, oldest id first; sorted here so both databases agree. */
function clashes<T extends { id: string; name: string }>(rows: readonly T[], group: (row: T) => string): T[][] {
	const byKey = new Map<string, T[]>();
	for (const row of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
		const k = `${group(row)}\u0000${key(row.name)}`;
		byKey.set(k, [...(byKey.get(k) ?? []), row]);
	}
	return [...byKey.entries()]
		.filter(([, same]) => same.length > 1)
		.sort(([a], [b]) => (a < b ? -1 : 1))
		.map(([, same]) => same);
}

const listed = (rows: readonly { id: string; name: string }[]) =>
	rows.map((r) => `"${r.name}" (${r.id})`).join(' and ');

export async function up(db: Kysely<any>): Promise<void> {
	const teams = await db.selectFrom('teams').select(['id', 'name']).execute();
	const units = await db.selectFrom('org_units').select(['id', 'name', 'parent_id']).execute();
	const unitName = new Map(units.map((u) => [u.id, u.name]));
	const problems = [
		...clashes(teams, () => '').map((same) => `- teams ${listed(same)}`),
		...clashes(units, (u) => u.parent_id ?? '').map((same) => {
			const parent = same[0]!.parent_id;
			return `- units ${listed(same)}, ${parent ? `both under "${unitName.get(parent)}"` : 'both at the top level'}`;
		})
	];
	if (problems.length > 0) {
		throw new Error(
			[
				'Team names, and the names of units under the same parent, must now differ by more than case. These do not:',
				...problems,
				'Nothing was changed. Rename one of each (in Admin › Organisation on the version you are upgrading from,',
				'or in the database), then migrate again (npm run db:migrate, or start Ripple).'
			].join('\n')
		);
	}

	await db.schema
		.createIndex('teams_name_ignoring_case')
		.on('teams')
		.unique()
		.expression(sql`lower(name)`)
		.execute();
	// Top-level units have no parent; coalesce makes them siblings of one another, as NULLs never clash.
	await db.schema
		.createIndex('org_units_parent_name_ignoring_case')
		.on('org_units')
		.unique()
		.expression(sql`coalesce(parent_id, ''), lower(name)`)
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropIndex('org_units_parent_name_ignoring_case').execute();
	await db.schema.dropIndex('teams_name_ignoring_case').execute();
}
