import type { Locale } from '$lib/i18n/locales';
import type { Actor } from '$lib/server/auth/actor';
import type { CurrentUser } from '$lib/server/auth/current-user';
import type { Session } from '$lib/server/db/schema';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** Shown on the error page so a person can quote it to whoever reads the logs. */
			reference?: string;
		}
		interface Locals {
			/** The signed-in person, for showing who they are. */
			user: CurrentUser | null;
			/** The same person as every service takes them: who is acting, from where, in what scope. */
			actor: Actor | null;
			session: Session | null;
			/** The language every message of this request is in (hooks.server.ts, `language`). */
			locale: Locale;
		}
	}
}

export {};
