import { z } from 'zod';
import { zonedToInstant } from '../../time';
import type { Db } from '../db';
import { newId } from '../db/ids';
import type { Actor } from '../auth/actor';
import { rejected, type ServiceResult } from '../service-result';
import { pairAccess, type PairAccess } from './policy';
import { pairHealth, suggestedAgenda, type PairHealth } from './rules';
import { calendarDay } from '../../schemas/dates';

export const meetingSchema = z.object({
	met: z.enum(['yes', 'no'], 'Say whether you met'),
	met_on: calendarDay('Choose the date'),
	rating: z.string().optional(),
	notes: z.string().trim().max(1000, 'Keep notes under 1,000 characters')
});

export const fitSchema = z.object({
	fit: z.enum(['good', 'unsure', 'repair'], 'Choose how it is going'),
	note: z.string().trim().max(500, 'Keep the note under 500 characters')
});

const parseList = (json: string): string[] => {
	try {
		const v: unknown = JSON.parse(json);
		return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
	} catch {
		return [];
	}
};

async function pairRecord(database: Db, pairId: string) {
	const pair = await database
		.selectFrom('buddy_pairs')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.select([
			'buddy_pairs.id',
			'buddy_pairs.cycle_id',
			'buddy_pairs.breakdown',
			'buddy_cycles.name as cycle_name',
			'buddy_cycles.status',
			'buddy_cycles.owner_id',
			'buddy_cycles.ends_on'
		])
		.where('buddy_pairs.id', '=', pairId)
		.executeTakeFirst();
	if (!pair) return undefined;
	const members = await database
		.selectFrom('buddy_pair_members')
		.innerJoin('people', 'people.id', 'buddy_pair_members.person_id')
		.leftJoin('teams', 'teams.id', 'people.team_id')
		.leftJoin('org_units', 'org_units.id', 'teams.org_unit_id')
		.leftJoin('buddy_participants', (join) =>
			join.onRef('buddy_participants.person_id', '=', 'people.id').on('buddy_participants.cycle_id', '=', pair.cycle_id)
		)
		.select([
			'people.id',
			'people.name',
			'people.email',
			'people.team_id',
			'people.manager_id',
			'teams.name as team',
			'org_units.path as unit_path',
			'buddy_participants.goals',
			'buddy_participants.learn',
			'buddy_participants.offer'
		])
		.where('buddy_pair_members.pair_id', '=', pairId)
		.orderBy('people.name')
		.execute();
	return { pair, members };
}

/** What the actor may do with a pair record. */
const accessTo = (actor: Actor, record: NonNullable<Awaited<ReturnType<typeof pairRecord>>>) =>
	pairAccess(actor.scope, record.pair, record.members);

/** What a person may do with a pair, or null when it does not exist for them (checked before any form is read). */
export async function pairAccessFor(database: Db, actor: Actor, pairId: string): Promise<PairAccess | null> {
	const record = await pairRecord(database, pairId);
	if (!record || record.pair.status === 'open') return null;
	const access = accessTo(actor, record);
	return access.any ? access : null;
}

export async function pairPage(database: Db, actor: Actor, pairId: string, today: string) {
	const record = await pairRecord(database, pairId);
	if (!record || record.pair.status === 'open') return undefined;
	const access = accessTo(actor, record);
	if (!access.any) return undefined;
	const [meetings, fits] = await Promise.all([
		database
			.selectFrom('buddy_meetings')
			.innerJoin('people', 'people.id', 'buddy_meetings.logged_by')
			.select([
				'buddy_meetings.id',
				'buddy_meetings.met',
				'buddy_meetings.met_on',
				'buddy_meetings.rating',
				'buddy_meetings.notes',
				'people.name as logged_by'
			])
			.where('pair_id', '=', pairId)
			.orderBy('met_on', 'desc')
			.execute(),
		database.selectFrom('buddy_fit_checks').selectAll().where('pair_id', '=', pairId).execute()
	]);
	const profiles = record.members.map((m) => ({
		id: m.id,
		name: m.name,
		email: m.email,
		team: m.team,
		goals: m.goals ?? '',
		learn: parseList(m.learn ?? '[]'),
		offer: parseList(m.offer ?? '[]')
	}));
	return {
		id: pairId,
		cycle: { id: record.pair.cycle_id, name: record.pair.cycle_name, endsOn: record.pair.ends_on },
		members: profiles,
		agenda: profiles.length >= 2 ? suggestedAgenda(profiles[0]!, profiles[1]!) : [],
		meetings,
		// Each buddy's fit check is for the cycle owner (and whoever oversees the pair), not for the other buddy.
		fits: access.member
			? []
			: fits.map((f) => ({ ...f, name: profiles.find((p) => p.id === f.person_id)?.name ?? '' })),
		health: pairHealth(meetings, today),
		isMember: access.member,
		hasMet: meetings.some((m) => m.met === 1),
		myFit: fits.find((f) => f.person_id === actor.id) ?? null
	};
}

export async function logMeeting(
	database: Db,
	actor: Actor,
	pairId: string,
	input: z.infer<typeof meetingSchema>,
	today: string,
	now: Date
): Promise<ServiceResult<object>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return rejected({ _form: 'Only the buddies log their meetings' });
	if (input.met_on > today) return rejected({ met_on: 'Log meetings on or after the day they happen' });
	const rating = input.met === 'yes' ? Number(input.rating) : null;
	if (input.met === 'yes' && (!Number.isInteger(rating) || rating! < 1 || rating! > 4))
		return rejected({ rating: 'Rate the meeting from 1 to 4' });
	await database
		.insertInto('buddy_meetings')
		.values({
			id: newId(),
			pair_id: pairId,
			logged_by: actor.id,
			met: input.met === 'yes' ? 1 : 0,
			met_on: input.met_on,
			rating,
			notes: input.notes,
			created_at: now.toISOString()
		})
		.execute();
	return { ok: true };
}

/** Whether the buddies have logged a meeting that took place: the fit can be recorded from then on. */
export async function haveMet(database: Db, pairId: string): Promise<boolean> {
	const met = await database
		.selectFrom('buddy_meetings')
		.select('id')
		.where('pair_id', '=', pairId)
		.where('met', '=', 1)
		.executeTakeFirst();
	return met !== undefined;
}

/** After the first meeting, each buddy says how the fit is; "repair" asks the owner for a new buddy. */
export async function recordFit(
	database: Db,
	actor: Actor,
	pairId: string,
	input: z.infer<typeof fitSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return rejected({ _form: 'Only the buddies record the fit' });
	if (!(await haveMet(database, pairId))) return rejected({ _form: 'Record the fit after your first meeting' });
	await database
		.insertInto('buddy_fit_checks')
		.values({
			pair_id: pairId,
			person_id: actor.id,
			fit: input.fit,
			note: input.note,
			created_at: now.toISOString()
		})
		.onConflict((oc) =>
			oc
				.columns(['pair_id', 'person_id'])
				.doUpdateSet({ fit: input.fit, note: input.note, created_at: now.toISOString() })
		)
		.execute();
	return { ok: true };
}

/** Published pairs a person is in, newest cycle first. */
export async function myPairs(database: Db, personId: string, today: string) {
	const rows = await database
		.selectFrom('buddy_pair_members as mine')
		.innerJoin('buddy_pairs', 'buddy_pairs.id', 'mine.pair_id')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_pairs.cycle_id')
		.innerJoin('buddy_pair_members as other', 'other.pair_id', 'buddy_pairs.id')
		.innerJoin('people', 'people.id', 'other.person_id')
		.select([
			'buddy_pairs.id',
			'buddy_cycles.name as cycle',
			'buddy_cycles.ends_on',
			'buddy_cycles.starts_on',
			'people.name',
			'people.id as person_id'
		])
		.where('mine.person_id', '=', personId)
		.where('other.person_id', '!=', personId)
		.where('buddy_cycles.status', 'in', ['published', 'closed'])
		.orderBy('buddy_cycles.starts_on', 'desc')
		.execute();
	const ids = [...new Set(rows.map((r) => r.id))];
	const meetings = ids.length
		? await database
				.selectFrom('buddy_meetings')
				.select(['pair_id', 'met', 'met_on'])
				.where('pair_id', 'in', ids)
				.execute()
		: [];
	return ids.map((id) => {
		const mine = rows.filter((r) => r.id === id);
		return {
			id,
			cycle: mine[0]!.cycle,
			current: mine[0]!.ends_on >= today,
			buddies: mine.map((r) => r.name),
			health: pairHealth(
				meetings.filter((m) => m.pair_id === id),
				today
			) as PairHealth
		};
	});
}

/** Every pair of a published cycle with its health, for owners and managers. */
export async function cycleHealth(database: Db, cycleId: string, today: string, onlyPeople?: ReadonlySet<string>) {
	const pairs = await database.selectFrom('buddy_pairs').select('id').where('cycle_id', '=', cycleId).execute();
	if (!pairs.length) return [];
	const ids = pairs.map((p) => p.id);
	const [members, meetings, fits] = await Promise.all([
		database
			.selectFrom('buddy_pair_members')
			.innerJoin('people', 'people.id', 'buddy_pair_members.person_id')
			.select(['pair_id', 'people.id', 'people.name'])
			.where('pair_id', 'in', ids)
			.execute(),
		database.selectFrom('buddy_meetings').select(['pair_id', 'met', 'met_on']).where('pair_id', 'in', ids).execute(),
		database.selectFrom('buddy_fit_checks').select(['pair_id', 'fit']).where('pair_id', 'in', ids).execute()
	]);
	return ids
		.map((id) => ({
			id,
			members: members.filter((m) => m.pair_id === id).map((m) => ({ id: m.id, name: m.name })),
			health: pairHealth(
				meetings.filter((m) => m.pair_id === id),
				today
			),
			meetings: meetings.filter((m) => m.pair_id === id && m.met === 1).length,
			repair: fits.some((f) => f.pair_id === id && f.fit === 'repair')
		}))
		.filter((p) => !onlyPeople || p.members.some((m) => onlyPeople.has(m.id)))
		.sort((a, b) => (a.members[0]?.name ?? '').localeCompare(b.members[0]?.name ?? ''));
}

export const planSchema = z.object({
	date: calendarDay('Choose a date'),
	time: z.string().regex(/^\d{2}:\d{2}$/, 'Choose a time'),
	minutes: z.coerce
		.number('Enter the length in minutes')
		.int()
		.min(15, 'At least 15 minutes')
		.max(180, 'At most 3 hours'),
	place: z.string().trim().max(200, 'Keep the place short')
});

/** Plans the next meeting in the planner's time zone, so both buddies can add it to their calendars. */
export async function planMeeting(
	database: Db,
	actor: Actor,
	pairId: string,
	input: z.infer<typeof planSchema>,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return rejected({ _form: 'Only the buddies plan their meetings' });
	const start = zonedToInstant(input.date, input.time, actor.timeZone);
	if (start <= now) return rejected({ date: 'Choose a time in the future' });
	const id = newId();
	await database
		.insertInto('buddy_plans')
		.values({
			id,
			pair_id: pairId,
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + input.minutes * 60_000).toISOString(),
			place: input.place,
			created_by: actor.id,
			sequence: 0,
			created_at: now.toISOString(),
			updated_at: now.toISOString(),
			cancelled_at: null
		})
		.execute();
	return { ok: true, id };
}

export async function cancelPlan(
	database: Db,
	actor: Actor,
	pairId: string,
	planId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return rejected({ _form: 'Only the buddies change their meetings' });
	await database
		.updateTable('buddy_plans')
		.set((eb) => ({ cancelled_at: now.toISOString(), updated_at: now.toISOString(), sequence: eb('sequence', '+', 1) }))
		.where('id', '=', planId)
		.where('pair_id', '=', pairId)
		.execute();
	return { ok: true };
}

export async function plansOf(database: Db, pairId: string, since: Date) {
	return database
		.selectFrom('buddy_plans')
		.selectAll()
		.where('pair_id', '=', pairId)
		.where('ends_at', '>=', since.toISOString())
		.orderBy('starts_at')
		.execute();
}

/** A planned meeting as a calendar item, with both buddies; null when the viewer is not one of them. */
export async function planForCalendar(database: Db, actor: Actor, pairId: string, planId: string) {
	const record = await pairRecord(database, pairId);
	if (!record || !accessTo(actor, record).member) return null;
	const plan = await database
		.selectFrom('buddy_plans')
		.selectAll()
		.where('id', '=', planId)
		.where('pair_id', '=', pairId)
		.executeTakeFirst();
	if (!plan) return null;
	return {
		plan,
		members: record.members.map((m) => ({ name: m.name, email: m.email })),
		cycleName: record.pair.cycle_name
	};
}
