import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	behaviourDetail,
	createBehaviour,
	createValue,
	deleteValue,
	frameworkOverview,
	moveBehaviour,
	moveValue,
	setBehaviourArchived,
	updateBehaviour,
	updateValue,
	type BehaviourInput
} from '../../src/lib/server/behaviours/framework';
import { createObservation, observationForViewer } from '../../src/lib/server/behaviours/observations';
import { behaviourLabels, getValue, isActiveBehaviour, listBehaviours } from '../../src/lib/server/behaviours/queries';
import { scopeOf } from '../../src/lib/server/people/queries';
import { word } from '../../src/lib/server/service-result';
import { addGrant, addPerson, addTeam, addUnit, openTempDb, T0, type TempDb, plainActor, actorFor } from './temp-db';

let temp: TempDb;
const admin = plainActor('admin', '127.0.0.1', { isAdmin: true });
const today = '2026-11-23';

const anchors = (tag: string) => ({
	anchor_1: `${tag}: leaves requests unanswered for days.`,
	anchor_2: `${tag}: answers when chased, rarely before.`,
	anchor_3: `${tag}: keeps requesters updated at each step.`,
	anchor_4: `${tag}: updates before anyone has to ask.`,
	anchor_5: `${tag}: sets up updates the whole team follows.`
});

async function events(action: string, objectId: string) {
	return temp.db
		.selectFrom('audit_events')
		.selectAll()
		.where('action', '=', action)
		.where('object_id', '=', objectId)
		.execute();
}

beforeAll(async () => {
	temp = await openTempDb('behaviours');
	const company = await addUnit(temp.db, 'co', 'Company');
	await addTeam(temp.db, 'ap', 'Accounts Payable', company.id);
	await addPerson(temp.db, { id: 'admin', email: 'admin@example.com', name: 'Ada Admin' });
	await addGrant(temp.db, 'admin', 'admin');
	await addPerson(temp.db, { id: 'mgr', email: 'mgr@example.com', name: 'Mo Manager', team_id: 'ap' });
	await addGrant(temp.db, 'mgr', 'manager', { team_id: 'ap' });
	await addPerson(temp.db, {
		id: 'priya',
		email: 'priya@example.com',
		name: 'Priya Raman',
		team_id: 'ap',
		manager_id: 'mgr'
	});
});
afterAll(async () => {
	await temp.close();
});

describe('values', () => {
	it('adds, renames and reorders a value, auditing each change, and keeps its slug', async () => {
		const created = await createValue(
			temp.db,
			admin,
			{ language: 'en', name: 'Curiosity', description: 'We ask why.' },
			T0
		);
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		expect(await events('behaviour_value.created', created.id)).toHaveLength(1);

		expect((await createValue(temp.db, admin, { language: 'en', name: 'curiosity', description: '' }, T0)).ok).toBe(
			false
		);

		expect(
			(
				await updateValue(
					temp.db,
					admin,
					created.id,
					{ language: 'en', name: 'Curiosity and learning', description: 'We ask why.' },
					T0
				)
			).ok
		).toBe(true);
		expect(await getValue(temp.db, created.id, 'en')).toMatchObject({
			name: 'Curiosity and learning',
			slug: 'curiosity'
		});
		const [updated] = await events('behaviour_value.updated', created.id);
		expect(JSON.parse(updated!.details!)).toMatchObject({
			before: { name: 'Curiosity' },
			after: { name: 'Curiosity and learning' }
		});

		const before = (await frameworkOverview(temp.db, 'en')).map((v) => v.id);
		expect(before.at(-1)).toBe(created.id);
		await moveValue(temp.db, admin, created.id, 'up', T0);
		const after = (await frameworkOverview(temp.db, 'en')).map((v) => v.id);
		expect(after.at(-2)).toBe(created.id);
		expect(after.at(-1)).toBe(before.at(-2));
	});

	it('deletes a value only when no behaviour sits under it, archived ones included', async () => {
		const value = await createValue(temp.db, admin, { language: 'en', name: 'Temporary', description: '' }, T0);
		if (!value.ok) throw new Error('value');
		const behaviour = await createBehaviour(
			temp.db,
			admin,
			{ language: 'en', label: 'Tries things', description: '', value_id: value.id, ...anchors('Tries') },
			T0
		);
		if (!behaviour.ok) throw new Error('behaviour');
		await setBehaviourArchived(temp.db, admin, behaviour.id, true, T0);

		const refused = await deleteValue(temp.db, admin, value.id, T0);
		expect(refused).toMatchObject({
			ok: false,
			errors: { _form: { code: 'growth_value_still_used', params: { name: 'Temporary', count: 1 } } }
		});
		expect(refused.ok ? null : word(refused.errors._form!)).toBe(
			'Temporary still has 1 behaviour (archived ones count); move them to another value first'
		);
		expect(await events('behaviour_value.deleted', value.id)).toHaveLength(0);

		const empty = await createValue(temp.db, admin, { language: 'en', name: 'Empty', description: '' }, T0);
		if (!empty.ok) throw new Error('empty');
		expect((await deleteValue(temp.db, admin, empty.id, T0)).ok).toBe(true);
		expect(
			await temp.db.selectFrom('behaviour_values').select('id').where('id', '=', empty.id).executeTakeFirst()
		).toBeUndefined();
		expect(await events('behaviour_value.deleted', empty.id)).toHaveLength(1);
	});
});

describe('behaviours', () => {
	let valueId: string;
	beforeAll(async () => {
		const value = await createValue(
			temp.db,
			admin,
			{ language: 'en', name: 'Clarity of updates', description: '' },
			T0
		);
		if (!value.ok) throw new Error('value');
		valueId = value.id;
	});

	const input = (extra: Partial<BehaviourInput> = {}): BehaviourInput => ({
		language: 'en',
		label: 'Keeps requesters informed',
		description: 'Updates without being chased.',
		value_id: valueId,
		...anchors('v1'),
		...extra
	});

	it('makes a unique slug from the label and never changes it on rename', async () => {
		const first = await createBehaviour(temp.db, admin, input(), T0);
		const second = await createBehaviour(temp.db, admin, input(), T0);
		if (!first.ok || !second.ok) throw new Error('create');
		expect(first.slug).toBe('keeps-requesters-informed');
		expect(second.slug).toBe('keeps-requesters-informed-2');
		expect(await events('behaviour.created', first.id)).toHaveLength(1);

		await updateBehaviour(temp.db, admin, first.id, input({ language: 'en', label: 'Keeps people in the loop' }), T0);
		const detail = await behaviourDetail(temp.db, first.id, 'en');
		expect(detail?.behaviour).toMatchObject({ label: 'Keeps people in the loop', slug: 'keeps-requesters-informed' });
		expect((await behaviourLabels(temp.db)).get('keeps-requesters-informed')).toBe('Keeps people in the loop');
	});

	it('corrects anchors in place while unobserved, then versions them once observed', async () => {
		const created = await createBehaviour(temp.db, admin, input({ language: 'en', label: 'Explains decisions' }), T0);
		if (!created.ok) throw new Error('create');

		// Nobody rated yet: the same version is corrected.
		const fixed = await updateBehaviour(
			temp.db,
			admin,
			created.id,
			input({ language: 'en', label: 'Explains decisions', ...anchors('v1 corrected') }),
			T0
		);
		expect(fixed).toMatchObject({ ok: true, change: 'edit_in_place', version: 1 });
		let detail = await behaviourDetail(temp.db, created.id, 'en');
		expect(detail?.versions).toHaveLength(1);
		expect(detail?.versions[0]?.anchors[2]).toBe('v1 corrected: keeps requesters updated at each step.');
		const [inPlace] = await events('behaviour.updated', created.id);
		expect(JSON.parse(inPlace!.details!).anchors.before[0]).toBe('v1: leaves requests unanswered for days.');

		// Saving the same anchors again changes nothing.
		expect(
			await updateBehaviour(
				temp.db,
				admin,
				created.id,
				input({ language: 'en', label: 'Explains decisions', ...anchors('v1 corrected') }),
				T0
			)
		).toMatchObject({ change: 'unchanged', version: 1 });

		// Someone is rated against version 1: it is frozen from now on.
		const mgr = await actorFor(temp.db, 'mgr', null);
		const observed = await createObservation(
			temp.db,
			mgr,
			'priya',
			{
				behaviour: created.slug,
				level: 3,
				situation: 'A supplier queried a held invoice.',
				action: 'Priya explained why it was held and when it would clear.',
				impact: 'The supplier stopped chasing and the call centre had no escalation.',
				observed_on: today
			},
			today,
			T0
		);
		if (!observed.ok) throw new Error(JSON.stringify(observed.errors));

		const versioned = await updateBehaviour(
			temp.db,
			admin,
			created.id,
			input({ language: 'en', label: 'Explains decisions', ...anchors('v2') }),
			T0
		);
		expect(versioned).toMatchObject({ ok: true, change: 'new_version', version: 2 });
		detail = await behaviourDetail(temp.db, created.id, 'en');
		expect(detail?.behaviour.currentVersion).toBe(2);
		expect(detail?.versions.map((v) => [v.version, v.observations])).toEqual([
			[2, 0],
			[1, 1]
		]);
		expect(detail?.versions[1]?.anchors[2]).toBe('v1 corrected: keeps requesters updated at each step.');
		expect(await events('behaviour.versioned', created.id)).toHaveLength(1);

		// The old observation still reads its original anchor.
		const seen = await observationForViewer(temp.db, await scopeOf(temp.db, 'priya'), observed.id);
		expect(seen?.observation.anchor).toBe('v1 corrected: keeps requesters updated at each step.');
		expect(seen?.observation.version).toMatchObject({ number: 1, current: false });
	});

	it('reorders behaviours within their value', async () => {
		const overview = async () =>
			(await frameworkOverview(temp.db, 'en')).find((v) => v.id === valueId)!.behaviours.map((b) => b.id);
		const before = await overview();
		await moveBehaviour(temp.db, admin, before[1]!, 'up', T0);
		const after = await overview();
		expect(after.slice(0, 2)).toEqual([before[1], before[0]]);
		expect(await events('behaviour.updated', before[1]!)).not.toHaveLength(0);
	});

	it('archives a behaviour out of pickers while its name and history stay, and restores it', async () => {
		const created = await createBehaviour(temp.db, admin, input({ language: 'en', label: 'Closes the loop' }), T0);
		if (!created.ok) throw new Error('create');
		await setBehaviourArchived(temp.db, admin, created.id, true, T0);
		expect((await listBehaviours(temp.db)).some((b) => b.id === created.id)).toBe(false);
		expect(await isActiveBehaviour(temp.db, created.slug)).toBe(false);
		expect((await behaviourLabels(temp.db)).get(created.slug)).toBe('Closes the loop');
		expect((await listBehaviours(temp.db, { includeArchived: true })).find((b) => b.id === created.id)?.archived).toBe(
			true
		);
		expect(await events('behaviour.archived', created.id)).toHaveLength(1);

		await setBehaviourArchived(temp.db, admin, created.id, false, T0);
		expect(await isActiveBehaviour(temp.db, created.slug)).toBe(true);
		expect(await events('behaviour.restored', created.id)).toHaveLength(1);
	});

	it('lists the modules that build each seeded behaviour', async () => {
		const all = (await frameworkOverview(temp.db, 'en')).flatMap((v) => v.behaviours);
		const ownership = all.find((b) => b.slug === 'ownership');
		expect(ownership?.modules.length).toBeGreaterThan(0);
		expect(ownership?.modules.map((m) => m.slug)).toContain('breaking-down-silos');
	});
});
