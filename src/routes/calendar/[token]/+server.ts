import { error } from '@sveltejs/kit';
import { matchLocale } from '$lib/i18n/locales';
import { m } from '$lib/paraglide/messages';
import { feedFile } from '$lib/server/calendar/ics';
import { feedItems, feedOwner } from '$lib/server/calendar/items';
import { db } from '$lib/server/db';
import { organisationLocale } from '$lib/server/org/settings';
import type { RequestHandler } from './$types';

/**
 * A person's private subscription feed, for Outlook or Google Calendar: /calendar/<secret>.ics.
 * The secret in the address is the only credential; regenerating it on the profile ends the old one.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const token = params.token.replace(/\.ics$/, '');
	const owner = await feedOwner(db(), token);
	if (!owner) error(404, m.connect_calendar_feed_not_found());
	// Calendar apps fetch the feed without anyone signed in: its events speak the owner's language.
	const locale = matchLocale(owner.language) ?? (await organisationLocale.get());
	const items = await feedItems(db(), owner.id, url.origin, new Date(), locale);
	return new Response(feedFile(items, `Ripple · ${owner.name}`), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, max-age=300' }
	});
};
