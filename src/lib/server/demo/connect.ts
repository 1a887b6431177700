import type { Db } from '../db';
import { newId } from '../db/ids';

/**
 * Connect activity for the demo: recognition across departments and lunch-and-learn sessions,
 * some coming up (one full, with a waitlist) and some past with attendance marked.
 */
const DAY = 86_400_000;
const HOUR = 3_600_000;

export async function seedDemoConnect(
	trx: Db,
	ids: { people: Map<string, string>; members: Map<string, string[]> },
	now: Date
): Promise<void> {
	const staff = ids.people.get('staff@ripple.test')!;
	const manager = ids.people.get('manager@ripple.test')!;
	const leader = ids.people.get('leader@ripple.test')!;
	const admin = ids.people.get('admin@ripple.test')!;
	const pick = (team: string, index: number) => {
		const list = ids.members.get(team) ?? [];
		return list[index % Math.max(1, list.length)]!;
	};
	const care1 = pick('Customer Care', 1);
	const care2 = pick('Customer Care', 2);
	const desk = pick('Service Desk', 1);
	const payroll = pick('Payroll', 1);
	const ar = pick('Accounts Receivable', 1);
	const orders = pick('Order Management', 1);
	const ago = (days: number, hours = 0) => new Date(now.getTime() - days * DAY - hours * HOUR).toISOString();

	const thanks: { from: string; to: string[]; behaviour: string; message: string; cross: boolean; at: string }[] = [
		{
			from: care1,
			to: [staff],
			behaviour: 'ownership',
			cross: true,
			at: ago(2, 3),
			message:
				'Priya chased a stuck supplier refund through two teams and rang the customer herself to say it was on its way. The complaint closed the same day.'
		},
		{
			from: manager,
			to: [staff],
			behaviour: 'clear-communication',
			cross: false,
			at: ago(9),
			message:
				'Your supplier update on the payment-run delay was clear, early and honest. Three suppliers wrote back to say thanks.'
		},
		{
			from: staff,
			to: [care2],
			behaviour: 'collaboration',
			cross: true,
			at: ago(5),
			message:
				'Thank you for letting me shadow your queue on Tuesday. I now flag invoice holds that will turn into customer calls.'
		},
		{
			from: desk,
			to: [payroll],
			behaviour: 'reliability',
			cross: true,
			at: ago(12),
			message:
				'You promised the overtime fix by Friday and called on Thursday to say it was done. The night shift noticed.'
		},
		{
			from: leader,
			to: [manager, ar],
			behaviour: 'leading-by-example',
			cross: false,
			at: ago(15),
			message: 'Running the month-end retro with Customer Care in the room changed what we measure. Thank you both.'
		},
		{
			from: orders,
			to: [ar],
			behaviour: 'customer-focus',
			cross: true,
			at: ago(20),
			message: 'You spotted that the credit hold would stop a key customer’s order and sorted it before they noticed.'
		},
		{
			from: admin,
			to: [desk],
			behaviour: 'empathy',
			cross: true,
			at: ago(25),
			message: 'You stayed calm with a very frustrated new starter and got them working before their first meeting.'
		}
	];
	for (const t of thanks) {
		const id = newId();
		await trx
			.insertInto('recognitions')
			.values({
				id,
				from_id: t.from,
				behaviour_slug: t.behaviour,
				message: t.message,
				cross_department: t.cross ? 1 : 0,
				created_at: t.at
			})
			.execute();
		await trx
			.insertInto('recognition_recipients')
			.values([...new Set(t.to)].map((person_id) => ({ recognition_id: id, person_id })))
			.execute();
	}

	// Sessions: noon in London, whole days from now.
	const noon = (daysFromNow: number) => {
		const d = new Date(now.getTime() + daysFromNow * DAY);
		d.setUTCHours(12, 0, 0, 0);
		return d;
	};
	const session = (fields: {
		topic: string;
		description: string;
		presenter: string;
		organiser: string;
		day: number;
		minutes: number;
		place: string;
		video: string;
		capacity: number;
	}) => {
		const start = noon(fields.day);
		return {
			id: newId(),
			topic: fields.topic,
			description: fields.description,
			presenter_id: fields.presenter,
			organiser_id: fields.organiser,
			starts_at: start.toISOString(),
			ends_at: new Date(start.getTime() + fields.minutes * 60_000).toISOString(),
			time_zone: 'Europe/London',
			place: fields.place,
			video_url: fields.video,
			capacity: fields.capacity,
			sequence: 0,
			created_at: ago(10),
			updated_at: ago(10),
			cancelled_at: null
		};
	};
	const upcoming = [
		session({
			topic: 'A day on the Customer Care phones',
			description:
				'What the top five call reasons are, which of them start in the back office, and what an agent can see on their screen when you put an invoice on hold.',
			presenter: care1,
			organiser: pick('Customer Care', 0),
			day: 6,
			minutes: 45,
			place: 'Atrium, 2nd floor',
			video: 'https://meet.example.com/care-day',
			capacity: 25
		}),
		session({
			topic: 'Month-end close, explained in 30 minutes',
			description:
				'Why we ask for accruals by day three, what happens if they arrive late, and how it shows up in the reports business units read.',
			presenter: ar,
			organiser: manager,
			day: 10,
			minutes: 30,
			place: '',
			video: 'https://meet.example.com/month-end',
			capacity: 40
		}),
		session({
			topic: 'Reading a payslip like an employee does',
			description:
				'A walk through the questions employees actually ask about their payslips, and the three changes that cut payroll queries by a third in our pilot team.',
			presenter: payroll,
			organiser: leader,
			day: 3,
			minutes: 45,
			place: 'Room 4.12',
			video: '',
			capacity: 3
		})
	];
	const past = [
		session({
			topic: 'How the Service Desk triages your tickets',
			description: 'Priority rules, what makes a ticket bounce, and how to write one that gets solved first time.',
			presenter: desk,
			organiser: pick('Service Desk', 0),
			day: -14,
			minutes: 45,
			place: 'Atrium, 2nd floor',
			video: '',
			capacity: 20
		}),
		session({
			topic: 'Orders that go wrong, and why',
			description:
				'Order Management walks through three real orders that went wrong and where the back office could have caught them.',
			presenter: orders,
			organiser: manager,
			day: -30,
			minutes: 45,
			place: '',
			video: 'https://meet.example.com/orders',
			capacity: 30
		})
	];
	await trx
		.insertInto('lunch_sessions')
		.values([...upcoming, ...past])
		.execute();

	const rsvp = (
		sessionId: string,
		personId: string,
		status: 'going' | 'waitlist',
		hoursAgo: number,
		attended: number | null = null
	) => ({
		session_id: sessionId,
		person_id: personId,
		status,
		rsvp_at: ago(0, hoursAgo),
		attended
	});
	const full = upcoming[2]!;
	await trx
		.insertInto('lunch_rsvps')
		.values([
			rsvp(upcoming[0]!.id, manager, 'going', 30),
			rsvp(upcoming[0]!.id, staff, 'going', 26),
			rsvp(upcoming[0]!.id, pick('Payroll', 2), 'going', 28),
			rsvp(upcoming[1]!.id, pick('Customer Care', 3), 'going', 20),
			rsvp(full.id, pick('Accounts Payable', 2), 'going', 50),
			rsvp(full.id, pick('Customer Care', 4), 'going', 49),
			rsvp(full.id, pick('Service Desk', 2), 'going', 48),
			rsvp(full.id, pick('Order Management', 2), 'waitlist', 40),
			rsvp(past[0]!.id, staff, 'going', 400, 1),
			rsvp(past[0]!.id, pick('Payroll', 3), 'going', 390, 1),
			rsvp(past[0]!.id, pick('Customer Care', 5), 'going', 380, 0),
			rsvp(past[1]!.id, staff, 'going', 800, 1),
			rsvp(past[1]!.id, pick('Accounts Receivable', 2), 'going', 790, 1)
		])
		.execute();

	await seedDemoShadowing(trx, ids, now);
	await seedDemoBuddies(trx, ids, now);
}

/**
 * A closed cycle and a current published one, with pairs in every health state (on track, gone
 * quiet, never met) and one asking to be re-paired.
 */
async function seedDemoBuddies(
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
	await pair(
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

/** Host slots in the coming weeks, a pending request, past visits (one awaiting its reflection) and a blackout. */
async function seedDemoShadowing(
	trx: Db,
	ids: { people: Map<string, string>; members: Map<string, string[]> },
	now: Date
): Promise<void> {
	const member = (team: string, index: number) => {
		const list = ids.members.get(team) ?? [];
		return list[index % Math.max(1, list.length)]!;
	};
	const teamOf = async (personId: string) =>
		(await trx.selectFrom('people').select('team_id').where('id', '=', personId).executeTakeFirstOrThrow()).team_id!;
	const at = (days: number, hour: number) => {
		const d = new Date(now.getTime() + days * DAY);
		d.setUTCHours(hour, 0, 0, 0);
		return d;
	};
	const created = new Date(now.getTime() - 20 * DAY).toISOString();
	const slot = async (
		host: string,
		days: number,
		hour: number,
		hours: number,
		capacity: number,
		what: string,
		place: string
	) => {
		const start = at(days, hour);
		const id = newId();
		await trx
			.insertInto('shadow_slots')
			.values({
				id,
				team_id: await teamOf(host),
				host_id: host,
				starts_at: start.toISOString(),
				ends_at: new Date(start.getTime() + hours * HOUR).toISOString(),
				time_zone: 'Europe/London',
				capacity,
				place,
				video_url: '',
				what_you_will_see: what,
				auto_accept: 0,
				created_by: host,
				sequence: 0,
				created_at: created,
				updated_at: created,
				cancelled_at: null
			})
			.execute();
		return { id, start, end: new Date(start.getTime() + hours * HOUR) };
	};
	const care = member('Customer Care', 0);
	const slots = [
		await slot(
			care,
			4,
			9,
			3,
			2,
			'Sit in on live calls during the morning peak, see the top five reasons customers call and the screens agents use to answer them.',
			'Customer Care floor, Leeds'
		),
		await slot(
			member('Customer Care', 1),
			11,
			13,
			2,
			1,
			'Follow a complaint from first call to resolution, including the hand-offs to finance and logistics.',
			'Customer Care floor, Leeds'
		),
		await slot(
			member('Order Management', 0),
			7,
			10,
			2,
			2,
			'Watch orders being released, held and fixed, and see which back-office data makes an order go wrong.',
			'Order desk, 3rd floor'
		),
		await slot(
			member('Service Desk', 0),
			9,
			8,
			2,
			3,
			'Join the first-line desk as tickets arrive and see how priority is set and where tickets bounce.',
			'Service Desk hub'
		),
		await slot(
			member('Field Sales Support', 0),
			16,
			9,
			3,
			1,
			'Prepare quotes with the sales support team and see what happens when pricing or credit data is wrong.',
			'Sales support bay'
		)
	];
	const past = await slot(care, -10, 9, 3, 2, 'Live calls during the morning peak.', 'Customer Care floor, Leeds');
	const olderPast = await slot(
		member('Order Management', 0),
		-24,
		10,
		2,
		2,
		'Orders released, held and fixed.',
		'Order desk, 3rd floor'
	);

	const staff = ids.people.get('staff@ripple.test')!;
	const manager = ids.people.get('manager@ripple.test')!;
	const visit = (fields: {
		slot: { id: string; start: Date; end: Date };
		visitor: string;
		status: 'pending_manager' | 'confirmed';
		objectives: string;
		reflection?: [string, string, string];
		feedback?: string;
	}) => {
		const stamp =
			fields.slot.end.getTime() < now.getTime() ? new Date(fields.slot.end.getTime() + 2 * HOUR).toISOString() : null;
		return {
			id: newId(),
			slot_id: fields.slot.id,
			visitor_id: fields.visitor,
			objectives: fields.objectives,
			status: fields.status,
			starts_at: fields.slot.start.toISOString(),
			ends_at: fields.slot.end.toISOString(),
			approved_by: fields.status === 'confirmed' ? manager : null,
			approved_at: fields.status === 'confirmed' ? created : null,
			confirmed_by: fields.status === 'confirmed' ? care : null,
			confirmed_at: fields.status === 'confirmed' ? created : null,
			decline_reason: null,
			sequence: fields.status === 'confirmed' ? 2 : 0,
			reflection_learned: fields.reflection?.[0] ?? null,
			reflection_impact: fields.reflection?.[1] ?? null,
			reflection_change: fields.reflection?.[2] ?? null,
			reflected_at: fields.reflection ? stamp : null,
			host_feedback: fields.feedback ?? null,
			host_feedback_at: fields.feedback ? stamp : null,
			created_at: created,
			updated_at: created
		};
	};
	await trx
		.insertInto('shadow_visits')
		.values([
			visit({
				slot: past,
				visitor: staff,
				status: 'confirmed',
				objectives: 'See which supplier questions reach Customer Care and how agents answer them.'
			}),
			visit({
				slot: olderPast,
				visitor: member('Accounts Payable', 3),
				status: 'confirmed',
				objectives: 'Understand what happens to an order when a supplier is on stop.',
				reflection: [
					'A supplier on stop blocks orders within a day, long before we see a reminder.',
					'Our holds decide whether the customer’s order ships on time.',
					'I will tell Order Management the same day a key supplier is put on hold.'
				],
				feedback: 'Great questions, and you spotted the supplier-hold pattern before we did. Come back at quarter end.'
			}),
			visit({
				slot: slots[0]!,
				visitor: member('Accounts Payable', 4),
				status: 'pending_manager',
				objectives: 'Hear first-hand how callers describe late refunds, so our emails answer their questions.'
			})
		])
		.execute();

	await trx
		.insertInto('shadow_blackouts')
		.values({
			id: newId(),
			team_id: await teamOf(member('Accounts Receivable', 0)),
			starts_on: new Date(now.getTime() + 20 * DAY).toISOString().slice(0, 10),
			ends_on: new Date(now.getTime() + 25 * DAY).toISOString().slice(0, 10),
			reason: 'Month-end close',
			created_by: null,
			created_at: created
		})
		.execute();
}
