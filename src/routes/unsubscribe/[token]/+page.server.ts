import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { stopEmails } from '$lib/server/notifications/preferences';
import { readUnsubscribeToken } from '$lib/server/notifications/unsubscribe';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad } from './$types';

/**
 * An email's unsubscribe link, without signing in. Opening it only asks (link checkers and
 * previews open links); the button, or the mail provider's one-click POST (RFC 8058), stops the
 * emails. The token names one person and one category; the page shows the category, nobody's name.
 */
async function tokenOrNotFound(token: string) {
	const found = await readUnsubscribeToken(db(), token);
	if (!found) error(404, m.notify_unsubscribe_invalid());
	return found;
}

export const load: PageServerLoad = async ({ params }) => {
	const { category } = await tokenOrNotFound(params.token);
	return { category };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const { personId, category } = await tokenOrNotFound(params.token);
		await stopEmails(db(), personId, category);
		return { stopped: true };
	}
};
