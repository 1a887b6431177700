import { livePairsForReminders } from '../buddies/pairs';
import { pairHealth } from '../buddies/rules';
import type { Db } from '../db';
import { feedbackReceivedBetween } from '../feedback/service';
import { completionsBehindMajor, openLearningDueBetween } from '../learning/reminders';
import { sessionsForReminders } from '../lunch-and-learn/service';
import { teamManagers } from '../people/directory';
import { visitsForReminders } from '../shadowing/service';
import { instantToZoned, zonedToInstant } from '../../time';
import { metricsMissingDue, scorecardSummariesDue } from './month-start';
import { readersOf, type DueReminder } from './reminder-ledger';
import {
	daysBetween,
	isoWeekday,
	DUE_SOON_DAYS,
	learningReminder,
	MANAGER_OVERDUE_DAYS,
	OVERDUE_WEEKS,
	remindersDueOn
} from './rules';

export { makeReminders, type DueReminder } from './reminder-ledger';

/**
 * Time-based reminders: found by the scheduler on each pass, each falling on a day of its reader's
 * calendar once their digest time has passed. A reminder is made once: its ledger key (person,
 * object, kind, day) is claimed in the transaction that writes it, so a second pass, a restarted
 * scheduler or another instance running at the same moment finds the key taken and makes nothing.
 */

const DAY = 86_400_000;
const dateOf = (instant: Date) => instant.toISOString().slice(0, 10);

/** Learning: due soon and overdue to the learner; a member well overdue to their managers' digest. */
export async function learningRemindersDue(database: Db, now: Date): Promise<DueReminder[]> {
	// Every zone's today lies within a day of UTC's; the window covers the furthest reminder.
	const from = dateOf(new Date(now.getTime() - (2 + 7 * OVERDUE_WEEKS) * DAY));
	const to = dateOf(new Date(now.getTime() + (1 + Math.max(...DUE_SOON_DAYS)) * DAY));
	const open = await openLearningDueBetween(database, from, to);
	if (open.length === 0) return [];
	const readers = await readersOf(database, [...new Set(open.flatMap((o) => [o.personId, ...o.managerIds]))]);
	const due: DueReminder[] = [];
	for (const item of open) {
		const subject = { type: 'assignment', id: item.assignmentId };
		const href = `/learn/${item.item.startsWith('path:') ? 'paths/' : ''}${item.item.split(':')[1]}`;
		const learner = readers.get(item.personId);
		const today = learner?.active ? remindersDueOn(now, learner.timeZone, learner.digestTime) : null;
		const reminder = today ? learningReminder(today, item.dueOn) : null;
		if (today && reminder) {
			due.push({
				key: `${item.personId}|${item.assignmentId}|${reminder.kind}|${today}`,
				notice: {
					to: item.personId,
					kind: reminder.kind,
					subject,
					href,
					params: { item: item.item, due: item.dueOn, days: reminder.days }
				}
			});
		}
		for (const managerId of item.managerIds) {
			const manager = readers.get(managerId);
			const managerToday = manager?.active ? remindersDueOn(now, manager.timeZone, manager.digestTime) : null;
			if (!managerToday) continue;
			const late = -daysBetween(managerToday, item.dueOn);
			// Once per member and assignment, in the week it crosses the line (not, for instance, for
			// every long-overdue assignment on the day reminders are first switched on).
			if (late < MANAGER_OVERDUE_DAYS || late >= MANAGER_OVERDUE_DAYS + 7) continue;
			due.push({
				key: `${managerId}|${item.assignmentId}|${item.personId}|learning.member_overdue`,
				notice: {
					to: managerId,
					kind: 'learning.member_overdue',
					subject,
					href: '/learn/team',
					params: { member: item.personName, item: item.item, due: item.dueOn, days: late }
				}
			});
		}
	}
	return due;
}

/** The local calendar day an instant falls on for a reader. */
const localDay = (iso: string, timeZone: string) => instantToZoned(new Date(iso), timeZone).date;
const dayBefore = (date: string) => dateOf(new Date(Date.parse(`${date}T12:00:00Z`) - DAY));

/**
 * Shadowing: the day before a confirmed visit, to the visitor and the host; after it, the
 * visitor's reflection and the host's feedback, once and, if still not written three days later,
 * once more.
 */
export async function shadowingRemindersDue(database: Db, now: Date): Promise<DueReminder[]> {
	const visits = await visitsForReminders(
		database,
		new Date(now.getTime() - 6 * DAY).toISOString(),
		new Date(now.getTime() + 3 * DAY).toISOString()
	);
	if (visits.length === 0) return [];
	const readers = await readersOf(database, [...new Set(visits.flatMap((v) => [v.visitor_id, v.host_id]))]);
	const due: DueReminder[] = [];
	for (const v of visits) {
		const base = { visit: v.id, visitor: v.visitor, team: v.team, starts_at: v.starts_at };
		const subject = { type: 'visit', id: v.id };
		const href = `/connect/shadowing/visits/${v.id}`;
		for (const [personId, role] of [
			[v.visitor_id, 'visitor'],
			[v.host_id, 'host']
		] as const) {
			const reader = readers.get(personId);
			const today = reader?.active ? remindersDueOn(now, reader.timeZone, reader.digestTime) : null;
			if (!reader || !today) continue;
			if (v.starts_at > now.toISOString() && today === dayBefore(localDay(v.starts_at, reader.timeZone)))
				due.push({
					key: `${personId}|${v.id}|shadowing.day_before`,
					notice: { to: personId, kind: 'shadowing.day_before', subject, href, params: { ...base, role } }
				});
			if (v.ends_at > now.toISOString()) continue;
			const written = role === 'visitor' ? v.reflected_at : v.host_feedback_at;
			if (written) continue;
			const after = daysBetween(localDay(v.ends_at, reader.timeZone), today);
			const kind = role === 'visitor' ? 'shadowing.reflection_due' : 'shadowing.feedback_due';
			if (after >= 1 && after < 4)
				due.push({
					key: `${personId}|${v.id}|${kind}`,
					notice: { to: personId, kind, subject, href, params: { ...base, again: false } }
				});
			if (after >= 4 && after < 7)
				due.push({
					key: `${personId}|${v.id}|${kind}|again`,
					notice: { to: personId, kind, subject, href, params: { ...base, again: true } }
				});
		}
	}
	return due;
}

/** Lunch-and-learn: the day before, to everyone going. */
export async function sessionRemindersDue(database: Db, now: Date): Promise<DueReminder[]> {
	const places = await sessionsForReminders(
		database,
		now.toISOString(),
		new Date(now.getTime() + 3 * DAY).toISOString()
	);
	if (places.length === 0) return [];
	const readers = await readersOf(database, [...new Set(places.map((p) => p.person_id))]);
	return places.flatMap((p) => {
		const reader = readers.get(p.person_id);
		const today = reader?.active ? remindersDueOn(now, reader.timeZone, reader.digestTime) : null;
		if (!reader || !today || today !== dayBefore(localDay(p.starts_at, reader.timeZone))) return [];
		return [
			{
				key: `${p.person_id}|${p.id}|sessions.reminder`,
				notice: {
					to: p.person_id,
					kind: 'sessions.reminder' as const,
					subject: { type: 'session', id: p.id },
					href: `/connect/sessions/${p.id}`,
					params: { session: p.id, topic: p.topic, starts_at: p.starts_at }
				}
			}
		];
	});
}

/** After publishing: two weeks without a logged meeting (both buddies, then a week on the owner); later, a quiet spell. */
export async function buddyRemindersDue(database: Db, now: Date): Promise<DueReminder[]> {
	const pairs = await livePairsForReminders(database, dateOf(now));
	if (pairs.length === 0) return [];
	const readers = await readersOf(database, [
		...new Set(pairs.flatMap((p) => [...p.members.map((m) => m.id), ...(p.owner_id ? [p.owner_id] : [])]))
	]);
	const due: DueReminder[] = [];
	for (const pair of pairs) {
		const subject = { type: 'pair', id: pair.id };
		const href = `/connect/buddies/pairs/${pair.id}`;
		const met = pair.meetings.filter((m) => m.met === 1);
		const published = pair.published_at ?? now.toISOString();
		const names = pair.members.map((m) => m.name);
		for (const member of pair.members) {
			const reader = readers.get(member.id);
			const today = reader?.active ? remindersDueOn(now, reader.timeZone, reader.digestTime) : null;
			if (!reader || !today) continue;
			const buddies = names.filter((n) => n !== member.name);
			const sincePublished = daysBetween(localDay(published, reader.timeZone), today);
			if (met.length === 0 && sincePublished >= 14 && sincePublished < 21)
				due.push({
					key: `${member.id}|${pair.id}|buddies.no_meeting`,
					notice: {
						to: member.id,
						kind: 'buddies.no_meeting',
						subject,
						href,
						params: { cycle: pair.cycle, buddies, owner: false }
					}
				});
			const health = pairHealth(pair.meetings, today);
			if (health.state === 'quiet') {
				// One nudge per quiet spell: the spell is named by the last meeting.
				const last = met
					.map((m) => m.met_on)
					.sort()
					.at(-1);
				due.push({
					key: `${member.id}|${pair.id}|buddies.quiet|${last}`,
					notice: {
						to: member.id,
						kind: 'buddies.quiet',
						subject,
						href,
						params: { cycle: pair.cycle, buddies, weeks: health.weeks }
					}
				});
			}
		}
		const owner = pair.owner_id ? readers.get(pair.owner_id) : undefined;
		const ownerToday = owner?.active ? remindersDueOn(now, owner.timeZone, owner.digestTime) : null;
		if (pair.owner_id && owner && ownerToday && met.length === 0) {
			const sincePublished = daysBetween(localDay(published, owner.timeZone), ownerToday);
			if (sincePublished >= 21 && sincePublished < 28)
				due.push({
					key: `${pair.owner_id}|${pair.id}|buddies.no_meeting`,
					notice: {
						to: pair.owner_id,
						kind: 'buddies.no_meeting',
						subject,
						href,
						params: { cycle: pair.cycle, buddies: names, owner: true }
					}
				});
		}
	}
	return due;
}

/** A new major version of a module someone completed: once per person, module and version. */
export async function newVersionsDue(database: Db, now: Date): Promise<DueReminder[]> {
	const behind = await completionsBehindMajor(database);
	if (behind.length === 0) return [];
	const readers = await readersOf(database, [...new Set(behind.map((b) => b.personId))]);
	return behind.flatMap((b) => {
		const reader = readers.get(b.personId);
		if (!reader?.active || !remindersDueOn(now, reader.timeZone, reader.digestTime)) return [];
		return [
			{
				key: `${b.personId}|${b.module}|learning.new_version|${b.major}`,
				notice: {
					to: b.personId,
					kind: 'learning.new_version' as const,
					subject: { type: 'module', id: b.module },
					href: `/learn/${b.module}`,
					params: { module: b.module, major: b.major }
				}
			}
		];
	});
}

/**
 * Weekly, on each manager's Monday at their digest time: the case feedback their team received in
 * the seven days before. Counts always; the average and net score only from the anonymity
 * threshold up, as everywhere else in Ripple.
 */
export async function feedbackWeekDue(database: Db, now: Date): Promise<DueReminder[]> {
	const weeks = await feedbackReceivedBetween(
		database,
		new Date(now.getTime() - 8 * DAY).toISOString(),
		now.toISOString()
	);
	if (weeks.length === 0) return [];
	const managers = (
		await teamManagers(
			database,
			weeks.map((w) => w.teamId)
		)
	).flatMap((m) => (m.teamId ? [{ teamId: m.teamId, personId: m.personId }] : []));
	const readers = await readersOf(database, [...new Set(managers.map((m) => m.personId))]);
	const due: DueReminder[] = [];
	for (const { teamId, personId } of managers) {
		const reader = readers.get(personId);
		const today = reader?.active ? remindersDueOn(now, reader.timeZone, reader.digestTime) : null;
		if (!reader || !today || isoWeekday(today) !== 1) continue;
		// The seven days before this Monday morning, on the manager's clock.
		const until = zonedToInstant(today, '00:00', reader.timeZone).toISOString();
		const from = new Date(Date.parse(until) - 7 * DAY).toISOString();
		const [week] = await feedbackReceivedBetween(database, from, until).then((all) =>
			all.filter((w) => w.teamId === teamId)
		);
		if (!week || week.volume === 0) continue;
		due.push({
			key: `${personId}|${teamId}|measure.feedback_week|${today}`,
			notice: {
				to: personId,
				kind: 'measure.feedback_week',
				subject: { type: 'team', id: teamId },
				href: `/measure/teams/${teamId}/feedback`,
				params: {
					team: week.team,
					count: week.volume,
					average: week.enough ? week.average : null,
					netScore: week.enough ? week.netScore : null
				}
			}
		});
	}
	return due;
}

/** Every reminder due now, from every domain that has them. */
export async function remindersDue(database: Db, now: Date): Promise<DueReminder[]> {
	const found = await Promise.all([
		learningRemindersDue(database, now),
		shadowingRemindersDue(database, now),
		sessionRemindersDue(database, now),
		buddyRemindersDue(database, now),
		newVersionsDue(database, now),
		feedbackWeekDue(database, now),
		metricsMissingDue(database, now),
		scorecardSummariesDue(database, now)
	]);
	return found.flat();
}
