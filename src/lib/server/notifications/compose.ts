import addressparser from 'nodemailer/lib/addressparser';
import { asLocale, intlLocale, type Locale } from '../../i18n/locales';
import { isTimeZone } from '../../locale';
import { m } from '../../paraglide/messages.js';
import { invitationFile, type CalendarItem } from '../calendar/ics';
import { buddyPlanItem, lunchSessionItem, visitItem } from '../calendar/items';
import { planCalendarContext } from '../buddies/pairs';
import { sessionForCalendar } from '../lunch-and-learn/service';
import type { Db } from '../db';
import type { EmailDelivery, NotificationCategory } from '../db/schema';
import { inLocale } from '../in-locale';
import { visitContext } from '../shadowing/service';
import { emailHtml, emailText, type EmailBlock, type EmailContent } from './email-layout';
import { isNotificationKind, kindSpec, type CalendarRef } from './kinds';
import { wordNotification } from './wording';
import { ALWAYS_IMMEDIATE } from './rules';
import { unsubscribeToken } from './unsubscribe';
import { formatCount } from '../../intl';
import { categoryLabels, label } from '../../notification-labels';

/**
 * Writes one email of the outbox, in its reader's language and time zone, from what is true when
 * it is written: a digest leaves out what the reader has read since, an invitation carries the
 * event's current SEQUENCE.
 */

export interface Reader {
	id: string;
	name: string;
	email: string;
	language: string;
	time_zone: string;
}

export interface DigestItem {
	id: string;
	category: NotificationCategory;
	kind: string;
	href: string;
	params: string;
}

export interface ComposedEmail {
	locale: Locale;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

export interface ComposeContext {
	database: Db;
	origin: string;
	from: string;
	organisation: string;
}

export const categoryLabel = (category: NotificationCategory): string => label(categoryLabels, category);

/** The sender's address as an iTIP organiser. */
function organiserOf(from: string): { name: string; email: string } {
	const [parsed] = addressparser(from, { flatten: true });
	return { name: parsed?.name || 'Ripple', email: parsed?.address || 'ripple@localhost' };
}

async function calendarItem(ctx: ComposeContext, ref: CalendarRef, locale: Locale): Promise<CalendarItem | null> {
	if (ref.type === 'visit') {
		const visit = await visitContext(ctx.database, ref.id);
		return visit ? visitItem(visit, ctx.origin, locale) : null;
	}
	if (ref.type === 'plan') {
		const [pairId, planId] = ref.id.split('/') as [string, string];
		const found = await planCalendarContext(ctx.database, pairId, planId);
		return found ? buddyPlanItem(found.plan, found.members, found.cycleName, ctx.origin, locale) : null;
	}
	if (ref.type === 'session') {
		const session = await sessionForCalendar(ctx.database, ref.id);
		return session
			? lunchSessionItem(session, { name: session.organiser_name, email: session.organiser_email }, ctx.origin, locale)
			: null;
	}
	return null;
}

async function footer(ctx: ComposeContext, reader: Reader | null, category: NotificationCategory) {
	const preferences = { label: m.notify_email_preferences(), url: `${ctx.origin}/notifications/settings` };
	if (!reader || category === ALWAYS_IMMEDIATE)
		return { reason: m.notify_email_reason_account(), links: [preferences], unsubscribe: null };
	const url = `${ctx.origin}/unsubscribe/${await unsubscribeToken(ctx.database, reader.id, category)}`;
	return {
		reason: m.notify_email_reason({ category: categoryLabel(category) }),
		links: [{ label: m.notify_email_unsubscribe({ category: categoryLabel(category) }), url }, preferences],
		unsubscribe: url
	};
}

function headersFor(unsubscribe: string | null): Record<string, string> {
	const headers: Record<string, string> = { 'Auto-Submitted': 'auto-generated' };
	if (unsubscribe) {
		headers['List-Unsubscribe'] = `<${unsubscribe}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	return headers;
}

function finish(
	locale: Locale,
	subject: string,
	content: Omit<EmailContent, 'lang' | 'footer'>,
	foot: Awaited<ReturnType<typeof footer>>,
	calendar: ComposedEmail['calendar']
): ComposedEmail {
	const full: EmailContent = { ...content, lang: intlLocale(locale), footer: foot };
	return {
		locale,
		subject,
		text: emailText(full),
		html: emailHtml(full),
		headers: headersFor(foot.unsubscribe),
		calendar
	};
}

/** One notification's email (or an email-only message such as an invitation). */
export async function composeSingle(
	ctx: ComposeContext,
	delivery: Pick<EmailDelivery, 'kind' | 'category' | 'params' | 'to_address'>,
	reader: Reader | null
): Promise<ComposedEmail | null> {
	if (!isNotificationKind(delivery.kind)) return null;
	const spec = kindSpec(delivery.kind);
	const { href, params } = JSON.parse(delivery.params) as { href: string; params: unknown };
	const locale = asLocale(reader?.language);
	const timeZone = reader && isTimeZone(reader.time_zone) ? reader.time_zone : 'UTC';
	const ref = spec.calendar?.(params) ?? null;
	const item = ref ? await calendarItem(ctx, ref, locale) : null;
	const foot = await inLocale(locale, () => footer(ctx, reader, spec.category));
	return inLocale(locale, () => {
		const wording = wordNotification(delivery.kind, params, { timeZone })!;
		const calendar =
			item && reader
				? {
						method: item.status === 'cancelled' ? ('CANCEL' as const) : ('REQUEST' as const),
						content: invitationFile(item, item.status === 'cancelled' ? 'CANCEL' : 'REQUEST', organiserOf(ctx.from), {
							name: reader.name,
							email: reader.email
						})
					}
				: null;
		const block: EmailBlock = {
			heading: wording.title,
			body: calendar ? `${wording.body} ${m.notify_email_calendar_attached()}` : wording.body,
			link: { label: wording.action, url: `${ctx.origin}${href}` }
		};
		return finish(
			locale,
			wording.title,
			{
				organisation: ctx.organisation,
				greeting: reader ? m.notify_email_greeting({ name: reader.name }) : m.notify_email_greeting_anonymous(),
				intro: null,
				blocks: [block]
			},
			foot,
			calendar
		);
	});
}

/** A digest of unread notifications, newest first; null when nothing is left to tell. */
export async function composeDigest(
	ctx: ComposeContext,
	kind: 'daily' | 'weekly',
	items: readonly DigestItem[],
	reader: Reader
): Promise<ComposedEmail | null> {
	const locale = asLocale(reader.language);
	const timeZone = isTimeZone(reader.time_zone) ? reader.time_zone : 'UTC';
	const categoriesIn = [...new Set(items.map((i) => i.category))];
	// One unsubscribe link per digest: it stops the digest's only category, or leads to the settings.
	const foot = await inLocale(locale, async () => {
		if (categoriesIn.length === 1) return footer(ctx, reader, categoriesIn[0]!);
		return {
			reason: m.notify_email_reason_digest(),
			links: [{ label: m.notify_email_preferences(), url: `${ctx.origin}/notifications/settings` }],
			unsubscribe: null
		};
	});
	return inLocale(locale, () => {
		const blocks: EmailBlock[] = items.flatMap((item) => {
			if (!isNotificationKind(item.kind)) return [];
			const wording = wordNotification(item.kind, JSON.parse(item.params) as unknown, { timeZone })!;
			return [
				{
					label: categoryLabel(item.category),
					heading: wording.title,
					body: wording.body,
					link: { label: wording.action, url: `${ctx.origin}${item.href}` }
				}
			];
		});
		if (blocks.length === 0) return null;
		const count = formatCount(blocks.length, {
			one: m.notify_digest_update_one(),
			other: m.notify_digest_update_other()
		});
		return finish(
			locale,
			kind === 'daily' ? m.notify_digest_daily_subject({ count }) : m.notify_digest_weekly_subject({ count }),
			{
				organisation: ctx.organisation,
				greeting: m.notify_email_greeting({ name: reader.name }),
				intro: kind === 'daily' ? m.notify_digest_daily_intro() : m.notify_digest_weekly_intro(),
				blocks
			},
			foot,
			null
		);
	});
}

/** The admin's test email: proof that the mail server takes Ripple's messages. */
export function composeTest(ctx: ComposeContext, by: string, locale: Locale): ComposedEmail {
	return inLocale(locale, () =>
		finish(
			locale,
			m.notify_test_subject(),
			{
				organisation: ctx.organisation,
				greeting: m.notify_email_greeting_anonymous(),
				intro: null,
				blocks: [
					{
						heading: m.notify_test_subject(),
						body: m.notify_test_body({ by }),
						link: { label: m.notify_test_action(), url: `${ctx.origin}/admin/notifications` }
					}
				]
			},
			{ reason: m.notify_email_reason_test(), links: [], unsubscribe: null },
			null
		)
	);
}
