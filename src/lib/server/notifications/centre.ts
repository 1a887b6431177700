import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import type { NotificationCategory } from '../db/schema';
import { markRead, notificationOf, notificationsOf, unreadOf } from './queries';
import { wordNotification } from './wording';

/**
 * The in-app notification centre: what the header counts, the list a person reads, and marking as
 * read. A person only ever reads their own notifications; every query is keyed by their id.
 */

/** The header shows up to this many unread, then "99+". */
export const UNREAD_SHOWN = 99;
export const PAGE_SIZE = 20;

const pathOf = (href: string) => href.split(/[?#]/, 1)[0]!;

/**
 * The unread count for the header. Opening the page a notification points to counts as reading
 * it, so the visit a request was about stops waiting in the centre once the person has seen it.
 */
export async function unreadForHeader(database: Db, personId: string, pathname: string, now: Date) {
	const unread = await unreadOf(database, personId, UNREAD_SHOWN + 1);
	const seen = unread.filter((n) => pathOf(n.href) === pathname).map((n) => n.id);
	if (seen.length > 0) await markRead(database, personId, seen, now.toISOString());
	return unread.length - seen.length;
}

export interface CentreItem {
	id: string;
	category: NotificationCategory;
	title: string;
	body: string;
	action: string;
	createdAt: string;
	read: boolean;
}

/** One page of the actor's notifications, newest first, worded in the request's language. */
export async function centrePage(database: Db, actor: Actor, filter: { unreadOnly: boolean; page: number }) {
	const { rows, total } = await notificationsOf(database, actor.id, {
		unreadOnly: filter.unreadOnly,
		limit: PAGE_SIZE,
		offset: (filter.page - 1) * PAGE_SIZE
	});
	const items: CentreItem[] = rows.flatMap((row) => {
		const wording = wordNotification(row.kind, JSON.parse(row.params) as unknown, { timeZone: actor.timeZone });
		if (!wording) return [];
		return [
			{
				id: row.id,
				category: row.category,
				...wording,
				createdAt: row.created_at,
				read: row.read_at !== null
			}
		];
	});
	return { items, total };
}

/** Marks one of the actor's notifications read and says where it leads; undefined if not theirs. */
export async function openNotification(database: Db, actor: Actor, id: string, now: Date) {
	const found = await notificationOf(database, actor.id, id);
	if (!found) return undefined;
	if (!found.read_at) await markRead(database, actor.id, [id], now.toISOString());
	return found.href;
}

export async function markNotificationsRead(database: Db, actor: Actor, ids: readonly string[] | 'all', now: Date) {
	await markRead(database, actor.id, ids, now.toISOString());
}
