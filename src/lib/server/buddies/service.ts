import { z } from 'zod';
import { buddyTopics, type ExplanationLine } from '../../buddies';
import { formatInteger } from '../../intl';
import { m } from '../../paraglide/messages.js';
import { isTimeZone } from '../../locale';
import { zoneOffsetMinutes } from '../../time';
import type { Db } from '../db';
import { claimRow } from '../db/locks';
import { newId } from '../db/ids';
import { departmentsOf, unitsWithIds } from '../org/directory';
import type { Actor } from '../auth/actor';
import { getPersonDetail, namesWithTeams } from '../people/directory';
import { canAdminister, managesPerson } from '../people/policy';
import { dayField } from '../calendar/day-field';
import { notify, queueEmailOnly, settle } from '../notifications/notify';
import { cancelPlanOfPair, contactsOfPairs, endPairs, fitsOfPairs, upcomingPlansOfPairs } from './pair-queries';
import { refuse, type ServiceResult } from '../service-result';
import { canRunCycles, cycleAccess } from './policy';
import { proposeMatching, type Proposal } from './matching';
import {
	cycleUnitPaths,
	deletePair,
	deletePairsOfCycle,
	earlierPairings,
	getCycle,
	insertCycle,
	insertNominee,
	insertPair,
	isParticipant,
	markCyclePublished,
	pairsOfCycle,
	participantsForMatching,
	participationsOf,
	replacePairMembers,
	saveOwnParticipation,
	setPairLocked,
	setParticipantExcluded,
	unclosedCycles,
	updatePair
} from './queries';
import { eligible, scorePair, type Participant, type PastPairing } from './scoring';

// Messages are functions, read when a form is checked: in the language of that request.
const date = dayField(() => m.connect_choose_date());
const topics = z
	.array(z.enum(buddyTopics, { error: () => m.connect_buddy_topics_from_list() }))
	.max(8, { error: () => m.connect_buddy_topics_at_most_eight() });
const time = z.string().regex(/^\d{2}:\d{2}$/, { error: () => m.connect_choose_time() });

export const cycleSchema = z
	.object({
		name: z
			.string()
			.trim()
			.min(3, { error: () => m.connect_cycle_name_required() })
			.max(80, { error: () => m.connect_cycle_name_too_long() }),
		starts_on: date,
		ends_on: date,
		mode: z.enum(['opt_in', 'nominated'], { error: () => m.connect_cycle_mode_required() }),
		unit_ids: z.array(z.string()).min(1, { error: () => m.connect_cycle_units_required() })
	})
	.refine((v) => v.ends_on > v.starts_on, { path: ['ends_on'], error: () => m.connect_cycle_ends_before_start() });

export const joinSchema = z.object({
	goals: z
		.string()
		.trim()
		.min(10, { error: () => m.connect_join_goals_required() })
		.max(1000, { error: () => m.connect_join_goals_too_long({ max: formatInteger(1000) }) }),
	learn: topics,
	offer: topics,
	interests: z
		.string()
		.trim()
		.max(200, { error: () => m.connect_join_interests_too_long() }),
	hours_start: time,
	hours_end: time
});

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const parseList = (json: string): string[] => {
	try {
		const value: unknown = JSON.parse(json);
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
	} catch {
		return [];
	}
};

export async function createCycle(
	database: Db,
	owner: Actor,
	input: z.infer<typeof cycleSchema>,
	now: Date
): Promise<ServiceResult<{ id: string }>> {
	if (!canRunCycles(owner.scope)) return refuse('_form', 'connect_cycle_only_runners');
	const units = await unitsWithIds(database, input.unit_ids);
	if (units.length !== new Set(input.unit_ids).size) return refuse('unit_ids', 'connect_cycle_units_from_list');
	if (!canAdminister(owner.scope) && units.some((u) => !owner.scope.ledUnitPaths.some((p) => u.path.startsWith(p)))) {
		return refuse('unit_ids', 'connect_cycle_units_within_lead');
	}
	const id = newId();
	await database.transaction().execute(async (trx) => {
		await insertCycle(
			trx,
			{
				id,
				name: input.name,
				starts_on: input.starts_on,
				ends_on: input.ends_on,
				mode: input.mode,
				status: 'open',
				owner_id: owner.id,
				created_at: now.toISOString(),
				published_at: null
			},
			units.map((u) => u.id)
		);
	});
	return { ok: true, id };
}

export { getCycle, participantsOf } from './queries';

/** Whether a person is active and their team sits under one of the cycle's units. */
export async function isEligibleForCycle(database: Db, cycleId: string, personId: string): Promise<boolean> {
	const [person, unitPaths] = await Promise.all([
		getPersonDetail(database, personId),
		cycleUnitPaths(database, cycleId)
	]);
	const path = person?.active === 1 ? person.unit_path : null;
	return path !== null && unitPaths.some((p) => path.startsWith(p));
}

/** Joins (opt-in cycles) or completes a nomination; the profile can be edited while the cycle is open. */
export async function joinCycle(
	database: Db,
	person: Actor,
	cycleId: string,
	input: z.infer<typeof joinSchema>,
	now: Date
): Promise<ServiceResult<object>> {
	const cycle = await getCycle(database, cycleId);
	if (!cycle || cycle.status !== 'open') return refuse('_form', 'connect_cycle_not_taking_participants');
	const existing = await isParticipant(database, cycleId, person.id);
	if (!existing && cycle.mode === 'nominated') return refuse('_form', 'connect_cycle_join_by_nomination');
	if (!existing && !(await isEligibleForCycle(database, cycleId, person.id)))
		return refuse('_form', 'connect_cycle_your_unit_not_taking_part');
	const profile = {
		goals: input.goals,
		learn: JSON.stringify(input.learn),
		offer: JSON.stringify(input.offer),
		interests: JSON.stringify(
			input.interests
				// Chinese keyboards type full-width commas and enumeration commas.
				.split(/[,，、]/)
				.map((s) => s.trim())
				.filter(Boolean)
				.slice(0, 8)
		),
		hours_start: minutes(input.hours_start),
		hours_end: minutes(input.hours_end),
		time_zone: isTimeZone(person.timeZone) ? person.timeZone : 'UTC'
	};
	await saveOwnParticipation(database, cycleId, person.id, profile, now.toISOString());
	return { ok: true };
}

/** A manager puts someone from their team forward; they add their goals afterwards. */
export async function nominate(
	database: Db,
	manager: Actor,
	cycleId: string,
	personId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const cycle = await getCycle(database, cycleId);
	if (!cycle || cycle.status !== 'open') return refuse('_form', 'connect_cycle_not_taking_participants');
	const person = await getPersonDetail(database, personId);
	if (
		!person ||
		!(
			canAdminister(manager.scope) ||
			managesPerson(manager.scope, {
				personId,
				teamId: person.team_id,
				unitPath: person.unit_path,
				managerId: person.manager_id
			})
		)
	) {
		return refuse('person_id', 'connect_nominate_only_managed');
	}
	if (!(await isEligibleForCycle(database, cycleId, personId)))
		return refuse('person_id', 'connect_nominate_unit_not_taking_part');
	await insertNominee(database, {
		cycle_id: cycleId,
		person_id: personId,
		goals: '',
		learn: '[]',
		offer: '[]',
		interests: '[]',
		hours_start: 540,
		hours_end: 1020,
		time_zone: person.time_zone,
		nominated_by: manager.id,
		excluded: 0,
		joined_at: now.toISOString()
	});
	return { ok: true };
}

/** Builds the matching engine's view of a cycle's participants and their pairing history. */
async function engineInput(database: Db, cycleId: string, now: Date) {
	const rows = await participantsForMatching(database, cycleId);
	const departments = await departmentsOf(
		database,
		rows.map((r) => r.person_id)
	);
	const participants: Participant[] = rows.map((r) => {
		const offset = zoneOffsetMinutes(now, r.time_zone);
		const wrap = (m: number) => (((m - offset) % 1440) + 1440) % 1440;
		return {
			id: r.person_id,
			name: r.name,
			departmentId: departments.get(r.person_id) ?? `none-${r.person_id}`,
			managerId: r.manager_id,
			teamKind: r.kind === 'customer_facing' ? 'customer_facing' : 'back_office',
			learn: parseList(r.learn),
			offer: parseList(r.offer),
			interests: parseList(r.interests),
			hoursUtc: [wrap(r.hours_start), wrap(r.hours_end)]
		};
	});
	// Earlier published cycles, newest first: the one before this is one cycle ago.
	const past = await earlierPairings(database, cycleId);
	const cycleOrder = [...new Map(past.map((p) => [p.cycle_id, p.starts_on])).entries()]
		.sort((a, b) => b[1].localeCompare(a[1]))
		.map(([id]) => id);
	const history: PastPairing[] = [];
	for (const pairId of new Set(past.map((p) => p.pair_id))) {
		const members = past.filter((p) => p.pair_id === pairId);
		for (let i = 0; i < members.length; i++) {
			for (let j = i + 1; j < members.length; j++) {
				history.push({
					a: members[i]!.person_id,
					b: members[j]!.person_id,
					cyclesAgo: cycleOrder.indexOf(members[i]!.cycle_id) + 1,
					label: members[i]!.name
				});
			}
		}
	}
	return { participants, history, excluded: rows.filter((r) => r.excluded === 1).map((r) => r.person_id) };
}

async function requireOwner(database: Db, actor: Actor, cycleId: string) {
	const cycle = await getCycle(database, cycleId);
	if (!cycle || !cycleAccess(actor.scope, cycle).owns) return undefined;
	return cycle;
}

/** Proposes pairs for everyone not in a locked pair; locked pairs stay as they are. */
export async function runMatching(
	database: Db,
	actor: Actor,
	cycleId: string,
	now: Date
): Promise<ServiceResult<{ unmatched: Proposal['unmatched'] }>> {
	const cycle = await requireOwner(database, actor, cycleId);
	if (!cycle) return refuse('_form', 'connect_cycle_only_owner_runs');
	if (cycle.status !== 'open') return refuse('_form', 'connect_cycle_already_published');
	const { participants, history, excluded } = await engineInput(database, cycleId, now);
	const existing = await pairsOfCycle(database, cycleId);
	const locked = existing
		.filter((p) => p.locked === 1 && p.members.length === 2)
		.map((p) => p.members as [string, string]);
	const proposal = proposeMatching(participants, history, { locked, excluded });
	const stored = await database.transaction().execute(async (trx) => {
		// Two runs of one cycle (perhaps on two app instances) replace the proposal one after the
		// other, never interleaved, and none lands after the cycle was published.
		await claimRow(trx, 'buddy_cycles', cycleId);
		if ((await getCycle(trx, cycleId))?.status !== 'open') return false;
		await deletePairsOfCycle(trx, cycleId);
		for (const group of proposal.groups) {
			const isLocked = locked.some((l) => group.members.length === 2 && l.every((m) => group.members.includes(m)));
			await insertPair(
				trx,
				{
					id: newId(),
					cycle_id: cycleId,
					locked: isLocked ? 1 : 0,
					score_cents: Math.round(group.score * 100),
					breakdown: JSON.stringify(group.breakdown),
					created_at: now.toISOString()
				},
				group.members
			);
		}
		return true;
	});
	if (!stored) return refuse('_form', 'connect_cycle_already_published');
	return { ok: true, unmatched: proposal.unmatched };
}

export async function setLocked(
	database: Db,
	actor: Actor,
	cycleId: string,
	pairId: string,
	locked: boolean
): Promise<ServiceResult<object>> {
	if (!(await requireOwner(database, actor, cycleId))) return refuse('_form', 'connect_cycle_only_owner_changes');
	await setPairLocked(database, cycleId, pairId, locked);
	return { ok: true };
}

/** Leaves a person out of matching (or brings them back); their current proposed pair dissolves. */
export async function setExcluded(
	database: Db,
	actor: Actor,
	cycleId: string,
	personId: string,
	excluded: boolean
): Promise<ServiceResult<object>> {
	const cycle = await requireOwner(database, actor, cycleId);
	if (!cycle || cycle.status !== 'open') return refuse('_form', 'connect_cycle_only_open_owner_changes');
	await database.transaction().execute(async (trx) => {
		await setParticipantExcluded(trx, cycleId, personId, excluded);
		if (excluded) {
			const pair = (await pairsOfCycle(trx, cycleId)).find((p) => p.members.includes(personId));
			if (pair) await deletePair(trx, pair.id);
		}
	});
	return { ok: true };
}

/**
 * A person who leaves (deactivated) is taken out of the cycles still open: left out of matching,
 * and a pair proposed with them dissolves, so its other member is matched again. Published pairs
 * stay as history. Returns how many cycles they left.
 */
export async function leaveOpenCycles(trx: Db, personId: string): Promise<number> {
	const cycles = await trx
		.selectFrom('buddy_participants')
		.innerJoin('buddy_cycles', 'buddy_cycles.id', 'buddy_participants.cycle_id')
		.select('buddy_cycles.id')
		.where('buddy_participants.person_id', '=', personId)
		.where('buddy_participants.excluded', '=', 0)
		.where('buddy_cycles.status', '=', 'open')
		.execute();
	for (const { id } of cycles) {
		await setParticipantExcluded(trx, id, personId, true);
		const pair = (await pairsOfCycle(trx, id)).find((p) => p.members.includes(personId));
		if (pair) await deletePair(trx, pair.id);
	}
	return cycles.length;
}

/** Exchanges two people between two proposed pairs, if both new pairs keep the hard rules. */
export async function swapPeople(
	database: Db,
	actor: Actor,
	cycleId: string,
	a: string,
	b: string,
	now: Date
): Promise<ServiceResult<object>> {
	const cycle = await requireOwner(database, actor, cycleId);
	if (!cycle || cycle.status !== 'open') return refuse('_form', 'connect_cycle_only_open_owner_changes');
	const pairs = await pairsOfCycle(database, cycleId);
	const pa = pairs.find((p) => p.members.includes(a));
	const pb = pairs.find((p) => p.members.includes(b));
	if (!pa || !pb || pa.id === pb.id) return refuse('swap', 'connect_swap_different_pairs');
	if (pa.members.length !== 2 || pb.members.length !== 2) return refuse('swap', 'connect_swap_pairs_of_two');
	const { participants, history } = await engineInput(database, cycleId, now);
	const find = (id: string) => participants.find((p) => p.id === id)!;
	const partnerA = pa.members.find((m) => m !== a)!;
	const partnerB = pb.members.find((m) => m !== b)!;
	const first: [Participant, Participant] = [find(partnerA), find(b)];
	const second: [Participant, Participant] = [find(partnerB), find(a)];
	if (!eligible(...first) || !eligible(...second)) return refuse('swap', 'connect_swap_breaks_rules');
	await database.transaction().execute(async (trx) => {
		for (const [pair, people] of [
			[pa, first],
			[pb, second]
		] as const) {
			const scored = scorePair(people[0], people[1], history);
			await replacePairMembers(
				trx,
				pair.id,
				people.map((p) => p.id)
			);
			await updatePair(trx, pair.id, {
				score_cents: Math.round(scored.score * 100),
				breakdown: JSON.stringify(scored.breakdown),
				locked: 1
			});
		}
	});
	return { ok: true };
}

export const repairSchema = z.object({
	person: z.string().min(1, { error: () => m.connect_repair_person_required() }),
	with: z.string().min(1, { error: () => m.connect_repair_with_required() })
});

/**
 * Re-pairs after a fit check asked for it: `person` (in a running pair where a buddy asked for
 * another) swaps buddies with `with`, who is in another running pair of two, when both new pairs
 * keep the hard rules and neither was a pair of this cycle before. The two old pairs end (their
 * meetings and fit checks stay as history; their planned meetings are cancelled in everyone's
 * calendar) and two new pairs start. All four people hear who their new buddy is, and why.
 */
export async function repairPair(
	database: Db,
	actor: Actor,
	cycleId: string,
	input: z.infer<typeof repairSchema>,
	today: string,
	now: Date
): Promise<ServiceResult<{ pairIds: string[] }>> {
	const cycle = await requireOwner(database, actor, cycleId);
	if (!cycle || cycle.status !== 'published' || cycle.ends_on < today)
		return refuse('_form', 'connect_repair_only_running_owner');
	// One re-pair of a cycle at a time: whoever comes second reads the pairs the first committed.
	return database.transaction().execute(async (trx): Promise<ServiceResult<{ pairIds: string[] }>> => {
		await claimRow(trx, 'buddy_cycles', cycleId);
		const pairs = await pairsOfCycle(trx, cycleId);
		const running = pairs.filter((p) => p.ended_at === null);
		const from = running.find((p) => p.members.includes(input.person));
		const other = running.find((p) => p.members.includes(input.with));
		if (!from) return refuse('person', 'connect_repair_person_not_paired');
		if (!other || other.id === from.id) return refuse('with', 'connect_repair_with_other_pair');
		if (from.members.length !== 2 || other.members.length !== 2) return refuse('with', 'connect_swap_pairs_of_two');
		const fits = await fitsOfPairs(trx, [from.id]);
		if (!fits.some((f) => f.fit === 'repair')) return refuse('person', 'connect_repair_not_asked');

		const { participants, history } = await engineInput(trx, cycleId, now);
		const find = (id: string) => participants.find((p) => p.id === id);
		const formerBuddy = from.members.find((id) => id !== input.person)!;
		const otherBuddy = other.members.find((id) => id !== input.with)!;
		const newPairs = [
			[input.person, input.with],
			[formerBuddy, otherBuddy]
		] as const;
		const people = newPairs.map(([a, b]) => [find(a), find(b)] as const);
		if (people.some(([a, b]) => !a || !b || !eligible(a, b))) return refuse('with', 'connect_swap_breaks_rules');
		const together = (a: string, b: string) =>
			pairs.some((p) => p.members.length === 2 && p.members.includes(a) && p.members.includes(b));
		if (newPairs.some(([a, b]) => together(a, b))) return refuse('with', 'connect_repair_not_again');

		const pairIds = newPairs.map(() => newId());
		const at = now.toISOString();
		const ended = [from.id, other.id];
		await endPairs(trx, ended, at);
		// Meetings the old pairs planned will not take place: every calendar hears so.
		const plans = await upcomingPlansOfPairs(trx, ended, now);
		const oldContacts = await contactsOfPairs(trx, ended);
		for (const plan of plans) {
			await cancelPlanOfPair(trx, plan.pair_id, plan.id, at);
			for (const member of oldContacts.filter((c) => c.pair_id === plan.pair_id))
				await queueEmailOnly(
					trx,
					{
						personId: member.person_id,
						address: member.email,
						kind: 'buddies.meeting_calendar',
						href: `/connect/buddies/pairs/${plan.pair_id}`,
						params: { pair: plan.pair_id, plan: plan.id, by: '', starts_at: plan.starts_at, cancelled: true }
					},
					now
				);
		}
		await settle(trx, { type: 'pair', id: from.id }, ['buddies.repair_requested', 'buddies.fit_check'], now);
		await settle(trx, { type: 'pair', id: other.id }, ['buddies.fit_check'], now);
		const notices = [];
		for (const [i, pair] of people.entries()) {
			const [a, b] = pair as readonly [Participant, Participant];
			const scored = scorePair(a, b, history);
			await insertPair(
				trx,
				{
					id: pairIds[i]!,
					cycle_id: cycleId,
					locked: 1,
					score_cents: Math.round(scored.score * 100),
					breakdown: JSON.stringify(scored.breakdown),
					created_at: at
				},
				[a.id, b.id]
			);
			for (const [me, buddy] of [
				[a, b],
				[b, a]
			] as const)
				notices.push({
					to: me.id,
					kind: 'buddies.repaired' as const,
					subject: { type: 'pair', id: pairIds[i]! },
					href: `/connect/buddies/pairs/${pairIds[i]}`,
					params: { cycle: cycle.name, buddies: [buddy.name], reasons: scored.breakdown }
				});
		}
		await notify(trx, notices, now);
		return { ok: true, pairIds };
	});
}

export async function publishCycle(
	database: Db,
	actor: Actor,
	cycleId: string,
	now: Date
): Promise<ServiceResult<object>> {
	const cycle = await requireOwner(database, actor, cycleId);
	if (!cycle || cycle.status !== 'open') return refuse('_form', 'connect_cycle_only_open_owner_publishes');
	if ((await pairsOfCycle(database, cycleId)).length === 0)
		return refuse('_form', 'connect_cycle_run_before_publishing');
	await database.transaction().execute(async (trx) => {
		await markCyclePublished(trx, cycleId, now.toISOString());
		// Everyone paired hears who their buddy is, why, and how to start.
		const proposal = await cycleProposal(trx, cycleId);
		await notify(
			trx,
			proposal.flatMap((pair) =>
				pair.members.map((member) => ({
					to: member.id,
					kind: 'buddies.paired' as const,
					subject: { type: 'pair', id: pair.id },
					href: `/connect/buddies/pairs/${pair.id}`,
					params: {
						cycle: cycle.name,
						buddies: pair.members.filter((other) => other.id !== member.id).map((other) => other.name),
						reasons: pair.breakdown
					}
				}))
			),
			now
		);
	});
	return { ok: true };
}

export interface PairView {
	id: string;
	locked: boolean;
	score: number;
	breakdown: ExplanationLine[];
	members: { id: string; name: string; team: string | null }[];
}

export async function cycleProposal(database: Db, cycleId: string): Promise<PairView[]> {
	const pairs = await pairsOfCycle(database, cycleId);
	const ids = [...new Set(pairs.flatMap((p) => p.members))];
	const people = await namesWithTeams(database, ids);
	return pairs
		.map((p) => ({
			id: p.id,
			locked: p.locked === 1,
			score: p.score_cents / 100,
			breakdown: JSON.parse(p.breakdown) as ExplanationLine[],
			members: p.members
				.map((m) => people.find((x) => x.id === m)!)
				.filter(Boolean)
				.sort((a, b) => a.name.localeCompare(b.name))
		}))
		.sort((a, b) => (a.members[0]?.name ?? '').localeCompare(b.members[0]?.name ?? ''));
}

/** Cycles a person sees on the buddies page: open ones they can join or are in, and ones they run. */
export async function cyclesFor(database: Db, person: Actor) {
	const cycles = await unclosedCycles(database);
	const mine = await participationsOf(
		database,
		person.id,
		cycles.map((c) => c.id)
	);
	const result = [];
	for (const cycle of cycles) {
		const participation = mine.find((m) => m.cycle_id === cycle.id) ?? null;
		const eligibleHere = participation !== null || (await isEligibleForCycle(database, cycle.id, person.id));
		const { owns, nominates } = cycleAccess(person.scope, cycle);
		if (!eligibleHere && !owns && !nominates) continue;
		result.push({
			id: cycle.id,
			name: cycle.name,
			startsOn: cycle.starts_on,
			endsOn: cycle.ends_on,
			mode: cycle.mode,
			status: cycle.status,
			owns,
			canNominate: cycle.status === 'open' && nominates,
			eligible: eligibleHere,
			participation: participation && {
				goals: participation.goals,
				learn: parseList(participation.learn),
				offer: parseList(participation.offer),
				interests: parseList(participation.interests).join(', '),
				hoursStart: `${String(Math.floor(participation.hours_start / 60)).padStart(2, '0')}:${String(participation.hours_start % 60).padStart(2, '0')}`,
				hoursEnd: `${String(Math.floor(participation.hours_end / 60)).padStart(2, '0')}:${String(participation.hours_end % 60).padStart(2, '0')}`,
				nominated: participation.nominated_by !== null
			}
		});
	}
	return result;
}
