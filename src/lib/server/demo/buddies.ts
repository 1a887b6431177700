import type { Db } from '../db';
import { newId } from '../db/ids';
import { workingDayAt } from './working-days';

const DAY = 86_400_000;

/**
 * A closed cycle and a current published one, with pairs in every health state (on track, gone
 * quiet, never met) and one asking to be re-paired.
 */
export async function seedDemoBuddies(
	trx: Db,
	ids: { people: Map<string, string>; members: Map<string, string[]> },
	now: Date
): Promise<void> {
	const member = (team: string, index: number) => {
		const list = ids.members.get(team) ?? [];
		return list[index % Math.max(1, list.length)]!;
	};
	const company = await trx
		.selectFrom('org_units')
		.select('id')
		.where('parent_id', 'is', null)
		.executeTakeFirstOrThrow();
	const admin = ids.people.get('admin@ripple.test')!;
	const staff = ids.people.get('staff@ripple.test')!;
	const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);
	const cycle = async (name: string, start: number, end: number, status: 'closed' | 'published') => {
		const id = newId();
		await trx
			.insertInto('buddy_cycles')
			.values({
				id,
				name,
				starts_on: day(start),
				ends_on: day(end),
				mode: 'opt_in',
				status,
				owner_id: admin,
				created_at: new Date(now.getTime() + (start - 14) * DAY).toISOString(),
				published_at: new Date(now.getTime() + start * DAY).toISOString()
			})
			.execute();
		await trx.insertInto('buddy_cycle_units').values({ cycle_id: id, org_unit_id: company.id }).execute();
		return id;
	};
	const past = await cycle('2026 Q2', -200, -110, 'closed');
	// Next quarter's cycle is open for nominations: the demo manager puts people forward.
	const leader = ids.people.get('leader@ripple.test')!;
	const next = newId();
	await trx
		.insertInto('buddy_cycles')
		.values({
			id: next,
			name: '2027 Q1',
			starts_on: day(50),
			ends_on: day(140),
			mode: 'nominated',
			status: 'open',
			owner_id: leader,
			created_at: now.toISOString(),
			published_at: null
		})
		.execute();
	await trx.insertInto('buddy_cycle_units').values({ cycle_id: next, org_unit_id: company.id }).execute();
	const current = await cycle('2026 Q4', -42, 48, 'published');
	const profile = (goals: string, learn: string[], offer: string[]) => ({
		goals,
		learn: JSON.stringify(learn),
		offer: JSON.stringify(offer),
		interests: '[]',
		hours_start: 540,
		hours_end: 1020,
		time_zone: 'Europe/London',
		nominated_by: null,
		excluded: 0
	});
	const pair = async (
		cycleId: string,
		people: [string, string],
		score: number,
		reasons: [number, string][],
		meetings: [number, number][],
		repair = false
	) => {
		const id = newId();
		await trx
			.insertInto('buddy_pairs')
			.values({
				id,
				cycle_id: cycleId,
				locked: 0,
				score_cents: score * 100,
				breakdown: JSON.stringify(reasons.map(([points, reason]) => ({ points, reason }))),
				created_at: now.toISOString()
			})
			.execute();
		await trx
			.insertInto('buddy_pair_members')
			.values(people.map((person_id) => ({ pair_id: id, person_id })))
			.execute();
		for (const p of people) {
			await trx
				.insertInto('buddy_participants')
				.values({
					cycle_id: cycleId,
					person_id: p,
					joined_at: now.toISOString(),
					...profile('Understand how my work lands in another part of the business.', ['Customer calls'], ['Excel'])
				})
				.onConflict((oc) => oc.columns(['cycle_id', 'person_id']).doNothing())
				.execute();
		}
		for (const [daysAgo, rating] of meetings) {
			await trx
				.insertInto('buddy_meetings')
				.values({
					id: newId(),
					pair_id: id,
					logged_by: people[0],
					met: 1,
					met_on: day(-daysAgo),
					rating,
					notes: '',
					created_at: now.toISOString()
				})
				.execute();
		}
		if (repair)
			await trx
				.insertInto('buddy_fit_checks')
				.values({
					pair_id: id,
					person_id: people[1],
					fit: 'repair',
					note: 'Our hours barely overlap.',
					created_at: now.toISOString()
				})
				.execute();
		return id;
	};
	await pair(
		past,
		[staff, member('Order Management', 1)],
		9,
		[
			[4, 'customer-facing with back-office'],
			[3, 'complementary topics: Excel, customer calls']
		],
		[
			[190, 3],
			[160, 4]
		]
	);
	const staffPair = await pair(
		current,
		[staff, member('Customer Care', 2)],
		10,
		[
			[4, 'customer-facing with back-office'],
			[3, 'complementary topics: Excel, customer calls'],
			[2, '4 hours of overlapping working time']
		],
		[
			[30, 3],
			[8, 4]
		]
	);
	// They planned to meet two working days ago and nobody has logged it yet: it waits on both.
	const planned = workingDayAt(now, -2, '12:30', 'Europe/London');
	await trx
		.insertInto('buddy_plans')
		.values({
			id: newId(),
			pair_id: staffPair,
			starts_at: planned.toISOString(),
			ends_at: new Date(planned.getTime() + 45 * 60_000).toISOString(),
			place: 'Canteen, ground floor',
			created_by: staff,
			sequence: 0,
			created_at: new Date(now.getTime() - 9 * DAY).toISOString(),
			updated_at: new Date(now.getTime() - 9 * DAY).toISOString(),
			cancelled_at: null
		})
		.execute();
	await pair(
		current,
		[member('Payroll', 1), member('Service Desk', 2)],
		6,
		[
			[4, 'customer-facing with back-office'],
			[2, '6 hours of overlapping working time']
		],
		[[35, 2]]
	);
	await pair(
		current,
		[member('Accounts Receivable', 2), member('Order Management', 3)],
		8,
		[
			[4, 'customer-facing with back-office'],
			[3, 'complementary topics: Reporting']
		],
		[]
	);
	await pair(
		current,
		[member('General Ledger & Reporting', 1), member('Field Sales Support', 1)],
		5,
		[
			[4, 'customer-facing with back-office'],
			[1, '1 hour of overlapping working time']
		],
		[[20, 1]],
		true
	);
}
