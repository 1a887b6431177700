/**
 * What the running app knows about the demo: the sign-in accounts and their password, which the
 * sign-in page lists, and whether the loaded data is a demo at all. This is the one demo module the
 * app imports; the story data and the generators stay with the seed CLI and out of the server
 * bundle (tests/e2e/demo-bundle.spec.ts checks).
 */
import type { Db } from '../db';
import type { Role } from '../people/rules';

/** Every demo person signs in with this; the sign-in page shows it when the demo is loaded. */
export const DEMO_PASSWORD = 'ripple-demo-2026';

/** Set in `app_meta` by both seeds (the demo and the large organisation). */
export const DEMO_META_KEY = 'demo';

export interface DemoAccount {
	email: string;
	role: Role;
	name: string;
}

/** One account per role, listed on the sign-in page so a visitor can try each point of view. */
export const demoAccounts: readonly DemoAccount[] = [
	{
		email: 'staff@ripple.test',
		role: 'staff',
		name: 'Priya Raman'
	},
	{
		email: 'manager@ripple.test',
		role: 'manager',
		name: 'Tomasz Nowak'
	},
	{
		email: 'leader@ripple.test',
		role: 'leader',
		name: 'Hannah de Vries'
	},
	{
		email: 'admin@ripple.test',
		role: 'admin',
		name: 'Amara Nwosu'
	}
];

/** Whether the current data is a demo (the sign-in page then lists the demo accounts). */
export async function hasDemoData(db: Db): Promise<boolean> {
	const row = await db.selectFrom('app_meta').select('value').where('key', '=', DEMO_META_KEY).executeTakeFirst();
	return row?.value === '1';
}
