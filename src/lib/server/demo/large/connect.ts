/** The large organisation's Connect activity: buddy cycles, job shadowing, lunch and learn, and recognition. */
import type { VisitStatus } from '../../db/schema';
import { buddyTopics } from '../../../buddies';
import { periodLabel, periodOf } from '../../../periods';
import { between, pick, rngFromSeed, sample } from '../random';
import { workingDayAt } from '../working-days';
import { MONTHS, type Context, type Shape } from './plan';
import { closeAll, DAY, HOUR, idMaker, iso, isoDay, TableWriter, type Written } from './rows';
import { GOALS, LUNCH_TOPICS, OBJECTIVES, SHADOW_OFFERS, THANKS } from './vocabulary';

export async function seedBuddies({ trx, seed, nowMs, org }: Context, shape: Shape): Promise<Written> {
	const rng = rngFromSeed(seed, 'buddies');
	const cycleId = idMaker(seed, 'buddy_cycles');
	const pairId = idMaker(seed, 'buddy_pairs');
	const meetingId = idMaker(seed, 'buddy_meetings');
	const planId = idMaker(seed, 'buddy_plans');
	const cycles = new TableWriter(trx, 'buddy_cycles');
	const cycleUnits = new TableWriter(trx, 'buddy_cycle_units');
	const participants = new TableWriter(trx, 'buddy_participants');
	const pairs = new TableWriter(trx, 'buddy_pairs');
	const members = new TableWriter(trx, 'buddy_pair_members');
	const meetings = new TableWriter(trx, 'buddy_meetings');
	const fitChecks = new TableWriter(trx, 'buddy_fit_checks');
	const plans = new TableWriter(trx, 'buddy_plans');
	const admin = org.people[org.accounts.admin]!.id;
	const day = (offset: number) => isoDay(nowMs + offset * DAY);
	const everyone = org.people.map((_, i) => i);

	const cycle = (start: number, end: number, status: 'open' | 'published' | 'closed') => {
		const id = cycleId();
		cycles.add({
			id,
			name: `Buddies ${periodLabel(periodOf('quarter', day(start)))}`,
			starts_on: day(start),
			ends_on: day(end),
			mode: status === 'open' ? 'nominated' : 'opt_in',
			status,
			owner_id: admin,
			created_at: iso(nowMs + (Math.min(start, 0) - 14) * DAY),
			published_at: status === 'open' ? null : iso(nowMs + Math.min(start, 0) * DAY)
		});
		for (const division of org.divisions) cycleUnits.add({ cycle_id: id, org_unit_id: division.id });
		return id;
	};
	const join = (cycle: string, person: number, joinedMs: number, nominatedBy: number | null) => {
		const p = org.people[person]!;
		const [learn, offer] = [sample(rng, buddyTopics, between(rng, 1, 3)), sample(rng, buddyTopics, between(rng, 1, 3))];
		participants.add({
			cycle_id: cycle,
			person_id: p.id,
			goals: pick(rng, GOALS),
			learn: JSON.stringify(learn),
			offer: JSON.stringify(offer),
			interests: '[]',
			hours_start: between(rng, 14, 20) * 30,
			hours_end: between(rng, 32, 36) * 30,
			time_zone: p.timeZone,
			nominated_by: nominatedBy === null ? null : org.people[nominatedBy]!.id,
			excluded: 0,
			joined_at: iso(joinedMs)
		});
	};
	/** Pairs neighbours in the list (a trio at the end when the count is odd), with meetings from `from` days ago. */
	const pairUp = (
		cycle: string,
		people: number[],
		createdMs: number,
		meetingDays: [from: number, to: number],
		maxMeetings: number,
		current: boolean
	) => {
		for (let i = 0; i + 1 < people.length; i += 2) {
			const group = people.length - i === 3 ? people.slice(i) : people.slice(i, i + 2);
			if (group.length === 3) i++;
			const id = pairId();
			const score = between(rng, 300, 1200);
			pairs.add({
				id,
				cycle_id: cycle,
				locked: rng() < 0.05 ? 1 : 0,
				score_cents: score,
				breakdown: JSON.stringify([
					{ points: Math.round(score / 200), reason: 'customer-facing with back-office' },
					{ points: Math.round(score / 300), reason: 'complementary topics' }
				]),
				created_at: iso(createdMs)
			});
			for (const person of group) members.add({ pair_id: id, person_id: org.people[person]!.id });
			for (let m = between(rng, 0, maxMeetings); m > 0; m--) {
				const met = rng() < 0.9;
				const metOn = nowMs - between(rng, meetingDays[1], meetingDays[0]) * DAY;
				meetings.add({
					id: meetingId(),
					pair_id: id,
					logged_by: org.people[pick(rng, group)]!.id,
					met: met ? 1 : 0,
					met_on: isoDay(metOn),
					rating: met ? between(rng, 1, 4) : null,
					notes: '',
					created_at: iso(metOn + 6 * HOUR)
				});
			}
			if (!current) continue;
			for (const person of group) {
				if (rng() >= 0.5) continue;
				const roll = rng();
				fitChecks.add({
					pair_id: id,
					person_id: org.people[person]!.id,
					fit: roll < 0.85 ? 'good' : roll < 0.95 ? 'unsure' : 'repair',
					note: '',
					created_at: iso(nowMs - between(rng, 1, 30) * DAY)
				});
			}
			if (rng() < 0.4) {
				const start = Math.floor((nowMs + between(rng, 1, 20) * DAY) / DAY) * DAY + 12 * HOUR;
				plans.add({
					id: planId(),
					pair_id: id,
					starts_at: iso(start),
					ends_at: iso(start + HOUR / 2),
					place: '',
					created_by: org.people[group[0]!]!.id,
					sequence: 0,
					created_at: iso(nowMs - DAY),
					updated_at: iso(nowMs - DAY),
					cancelled_at: null
				});
			}
		}
	};

	const closed = cycle(-200, -110, 'closed');
	const closedPeople = sample(rng, everyone, shape.buddies.closed);
	for (const p of closedPeople) join(closed, p, nowMs - 215 * DAY, null);
	pairUp(closed, closedPeople, nowMs - 200 * DAY, [195, 112], 4, false);

	// The current cycle: the staff account is paired with someone from a customer-facing team
	// in another division.
	const current = cycle(-42, 48, 'published');
	const staff = org.accounts.staff;
	const elsewhere = everyone.filter((p) => org.teams[org.people[p]!.team]!.division !== 0);
	const facingElsewhere = elsewhere.filter((p) => org.teams[org.people[p]!.team]!.kind === 'customer_facing');
	const buddy = pick(rng, facingElsewhere.length > 0 ? facingElsewhere : elsewhere);
	const currentPeople = [
		staff,
		buddy,
		...sample(rng, everyone, shape.buddies.current - 2, (p) => p === staff || p === buddy)
	];
	for (const p of currentPeople) join(current, p, nowMs - 50 * DAY, null);
	pairUp(current, currentPeople, nowMs - 42 * DAY, [40, 1], 2, true);

	// Next quarter's cycle is open: managers put people forward.
	const next = cycle(50, 140, 'open');
	for (const p of sample(rng, everyone, shape.buddies.nominated))
		join(next, p, nowMs - between(rng, 0, 10) * DAY, org.people[p]!.manager);

	return closeAll([cycles, cycleUnits, participants, pairs, members, meetings, fitChecks, plans]);
}

export async function seedShadowing({ trx, seed, nowMs, org }: Context, shape: Shape): Promise<Written> {
	const rng = rngFromSeed(seed, 'shadowing');
	const slotId = idMaker(seed, 'shadow_slots');
	const visitId = idMaker(seed, 'shadow_visits');
	const blackoutId = idMaker(seed, 'shadow_blackouts');
	const slots = new TableWriter(trx, 'shadow_slots');
	const visits = new TableWriter(trx, 'shadow_visits', slots);
	const blackouts = new TableWriter(trx, 'shadow_blackouts');
	const facing = org.teams.flatMap((team, t) => (team.kind === 'customer_facing' ? [t] : []));
	// The staff account visits a customer-facing team in another division (any other, when small).
	const elsewhere = org.teams.flatMap((team, t) => (team.division !== 0 ? [t] : []));
	const staffHosts = elsewhere.filter((t) => org.teams[t]!.kind === 'customer_facing');
	const everyone = org.people.map((_, i) => i);
	const staff = org.accounts.staff;

	for (let s = 0; s < shape.shadowSlots; s++) {
		// The first slot is the staff account's past visit; later ones come from any team.
		const t =
			s === 0
				? pick(rng, staffHosts.length > 0 ? staffHosts : elsewhere)
				: rng() < 0.7 && facing.length > 0
					? pick(rng, facing)
					: between(rng, 0, org.teams.length - 1);
		const team = org.teams[t]!;
		const host = pick(rng, team.members);
		// In the morning of a working day on the host's clocks.
		const start = workingDayAt(
			new Date(nowMs),
			s === 0 ? -10 : between(rng, -330, 45),
			`${String(between(rng, 8, 13)).padStart(2, '0')}:00`,
			org.people[host]!.timeZone
		).getTime();
		const end = start + between(rng, 2, 3) * HOUR;
		const capacity = between(rng, 1, 3);
		const created = Math.min(start - between(rng, 10, 40) * DAY, nowMs);
		const id = slotId();
		const cancelled = s > 0 && rng() < 0.03;
		slots.add({
			id,
			team_id: team.id,
			host_id: org.people[host]!.id,
			starts_at: iso(start),
			ends_at: iso(end),
			time_zone: org.people[host]!.timeZone,
			capacity,
			place: `${team.name} floor`,
			video_url: '',
			what_you_will_see: pick(rng, SHADOW_OFFERS),
			auto_accept: rng() < 0.2 ? 1 : 0,
			created_by: org.people[host]!.id,
			sequence: 0,
			created_at: iso(created),
			updated_at: iso(created),
			cancelled_at: cancelled ? iso(Math.min(start - DAY, nowMs)) : null
		});
		if (cancelled) continue;
		const past = end < nowMs;
		const visitors =
			s === 0 ? [staff] : sample(rng, everyone, between(rng, 0, capacity), (p) => org.people[p]!.team === t);
		for (const visitor of visitors) {
			const roll = rng();
			const status: VisitStatus =
				s === 0
					? 'confirmed'
					: past
						? roll < 0.8
							? 'confirmed'
							: roll < 0.9
								? 'declined'
								: 'cancelled'
						: roll < 0.3
							? 'pending_manager'
							: roll < 0.6
								? 'pending_host'
								: 'confirmed';
			const approved = status !== 'pending_manager' && status !== 'cancelled';
			const confirmed = status === 'confirmed';
			const requested = Math.min(created + between(rng, 1, 5) * DAY, nowMs);
			const decided = Math.min(requested + DAY, nowMs);
			const reflected = past && confirmed && s > 0 && rng() < 0.6;
			const feedback = past && confirmed && rng() < 0.4;
			const stamp = iso(Math.min(end + 2 * HOUR, nowMs));
			const manager = org.people[visitor]!.manager;
			visits.add({
				id: visitId(),
				slot_id: id,
				visitor_id: org.people[visitor]!.id,
				objectives: pick(rng, OBJECTIVES),
				status,
				starts_at: iso(start),
				ends_at: iso(end),
				approved_by: approved && manager !== null ? org.people[manager]!.id : null,
				approved_at: approved ? iso(decided) : null,
				confirmed_by: confirmed ? org.people[host]!.id : null,
				confirmed_at: confirmed ? iso(decided) : null,
				decline_reason: status === 'declined' ? 'The team is short-staffed that day.' : null,
				sequence: confirmed ? 2 : 0,
				reflection_learned: reflected ? 'Where our requests land and who picks them up.' : null,
				reflection_impact: reflected ? 'Our delays turn into their customer calls.' : null,
				reflection_change: reflected ? 'I will warn them before a late run.' : null,
				reflected_at: reflected ? stamp : null,
				host_feedback: feedback ? 'Good questions; come back at quarter end.' : null,
				host_feedback_at: feedback ? stamp : null,
				created_at: iso(requested),
				updated_at: iso(decided)
			});
		}
		await slots.spill();
		await visits.spill();
	}
	for (let b = 0; b < shape.blackouts; b++) {
		const team = pick(rng, org.teams);
		const start = nowMs + between(rng, -120, 90) * DAY;
		blackouts.add({
			id: blackoutId(),
			team_id: team.id,
			starts_on: isoDay(start),
			ends_on: isoDay(start + between(rng, 1, 5) * DAY),
			reason: 'Month-end close',
			created_by: org.people[team.manager]!.id,
			created_at: iso(Math.min(start - 20 * DAY, nowMs))
		});
	}
	return closeAll([slots, visits, blackouts]);
}

export async function seedLunches({ trx, seed, nowMs, org }: Context, shape: Shape): Promise<Written> {
	const rng = rngFromSeed(seed, 'lunches');
	const sessionId = idMaker(seed, 'lunch_sessions');
	const sessions = new TableWriter(trx, 'lunch_sessions');
	const rsvps = new TableWriter(trx, 'lunch_rsvps', sessions);
	const everyone = org.people.map((_, i) => i);
	for (let s = 0; s < shape.lunchSessions; s++) {
		// The first session is an upcoming one the staff account is going to.
		const days = s === 0 ? 6 : between(rng, -360, 45);
		const presenter = pick(rng, everyone);
		// Lunchtime on a working day, on the presenter's clocks.
		const start = workingDayAt(new Date(nowMs), days, '12:00', org.people[presenter]!.timeZone).getTime();
		const organiser = pick(rng, org.teams).manager;
		const capacity = between(rng, 10, 60);
		const created = Math.min(start - between(rng, 7, 30) * DAY, nowMs);
		const id = sessionId();
		sessions.add({
			id,
			topic: pick(rng, LUNCH_TOPICS),
			description: 'What the work looks like from the inside, and where other teams can help.',
			presenter_id: org.people[presenter]!.id,
			organiser_id: org.people[organiser]!.id,
			starts_at: iso(start),
			ends_at: iso(start + between(rng, 2, 4) * 15 * 60_000),
			time_zone: org.people[presenter]!.timeZone,
			place: rng() < 0.5 ? 'Atrium' : '',
			video_url: rng() < 0.7 ? 'https://meet.example.com/lunch' : '',
			capacity,
			sequence: 0,
			created_at: iso(created),
			updated_at: iso(created),
			cancelled_at: rng() < 0.04 ? iso(Math.min(start - DAY, nowMs)) : null
		});
		const past = start < nowMs;
		const list = sample(
			rng,
			everyone,
			between(rng, Math.round(capacity * 0.4), Math.round(capacity * 1.3)),
			(p) => p === presenter
		);
		if (s === 0 && !list.includes(org.accounts.staff)) list.unshift(org.accounts.staff);
		for (const [k, person] of list.entries()) {
			const status = rng() < 0.05 ? 'cancelled' : k < capacity ? 'going' : 'waitlist';
			rsvps.add({
				session_id: id,
				person_id: org.people[person]!.id,
				status,
				rsvp_at: iso(Math.min(created + (k + 1) * HOUR, nowMs)),
				attended: past && status === 'going' ? (rng() < 0.85 ? 1 : 0) : null
			});
		}
		await sessions.spill();
		await rsvps.spill();
	}
	return closeAll([sessions, rsvps]);
}

export async function seedRecognitions(
	{ trx, seed, nowMs, org }: Context,
	shape: Shape,
	behaviourSlugs: readonly string[]
): Promise<Written> {
	const rng = rngFromSeed(seed, 'recognition');
	const nextId = idMaker(seed, 'recognitions');
	const recognitions = new TableWriter(trx, 'recognitions');
	const recipients = new TableWriter(trx, 'recognition_recipients', recognitions);
	const everyone = org.people.map((_, i) => i);
	const departmentOf = (p: number) => org.teams[org.people[p]!.team]!.unitId;
	for (let r = 0; r < shape.recognitions; r++) {
		const from = pick(rng, everyone);
		const roll = rng();
		const to = sample(rng, everyone, roll < 0.75 ? 1 : roll < 0.93 ? 2 : 3, (p) => p === from);
		const id = nextId();
		recognitions.add({
			id,
			from_id: org.people[from]!.id,
			behaviour_slug: pick(rng, behaviourSlugs),
			message: pick(rng, THANKS),
			cross_department: to.some((p) => departmentOf(p) !== departmentOf(from)) ? 1 : 0,
			created_at: iso(nowMs - between(rng, 0, MONTHS * 30 * 24) * HOUR)
		});
		for (const person of to) recipients.add({ recognition_id: id, person_id: org.people[person]!.id });
		await recognitions.spill();
		await recipients.spill();
	}
	return closeAll([recognitions, recipients]);
}
