import type { Db } from '../db';
import { config } from '../config';
import { openSecret, SecretsKeyError } from './secrets';
import { providerFromRow, providersFromEnvironment, type SsoProvider } from './sso-providers';

/**
 * Where sign-in finds its providers and the organisation's single sign-on settings: whether
 * password sign-in is off for all but the break-glass admins.
 */

const FORCED_KEY = 'sso_forced';

let environmentProviders: { raw: string | null; providers: SsoProvider[] } | null = null;

/** `SSO_PROVIDERS`, read once per value (a mistake there throws, naming the field). */
export function providersFromConfig(): SsoProvider[] {
	const raw = config.ssoProviders;
	if (environmentProviders?.raw !== raw) environmentProviders = { raw, providers: providersFromEnvironment(raw) };
	return environmentProviders.providers;
}

/**
 * Every provider people can sign in with now: the environment's, then the enabled ones stored in
 * the admin (a slug the environment already uses stays the environment's). A stored provider whose
 * secret cannot be opened (SECRETS_KEY missing or changed) is left out and logged; the admin page
 * shows it as broken.
 */
export async function signInProviders(database: Db): Promise<SsoProvider[]> {
	const fromEnvironment = providersFromConfig();
	const taken = new Set(fromEnvironment.map((p) => p.slug));
	const rows = await database
		.selectFrom('identity_providers')
		.selectAll()
		.where('enabled', '=', 1)
		.orderBy('display_name')
		.execute();
	const stored: SsoProvider[] = [];
	for (const row of rows) {
		if (taken.has(row.slug)) continue;
		try {
			stored.push(providerFromRow(row, openSecret(row.client_secret, config.secretsKey)));
		} catch (err) {
			if (!(err instanceof SecretsKeyError)) throw err;
			console.error(`Single sign-on: provider "${row.slug}" is left out: ${err.message}`);
		}
	}
	return [...fromEnvironment, ...stored];
}

export async function signInProvider(database: Db, slug: string): Promise<SsoProvider | undefined> {
	return (await signInProviders(database)).find((p) => p.slug === slug);
}

/** What an admin chose (see `ssoForced` for whether it applies now). */
export async function ssoForcedSetting(database: Db): Promise<boolean> {
	const row = await database.selectFrom('app_meta').select('value').where('key', '=', FORCED_KEY).executeTakeFirst();
	return row?.value === '1';
}

/**
 * Whether password sign-in is off for everyone but the break-glass admins. Forcing means nothing
 * without a provider to sign in with (the environment's removed, a stored one's secret unreadable):
 * then passwords work as before rather than lock everyone out. A caller that already holds
 * `signInProviders` passes them, so they are not read again.
 */
export async function ssoForced(database: Db, providers?: readonly SsoProvider[]): Promise<boolean> {
	return (await ssoForcedSetting(database)) && (providers ?? (await signInProviders(database))).length > 0;
}

export async function isBreakGlass(database: Db, personId: string): Promise<boolean> {
	const row = await database
		.selectFrom('sso_break_glass')
		.select('person_id')
		.where('person_id', '=', personId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Whether this person may sign in (or set a password) with a password today. */
export async function passwordsAllowedFor(database: Db, personId: string): Promise<boolean> {
	return !(await ssoForced(database)) || (await isBreakGlass(database, personId));
}
