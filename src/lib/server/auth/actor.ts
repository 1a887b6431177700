import type { Scope } from '../people/rules';
import type { CurrentUser } from './current-user';

import { baseLocale, matchLocale, type Locale } from '../../i18n/locales';

export type { Locale };

/**
 * Who is acting in a request: built once by `hooks.server.ts` (`locals.actor`) and handed as it is
 * to every service. Services decide what the actor may do through their domain's policy module;
 * the audit log records `id` and `ip`.
 */
export interface Actor {
	/** The signed-in person's id. */
	id: string;
	/** The client's address as the adapter sees it (behind a proxy, per ADDRESS_HEADER). */
	ip: string | null;
	scope: Scope;
	/** IANA time zone the person's dates are shown and entered in. */
	timeZone: string;
	locale: Locale;
}

export function actorFor(user: CurrentUser, ip: string | null): Actor {
	return {
		id: user.id,
		ip,
		scope: user.scope,
		timeZone: user.timeZone,
		locale: matchLocale(user.language) ?? baseLocale
	};
}
