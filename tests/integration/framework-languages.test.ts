import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	behaviourDetail,
	createBehaviour,
	createValue,
	frameworkOverview,
	updateBehaviour,
	updateValue,
	type BehaviourInput
} from '../../src/lib/server/behaviours/framework';
import { createObservation } from '../../src/lib/server/behaviours/observations';
import { createMetric, editMetric, getMetric } from '../../src/lib/server/metrics/definitions';
import { wordAudit, type AuditWording } from '../../src/lib/server/audit/log';
import { setDefaultLocale } from '../../src/lib/server/org/settings';
import { actorFor, addGrant, addPerson, addTeam, addUnit, openTempDb, plainActor, T0, type TempDb } from './temp-db';

/**
 * The behaviour framework and metric definitions per language (issue 16): the default framework and
 * experience metrics ship in English, Dutch and Chinese; admins write each language; a reader gets
 * their language, else the organisation's default, else English; the scale is versioned in the
 * organisation's default language and translated in place in the others.
 */

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

beforeAll(async () => {
	temp = await openTempDb('framework-languages');
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

describe('the shipped framework and experience metrics', () => {
	it('read in each reader’s language', async () => {
		const ownership = async (locale: 'en' | 'nl' | 'zh-CN') =>
			(await frameworkOverview(temp.db, locale)).find((v) => v.slug === 'ownership')!;
		expect((await ownership('en')).name).toBe('Ownership');
		expect((await ownership('nl')).name).toBe('Eigenaarschap');
		expect((await ownership('nl')).behaviours[0]!.label).toBe('Neemt eigenaarschap');
		expect((await ownership('zh-CN')).languages).toEqual(expect.arrayContaining(['en', 'nl', 'zh-CN']));
		expect((await ownership('zh-CN')).name).not.toBe('Ownership');

		const detail = await behaviourDetail(temp.db, 'behaviour-ownership', 'nl');
		expect(detail?.versions[0]?.anchors[0]).toMatch(/^Geeft aanvragen door/);

		expect((await getMetric(temp.db, 'metric-case_net_score', 'nl'))?.name).toBe('Nettoscore van interne klanten');
		expect((await getMetric(temp.db, 'metric-case_net_score', 'zh-CN'))?.unit).toBe('分');
		expect((await getMetric(temp.db, 'metric-case_net_score', 'en'))?.unit).toBe('points');
	});
});

describe('texts an admin writes', () => {
	it('fall back to the organisation’s default language, then English, for a language without its own', async () => {
		const created = await createValue(
			temp.db,
			admin,
			{ language: 'en', name: 'Curiosity', description: 'We ask why.' },
			T0
		);
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		const nameIn = async (locale: 'en' | 'nl' | 'zh-CN') =>
			(await frameworkOverview(temp.db, locale)).find((v) => v.id === created.id)!.name;

		expect(await nameIn('nl')).toBe('Curiosity');
		const translated = await updateValue(
			temp.db,
			admin,
			created.id,
			{ language: 'nl', name: 'Nieuwsgierigheid', description: 'We vragen door.' },
			T0
		);
		expect(translated.ok).toBe(true);
		expect(await nameIn('nl')).toBe('Nieuwsgierigheid');
		expect(await nameIn('en')).toBe('Curiosity');
		expect(await nameIn('zh-CN')).toBe('Curiosity');

		await setDefaultLocale(temp.db, admin, 'nl', T0);
		try {
			expect(await nameIn('zh-CN')).toBe('Nieuwsgierigheid');
			expect(await nameIn('en')).toBe('Curiosity');
		} finally {
			await setDefaultLocale(temp.db, admin, 'en', T0);
		}

		const [event] = await temp.db
			.selectFrom('audit_events')
			.select('details')
			.where('action', '=', 'behaviour_value.updated')
			.where('object_id', '=', created.id)
			.execute();
		const details = JSON.parse(event!.details!) as { locale: string };
		expect(details.locale).toBe('nl');
	});

	it('refuse a value name already used in the same language, and allow it in another', async () => {
		const taken = await createValue(temp.db, admin, { language: 'nl', name: 'eigenaarschap', description: '' }, T0);
		expect(taken.ok).toBe(false);
		const elsewhere = await createValue(temp.db, admin, { language: 'en', name: 'Eigenaarschap', description: '' }, T0);
		expect(elsewhere.ok).toBe(true);
	});
});

describe('a scale in several languages', () => {
	it('is versioned in the organisation’s default language and translated in place in the others', async () => {
		const value = await createValue(temp.db, admin, { language: 'en', name: 'Openness', description: '' }, T0);
		if (!value.ok) throw new Error('value');
		const input = (extra: Partial<BehaviourInput>): BehaviourInput => ({
			language: 'en',
			label: 'Keeps requesters informed',
			description: '',
			value_id: value.id,
			...anchors('v1'),
			...extra
		});
		const created = await createBehaviour(temp.db, admin, input({}), T0);
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		const observed = await createObservation(
			temp.db,
			await actorFor(temp.db, 'mgr', null),
			'priya',
			{
				behaviour: created.slug,
				level: 3,
				situation: 'A supplier asked three times about an unpaid invoice.',
				action: 'She called back the same day with the payment date.',
				impact: 'The supplier stopped chasing.',
				observed_on: today
			},
			today,
			T0
		);
		if (!observed.ok) throw new Error(JSON.stringify(observed.errors));

		// The first Dutch text of an observed scale translates it: no new version.
		const dutch = await updateBehaviour(
			temp.db,
			admin,
			created.id,
			input({ language: 'nl', label: 'Houdt aanvragers op de hoogte', ...anchors('nl') }),
			T0
		);
		expect(dutch).toMatchObject({ ok: true, change: 'edit_in_place', version: 1 });
		// Rewording the Dutch is still a translation of version 1.
		const reworded = await updateBehaviour(
			temp.db,
			admin,
			created.id,
			input({ language: 'nl', label: 'Houdt aanvragers op de hoogte', ...anchors('nl, beter') }),
			T0
		);
		expect(reworded).toMatchObject({ ok: true, change: 'edit_in_place', version: 1 });
		let detail = await behaviourDetail(temp.db, created.id, 'nl');
		expect(detail?.behaviour.label).toBe('Houdt aanvragers op de hoogte');
		expect(detail?.versions[0]?.anchors[2]).toBe('nl, beter: keeps requesters updated at each step.');
		expect(detail?.writtenIn.sort()).toEqual(['en', 'nl']);

		// Changing the English, the scale's own language, under a rating makes version 2, in English only.
		const versioned = await updateBehaviour(temp.db, admin, created.id, input(anchors('v2')), T0);
		expect(versioned).toMatchObject({ ok: true, change: 'new_version', version: 2 });
		detail = await behaviourDetail(temp.db, created.id, 'nl');
		expect(detail?.written.anchors).toBeNull();
		expect(detail?.versions[0]?.anchors[2]).toBe('v2: keeps requesters updated at each step.');
		expect(detail?.versions[1]?.anchors[2]).toBe('nl, beter: keeps requesters updated at each step.');
		expect(detail?.writtenIn).toEqual(['en']);
	});
});

describe('a metric in several languages', () => {
	const auditWordings = async (metricId: string) =>
		(
			await temp.db
				.selectFrom('audit_events')
				.select('details')
				.where('action', '=', 'metric.updated')
				.where('object_id', '=', metricId)
				.orderBy('at')
				.orderBy('id')
				.execute()
		).map((e) => (JSON.parse(e.details!) as { wording: AuditWording }).wording);

	it('takes its Dutch name from a Dutch admin without changing the English', async () => {
		const result = await editMetric(
			temp.db,
			admin,
			'metric-case_responses',
			{ language: 'nl', name: 'Aantal reacties', description: 'Reacties per maand.', target: null, amber_band: 0 },
			T0
		);
		expect(result.ok).toBe(true);
		expect((await getMetric(temp.db, 'metric-case_responses', 'nl'))?.name).toBe('Aantal reacties');
		expect((await getMetric(temp.db, 'metric-case_responses', 'en'))?.name).toBe('Case-feedback responses');
		// The unit of a computed metric is not the admin's to change: it keeps the shipped Dutch one.
		expect((await getMetric(temp.db, 'metric-case_responses', 'nl'))?.unit).toBe('reacties');
		const [changed] = await auditWordings('metric-case_responses');
		expect(wordAudit(changed!, 'en')).toBe('Metric case_responses changed: name and description');
		expect(wordAudit(changed!, 'nl')).toBe('Indicator case_responses gewijzigd: naam en beschrijving');
	});

	it('gets its first text in a language, audited as a translation', async () => {
		const created = await createMetric(
			temp.db,
			admin,
			{
				language: 'en',
				key: 'queries_closed',
				name: 'Queries closed',
				description: '',
				unit: 'queries',
				direction: 'higher',
				target: null,
				amber_band: 0,
				kind: 'operational',
				period: 'month',
				rollup: 'sum'
			},
			T0
		);
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		expect((await getMetric(temp.db, created.id, 'zh-CN'))?.name).toBe('Queries closed');
		const result = await editMetric(
			temp.db,
			admin,
			created.id,
			{
				language: 'zh-CN',
				name: '已结工单',
				description: '',
				unit: '张',
				direction: 'higher',
				target: null,
				amber_band: 0,
				kind: 'operational',
				period: 'month',
				rollup: 'sum'
			},
			T0
		);
		expect(result.ok).toBe(true);
		expect(await getMetric(temp.db, created.id, 'zh-CN')).toMatchObject({ name: '已结工单', unit: '张' });
		expect(await getMetric(temp.db, created.id, 'en')).toMatchObject({ name: 'Queries closed', unit: 'queries' });
		const [translated] = await auditWordings(created.id);
		expect(wordAudit(translated!, 'en')).toBe('Wrote the metric queries_closed in Simplified Chinese');
	});
});
