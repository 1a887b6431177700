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
			user: CurrentUser | null;
			session: Session | null;
		}
	}
}

export {};
