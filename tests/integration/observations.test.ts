import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBehaviourArchived, updateBehaviour } from '../../src/lib/server/behaviours/framework';
import { personBehaviourRatings } from '../../src/lib/server/behaviours/growth';
import {
	createObservation,
	deleteObservation,
	listObservations,
	observationForViewer,
	respondToObservation,
	seesObservationsOf,
	updateObservation,
	type ObservationInput
} from '../../src/lib/server/behaviours/observations';
import { teamBehaviourSummary } from '../../src/lib/server/behaviours/summary';
import { defaultFramework } from '../../src/lib/server/db/migrations/default-framework';
import { scopeOf } from '../../src/lib/server/people/queries';
import { word } from '../../src/lib/server/service-result';
import { wordAudit } from '../../src/lib/server/audit/log';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, actorFor, plainActor } from './temp-db';

let temp: TempDb;
const today = '2026-11-23';

const evidence = (extra: Partial<ObservationInput> = {}): ObservationInput => ({
	behaviour: 'ownership',
	level: 4,
	situation: 'A supplier payment was blocked by a missing purchase order.',
	action: 'Chased procurement herself and told the supplier who had it.',
	impact: 'The supplier was paid on time and Customer Care had no escalation.',
	observed_on: '2026-11-20',
	...extra
});

const author = async (id: string, timeZone = 'UTC') => ({ ...(await actorFor(temp.db, id)), timeZone });

async function record(by: string, about: string, extra: Partial<ObservationInput> = {}) {
	const result = await createObservation(temp.db, await author(by), about, evidence(extra), today, T0);
	if (!result.ok) throw new Error(JSON.stringify(result.errors));
	return result;
}

async function lastAudit(action: string, objectId: string) {
	const row = await temp.db
		.selectFrom('audit_events')
		.selectAll()
		.where('action', '=', action)
		.where('object_id', '=', objectId)
		.orderBy('at', 'desc')
		.executeTakeFirst();
	return row && { ...row, details: row.details ? JSON.parse(row.details) : null };
}

beforeAll(async () => {
	temp = await openTempDb('observations');
	const company = await addUnit(temp.db, 'co', 'Company');
	const finance = await addUnit(temp.db, 'fin', 'Finance', company);
	const ops = await addUnit(temp.db, 'ops', 'Operations', company);
	await addTeam(temp.db, 'ap', 'Accounts Payable', finance.id);
	await addTeam(temp.db, 'ar', 'Accounts Receivable', finance.id);
	await addTeam(temp.db, 'care', 'Customer Care', ops.id);
	await addPerson(temp.db, { id: 'tomasz', email: 'tomasz@example.com', name: 'Tomasz Nowak', team_id: 'ap' });
	await addGrant(temp.db, 'tomasz', 'manager', { team_id: 'ap' });
	await addPerson(temp.db, { id: 'carlos', email: 'carlos@example.com', name: 'Carlos Mendoza', team_id: 'care' });
	await addGrant(temp.db, 'carlos', 'manager', { team_id: 'care' });
	await addPerson(temp.db, { id: 'hannah', email: 'hannah@example.com', name: 'Hannah de Vries' });
	await addGrant(temp.db, 'hannah', 'leader', { org_unit_id: 'fin' });
	await addPerson(temp.db, { id: 'olu', email: 'olu@example.com', name: 'Olu Ops' });
	await addGrant(temp.db, 'olu', 'leader', { org_unit_id: 'ops' });
	await addPerson(temp.db, { id: 'amara', email: 'amara@example.com', name: 'Amara Nwosu' });
	await addGrant(temp.db, 'amara', 'admin');
	await addPerson(temp.db, { id: 'line', email: 'line@example.com', name: 'Lina Line', team_id: 'ar' });
	await addPerson(temp.db, {
		id: 'priya',
		email: 'priya@example.com',
		name: 'Priya Raman',
		team_id: 'ap',
		manager_id: 'line'
	});
	await addPerson(temp.db, {
		id: 'ben',
		email: 'ben@example.com',
		name: 'Ben Booker',
		team_id: 'ap',
		manager_id: 'tomasz'
	});
	await addPerson(temp.db, { id: 'jess', email: 'jess@example.com', name: 'Jessica Taylor', team_id: 'care' });
	await addPerson(temp.db, { id: 'kim', email: 'kim@example.com', name: 'Kim Other', team_id: 'care' });
	await addPerson(temp.db, { id: 'gone', email: 'gone@example.com', name: 'Gone Away', team_id: 'ap', active: 0 });
});
afterAll(async () => {
	await temp.close();
});

describe('recording', () => {
	it('derives the source from who writes about whom', async () => {
		expect((await record('tomasz', 'priya')).source).toBe('manager');
		expect((await record('line', 'priya')).source).toBe('manager');
		expect((await record('jess', 'priya')).source).toBe('peer');
		expect((await record('hannah', 'priya')).source).toBe('peer');
		expect((await record('priya', 'priya')).source).toBe('self');
		const created = await lastAudit('observation.created', (await record('carlos', 'priya')).id);
		expect(created?.details).toMatchObject({ person_id: 'priya', source: 'peer', behaviour: 'ownership', version: 1 });
		// The audit log keeps one summary for every reader, in English.
		expect(created?.summary).toBe('Recorded a peer observation of Priya Raman on Takes ownership');
	});

	it('refuses people who have left, archived behaviours and dates in the future or long ago', async () => {
		const tomasz = await author('tomasz');
		expect(await createObservation(temp.db, tomasz, 'gone', evidence(), today, T0)).toMatchObject({ ok: false });
		expect(
			await createObservation(temp.db, tomasz, 'ben', evidence({ behaviour: 'no-such-behaviour' }), today, T0)
		).toMatchObject({ ok: false, errors: { behaviour: { code: 'growth_behaviour_not_in_list' } } });
		expect(
			await createObservation(temp.db, tomasz, 'ben', evidence({ observed_on: '2026-11-24' }), today, T0)
		).toMatchObject({ ok: false, errors: { observed_on: { code: 'growth_observed_on_future' } } });
		const old = await createObservation(temp.db, tomasz, 'ben', evidence({ observed_on: '2024-01-01' }), today, T0);
		expect(old.ok ? null : word(old.errors.observed_on!)).toBe('Record what you saw in the last 365 days');
		// "Today" is the author's: ahead of UTC, tomorrow's UTC date is already today.
		expect(
			(await createObservation(temp.db, tomasz, 'ben', evidence({ observed_on: '2026-11-24' }), '2026-11-24', T0)).ok
		).toBe(true);
	});
});

describe('visibility', () => {
	let managerNote: string;
	let peerNote: string;
	beforeAll(async () => {
		managerNote = (await record('tomasz', 'ben', { behaviour: 'empathy' })).id;
		peerNote = (await record('jess', 'ben', { behaviour: 'collaboration' })).id;
	});

	const sees = async (viewer: string, id: string) =>
		(await observationForViewer(temp.db, await scopeOf(temp.db, viewer), id)) !== undefined;

	it('shows an observation to the person, their managers, leaders above, admins and its author', async () => {
		for (const viewer of ['ben', 'tomasz', 'hannah', 'amara', 'jess'])
			expect(await sees(viewer, peerNote), viewer).toBe(true);
	});

	it('hides other people’s observations from a peer, and a team’s from managers and leaders elsewhere', async () => {
		expect(await sees('jess', managerNote)).toBe(false);
		expect(await sees('kim', peerNote)).toBe(false);
		expect(await sees('carlos', managerNote)).toBe(false);
		expect(await sees('olu', managerNote)).toBe(false);
		expect(await seesObservationsOf(temp.db, await scopeOf(temp.db, 'carlos'), 'ben')).toBeUndefined();
		expect(await seesObservationsOf(temp.db, await scopeOf(temp.db, 'jess'), 'ben')).toBeUndefined();
		expect(await seesObservationsOf(temp.db, await scopeOf(temp.db, 'line'), 'priya')).toBeDefined();
	});

	it('lists a team’s evidence newest first, filtered by source, for current members only', async () => {
		const all = await listObservations(temp.db, { teamId: 'ap' }, { limit: 100, offset: 0 });
		expect(all.rows.every((o) => ['priya', 'ben'].includes(o.person.id))).toBe(true);
		expect(all.rows.map((o) => o.observedOn)).toEqual([...all.rows.map((o) => o.observedOn)].sort().reverse());
		const peers = await listObservations(temp.db, { teamId: 'ap', source: 'peer' }, { limit: 2, offset: 0 });
		expect(peers.rows).toHaveLength(2);
		expect(peers.rows.every((o) => o.source === 'peer')).toBe(true);
		expect(peers.total).toBeGreaterThan(2);
	});
});

describe('changes', () => {
	it('lets only the author edit, audits the previous values and keeps the version', async () => {
		const { id } = await record('tomasz', 'ben', { behaviour: 'reliability', level: 2 });
		const before = await temp.db.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

		expect(
			await updateObservation(
				temp.db,
				await author('amara'),
				id,
				evidence({ behaviour: 'reliability', level: 5 }),
				today,
				T0
			)
		).toMatchObject({ ok: false });
		expect(
			await updateObservation(
				temp.db,
				await author('tomasz'),
				id,
				evidence({ behaviour: 'reliability', level: 3, impact: 'The month-end close finished a day early.' }),
				today,
				T0
			)
		).toEqual({ ok: true });

		const after = await temp.db.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
		expect(after).toMatchObject({ level: 3, behaviour_version_id: before.behaviour_version_id, source: 'manager' });
		const audit = await lastAudit('observation.updated', id);
		expect(audit?.actor_id).toBe('tomasz');
		expect(audit?.details.before).toEqual({ level: 2, impact: before.impact });
		expect(audit?.details.after).toEqual({ level: 3, impact: 'The month-end close finished a day early.' });
		// The summary names the fields as the form does, in each reader's language.
		expect(audit?.summary).toBe('Edited an observation of Ben Booker (Level and Impact)');
		expect(wordAudit(audit?.details.wording, 'nl')).toBe('Observatie over Ben Booker bewerkt (Niveau en Effect)');
	});

	it('lets the author or an admin delete, with what it said kept in the audit log', async () => {
		const { id } = await record('jess', 'ben', { behaviour: 'empathy', level: 2 });
		expect(await deleteObservation(temp.db, await author('tomasz'), id, T0)).toMatchObject({ ok: false });
		expect(await deleteObservation(temp.db, await author('amara'), id, T0)).toMatchObject({
			ok: true,
			personId: 'ben'
		});
		expect(
			await temp.db.selectFrom('observations').select('id').where('id', '=', id).executeTakeFirst()
		).toBeUndefined();
		const audit = await lastAudit('observation.deleted', id);
		expect(audit?.actor_id).toBe('amara');
		expect(audit?.details).toMatchObject({
			person_id: 'ben',
			author_id: 'jess',
			source: 'peer',
			level: 2,
			situation: evidence().situation
		});
	});

	it('takes one editable response from the observed person, audited', async () => {
		const { id } = await record('tomasz', 'ben');
		expect(await respondToObservation(temp.db, await author('tomasz'), id, 'Not mine to answer', T0)).toMatchObject({
			ok: false
		});
		expect(
			(await respondToObservation(temp.db, await author('ben'), id, 'Thanks, procurement were quick too.', T0)).ok
		).toBe(true);
		expect(
			(await respondToObservation(temp.db, await author('ben'), id, 'Thanks; procurement helped a lot.', T0)).ok
		).toBe(true);
		const row = await temp.db
			.selectFrom('observations')
			.select(['response', 'responded_at'])
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ response: 'Thanks; procurement helped a lot.', responded_at: T0.toISOString() });
		const audits = await temp.db
			.selectFrom('audit_events')
			.select('details')
			.where('action', '=', 'observation.responded')
			.where('object_id', '=', id)
			.execute();
		expect(audits.map((a) => JSON.parse(a.details!))).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ previous: null, response: 'Thanks, procurement were quick too.' }),
				expect.objectContaining({
					previous: 'Thanks, procurement were quick too.',
					response: 'Thanks; procurement helped a lot.'
				})
			])
		);
	});
});

describe('versioning', () => {
	it('keeps old observations on their version while new ones use the new scale', async () => {
		const admin = plainActor('amara', null, { isAdmin: true });
		const scale =
			defaultFramework.find((v) => v.slug === 'clarity')?.behaviours[0] ?? defaultFramework[0]!.behaviours[0]!;
		const id = `behaviour-${scale.slug}`;
		const old = await record('tomasz', 'ben', { behaviour: scale.slug, level: 3 });

		const changed = await updateBehaviour(
			temp.db,
			admin,
			id,
			{
				language: 'en',
				label: scale.label,
				description: scale.description,
				value_id: (
					await temp.db.selectFrom('behaviours').select('value_id').where('id', '=', id).executeTakeFirstOrThrow()
				).value_id,
				anchor_1: scale.anchors[0],
				anchor_2: scale.anchors[1],
				anchor_3: 'A rewritten level three for the new scale.',
				anchor_4: scale.anchors[3],
				anchor_5: scale.anchors[4]
			},
			T0
		);
		expect(changed).toMatchObject({ ok: true, change: 'new_version', version: 2 });

		const fresh = await record('tomasz', 'ben', { behaviour: scale.slug, level: 3 });
		const ben = await scopeOf(temp.db, 'ben');
		const oldView = await observationForViewer(temp.db, ben, old.id);
		const newView = await observationForViewer(temp.db, ben, fresh.id);
		expect(oldView?.observation).toMatchObject({ anchor: scale.anchors[2], version: { number: 1, current: false } });
		expect(newView?.observation).toMatchObject({
			anchor: 'A rewritten level three for the new scale.',
			version: { number: 2, current: true }
		});

		// Editing the old one keeps its scale; moving it to another behaviour takes that one's current scale.
		await updateObservation(
			temp.db,
			await author('tomasz'),
			old.id,
			evidence({ behaviour: scale.slug, level: 4 }),
			today,
			T0
		);
		expect((await observationForViewer(temp.db, ben, old.id))?.observation.version.number).toBe(1);
		await updateObservation(
			temp.db,
			await author('tomasz'),
			old.id,
			evidence({ behaviour: 'empathy', level: 4 }),
			today,
			T0
		);
		const moved = await temp.db
			.selectFrom('observations')
			.select('behaviour_version_id')
			.where('id', '=', old.id)
			.executeTakeFirstOrThrow();
		expect(moved.behaviour_version_id).toBe('behaviour-empathy-v1');
	});
});

describe('teamBehaviourSummary', () => {
	let db: TempDb;
	beforeAll(async () => {
		db = await openTempDb('summary');
		const company = await addUnit(db.db, 'co', 'Company');
		for (const team of ['t1', 't2', 't3']) await addTeam(db.db, team, `Team ${team}`, company.id);
		await addPerson(db.db, { id: 'm1', email: 'm1@example.com', name: 'Manager One', team_id: 't1' });
		await addGrant(db.db, 'm1', 'manager', { team_id: 't1' });
		await addPerson(db.db, { id: 'a', email: 'a@example.com', name: 'A', team_id: 't1' });
		await addPerson(db.db, { id: 'b', email: 'b@example.com', name: 'B', team_id: 't1' });
		await addPerson(db.db, { id: 'c', email: 'c@example.com', name: 'C', team_id: 't2' });
		await addPerson(db.db, { id: 'p', email: 'p@example.com', name: 'Peer', team_id: 't3' });
		await addPerson(db.db, { id: 'left', email: 'left@example.com', name: 'Left', team_id: 't1' });
		const at = T0.toISOString();
		let n = 0;
		const obs = async (
			person: string,
			authorId: string,
			behaviour: string,
			level: number,
			observed_on: string,
			source: 'manager' | 'peer' | 'self'
		) => {
			await db.db
				.insertInto('observations')
				.values({
					id: `o${++n}`,
					person_id: person,
					behaviour_id: `behaviour-${behaviour}`,
					behaviour_version_id: `behaviour-${behaviour}-v1`,
					level,
					situation: 's',
					action: 'a',
					impact: 'i',
					observed_on,
					source,
					author_id: authorId,
					response: null,
					responded_at: null,
					created_at: at,
					updated_at: at
				})
				.execute();
		};
		// Team 1 in November: ownership rated 4 and 2 by the manager and 3 by a peer; a self-rating of 5 is left out.
		await obs('a', 'm1', 'ownership', 4, '2026-11-01', 'manager');
		await obs('b', 'm1', 'ownership', 2, '2026-11-15', 'manager');
		await obs('a', 'p', 'ownership', 3, '2026-11-30', 'peer');
		await obs('a', 'a', 'ownership', 5, '2026-11-10', 'self');
		await obs('b', 'p', 'empathy', 5, '2026-11-20', 'peer');
		// Outside the range (end is exclusive), about a former member, and about another team.
		await obs('a', 'm1', 'ownership', 1, '2026-12-01', 'manager');
		await obs('a', 'm1', 'ownership', 1, '2026-10-31', 'manager');
		await obs('left', 'm1', 'ownership', 1, '2026-11-05', 'manager');
		await obs('c', 'p', 'ownership', 1, '2026-11-05', 'peer');
		await db.db.updateTable('people').set({ active: 0 }).where('id', '=', 'left').execute();
	});
	afterAll(async () => {
		await db.close();
	});

	it('averages, counts and counts distinct raters per team and active behaviour', async () => {
		const summary = await teamBehaviourSummary(db.db, ['t1', 't2', 't3'], { from: '2026-11-01', to: '2026-12-01' });
		const t1 = summary.get('t1')!;
		const active = defaultFramework.flatMap((v) => v.behaviours).length;
		expect(t1).toHaveLength(active);
		expect(t1.find((b) => b.slug === 'ownership')).toMatchObject({
			behaviourId: 'behaviour-ownership',
			label: 'Takes ownership',
			valueName: 'Ownership',
			average: 3,
			observations: 3,
			raters: 2
		});
		expect(t1.find((b) => b.slug === 'empathy')).toMatchObject({ average: 5, observations: 1, raters: 1 });
		expect(t1.find((b) => b.slug === 'reliability')).toMatchObject({ average: null, observations: 0, raters: 0 });
		expect(summary.get('t2')!.find((b) => b.slug === 'ownership')).toMatchObject({
			average: 1,
			observations: 1,
			raters: 1
		});
		expect(summary.get('t3')!.every((b) => b.average === null && b.observations === 0)).toBe(true);
	});

	it('leaves out archived behaviours and answers empty for no teams', async () => {
		await setBehaviourArchived(db.db, await actorFor(temp.db, 'm1', null), 'behaviour-empathy', true, T0);
		const summary = await teamBehaviourSummary(db.db, ['t1'], { from: '2026-11-01', to: '2026-12-01' });
		expect(summary.get('t1')!.some((b) => b.slug === 'empathy')).toBe(false);
		expect((await teamBehaviourSummary(db.db, [], { from: '2026-11-01', to: '2026-12-01' })).size).toBe(0);
		await setBehaviourArchived(db.db, await actorFor(temp.db, 'm1', null), 'behaviour-empathy', false, T0);
	});

	it('counts every non-self observation for 10,000 people in 100 teams', { timeout: 60_000 }, async () => {
		const big = await openTempDb('summary-scale');
		try {
			const company = await addUnit(big.db, 'co', 'Company');
			const at = T0.toISOString();
			const teams = Array.from({ length: 100 }, (_, i) => ({
				id: `t${i}`,
				name: `Team ${i}`,
				kind: 'back_office' as const,
				org_unit_id: company.id,
				created_at: at
			}));
			await big.db.insertInto('teams').values(teams).execute();
			const behaviours = defaultFramework.flatMap((v) => v.behaviours.map((b) => b.slug));
			await big.db.transaction().execute(async (trx) => {
				for (let start = 0; start < 10_000; start += 200) {
					const people = Array.from({ length: 200 }, (_, k) => {
						const i = start + k;
						return {
							id: `p${i}`,
							email: `p${i}@example.com`,
							name: `Person ${i}`,
							job_title: '',
							team_id: `t${i % 100}`,
							manager_id: null,
							time_zone: 'UTC',
							language: 'en',
							active: 1,
							password_hash: null,
							created_at: at,
							updated_at: at
						};
					});
					await trx.insertInto('people').values(people).execute();
					// Five observations per person across the year, by colleagues and themselves.
					const observations = people.flatMap((p, k) =>
						Array.from({ length: 5 }, (_, j) => {
							const slug = behaviours[(start + k + j) % behaviours.length]!;
							return {
								id: `${p.id}-o${j}`,
								person_id: p.id,
								behaviour_id: `behaviour-${slug}`,
								behaviour_version_id: `behaviour-${slug}-v1`,
								level: 1 + ((k + j) % 5),
								situation: 's',
								action: 'a',
								impact: 'i',
								observed_on: `2026-${String(1 + ((k + j) % 12)).padStart(2, '0')}-15`,
								source: (j === 4 ? 'self' : 'peer') as 'self' | 'peer',
								author_id: `p${start + ((k + j + 1) % 200)}`,
								response: null,
								responded_at: null,
								created_at: at,
								updated_at: at
							};
						})
					);
					await trx.insertInto('observations').values(observations).execute();
				}
			});
			// Speed is the benchmark's job (npm run bench); this checks the grouped queries at scale.
			const summary = await teamBehaviourSummary(
				big.db,
				teams.map((t) => t.id),
				{ from: '2026-01-01', to: '2027-01-01' }
			);
			expect(summary.size).toBe(100);
			const counted = [...summary.values()].flat().reduce((sum, b) => sum + b.observations, 0);
			expect(counted).toBe(40_000);
		} finally {
			await big.close();
		}
	});

	it('keeps self-ratings apart in a person’s own averages', async () => {
		const ratings = await personBehaviourRatings(db.db, 'a');
		const ownership = ratings.find((r) => r.slug === 'ownership');
		expect(ownership?.self).toEqual({ average: 5, count: 1, raters: 1 });
		expect(ownership?.others).toEqual({ average: 2.25, count: 4, raters: 2 });
	});
});
