/**
 * Measure data for the demo: a year of team metrics, case feedback, behaviour observations and
 * service-framework self-assessments, all placed relative to `now` so the demo reads the same
 * whatever day it is loaded. The stories are data under `northwind/` (team stories, observations,
 * assessments); this turns them into rows. The current month has no metric values, so a manager
 * can import it during a walkthrough.
 *
 * Every number comes from a PRNG seeded by a label such as `Payroll|sla_on_time`, so each series
 * is the same on every run and does not shift when another series changes.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type {
	CaseFeedbackTable,
	FeedbackLinkTable,
	MetricValueTable,
	NewObservation,
	ServiceAssessmentScoreTable,
	ServiceAssessmentTable
} from '../db/schema';
import { newId } from '../db/ids';
import { feedbackLinkExpiry } from '../feedback/rules';
import { generateSecret, hashSecret } from '../auth/tokens';
import { periodOf, periodsEndingWith, shiftPeriod, weeksOfMonth } from '../../periods';
import { serviceComponentKeys } from '../../service-framework';
import { feedbackRows } from './case-feedback';
import { endOf, isoDay, MONTHS, sampleCurve, startOf } from './measure-curves';
import { assessmentStories, componentNotes } from './northwind/assessments';
import { demoMetrics, type MetricKey } from './northwind/metrics';
import { demoMetricTranslations } from './northwind/metric-translations';
import { demoObservations } from './northwind/observations';
import { demoTeams } from './northwind/org';
import { demoPeople } from './northwind/people';
import { demoTeamStories, type TeamStory } from './northwind/team-stories';
import { clamp, round1 } from './numbers';
import { rngFromLabel } from './random';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Rounds a sampled value the way the team would report it. */
function reported(key: MetricKey, value: number): number {
	switch (key) {
		case 'sla_on_time':
			return round1(clamp(value, 50, 100));
		case 'first_response_hours':
			return round1(Math.max(0.5, value));
		case 'requests_handled':
		case 'backlog':
			return Math.max(0, Math.round(value));
		case 'rework_rate':
			return round1(Math.max(0.2, value));
	}
}

export interface DemoIds {
	people: Map<string, string>;
	teams: Map<string, string>;
	members: Map<string, string[]>;
}

/** People holding a manager grant for each team, by email, in the order `data.ts` lists them. */
function teamManagers(): Map<string, string[]> {
	const managers = new Map<string, string[]>();
	for (const person of demoPeople) {
		for (const grant of person.grants ?? []) {
			if (grant.role === 'manager') managers.set(grant.team, [...(managers.get(grant.team) ?? []), person.email]);
		}
	}
	return managers;
}

function idOf(map: Map<string, string>, key: string, what: string): string {
	const id = map.get(key);
	if (id === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
	return id;
}

/** Inserts in slices, keeping each statement well under SQLite's bound-variable limit. */
function slices<T>(rows: readonly T[], size = 400): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

/**
 * Creates or refreshes the demo's metric definitions (a reset keeps configuration tables, so the
 * keys may already exist) and returns their ids by key.
 */
export async function upsertDemoMetrics(trx: Db, at: string): Promise<Map<string, string>> {
	for (const [position, m] of demoMetrics.entries()) {
		const definition = {
			direction: m.direction,
			target: m.target,
			amber_band: m.amberBand,
			kind: m.kind,
			period: m.period,
			rollup: m.rollup,
			source: 'values' as const,
			position,
			archived_at: null,
			updated_at: at
		};
		await trx
			.insertInto('metrics')
			.values({ id: `metric-${m.key}`, key: m.key, created_at: at, ...definition })
			.onConflict((oc) => oc.column('key').doUpdateSet(definition))
			.execute();
	}
	const rows = await trx
		.selectFrom('metrics')
		.select(['id', 'key'])
		.where(
			'key',
			'in',
			demoMetrics.map((m) => m.key)
		)
		.execute();
	const ids = new Map(rows.map((r) => [r.key, r.id]));
	// The demo's metrics are named in English, Dutch and Chinese, as an admin of a multinational would.
	const texts = demoMetrics.flatMap((m) => {
		const metric_id = ids.get(m.key)!;
		return [
			{ metric_id, locale: 'en', name: m.name, description: m.description, unit: m.unit },
			...(['nl', 'zh-CN'] as const).map((locale) => ({
				metric_id,
				locale,
				...demoMetricTranslations[locale][m.key]
			}))
		];
	});
	await trx
		.insertInto('metric_texts')
		.values(texts)
		.onConflict((oc) =>
			oc.columns(['metric_id', 'locale']).doUpdateSet((eb) => ({
				name: eb.ref('excluded.name'),
				description: eb.ref('excluded.description'),
				unit: eb.ref('excluded.unit')
			}))
		)
		.execute();
	return ids;
}

function metricValueRows(
	context: { teamId: string; team: string; story: TeamStory; managerId: string | null },
	metricIds: Map<string, string>,
	months: readonly string[],
	nowMs: number
): Insertable<MetricValueTable>[] {
	const rows: Insertable<MetricValueTable>[] = [];
	const { teamId, team, story, managerId } = context;
	const add = (key: MetricKey, period: string, value: number, recordedAt: number) => {
		rows.push({
			metric_id: idOf(metricIds, key, 'metric'),
			team_id: teamId,
			period,
			value: reported(key, value),
			source: story.recordedBy,
			updated_by: managerId,
			integration_id: null,
			updated_at: new Date(Math.min(recordedAt, nowMs)).toISOString()
		});
	};
	for (const key of ['sla_on_time', 'first_response_hours', 'backlog', 'rework_rate'] as const) {
		const rng = rngFromLabel(`${team}|${key}`);
		for (const [index, month] of months.entries()) {
			// Reported at nine on the second day of the following month.
			add(key, month, sampleCurve(story.metrics[key], index, rng), endOf(month) + DAY + 9 * HOUR);
		}
	}
	const weekly = rngFromLabel(`${team}|requests_handled`);
	for (const [index, month] of months.entries()) {
		for (const week of weeksOfMonth(month)) {
			add('requests_handled', week, sampleCurve(story.metrics.requests_handled, index, weekly), endOf(week) + 9 * HOUR);
		}
	}
	return rows;
}

function observationRows(
	ids: DemoIds,
	behaviours: Map<string, { id: string; versionId: string }>,
	managers: Map<string, string[]>,
	now: Date
): NewObservation[] {
	const nowMs = now.getTime();
	const monthStart = startOf(periodOf('month', isoDay(nowMs)));
	const teamOf = new Map(demoPeople.map((p) => [p.email, p.team]));
	return demoObservations.map((o) => {
		const team = teamOf.get(o.about);
		if (o.source === 'manager' && !(team && managers.get(team)?.includes(o.by))) {
			throw new Error(`Demo data: ${o.by} does not manage ${o.about}'s team`);
		}
		if ((o.source === 'self') !== (o.by === o.about)) throw new Error(`Demo data: self-rating mix-up for ${o.about}`);
		const behaviour = behaviours.get(o.behaviour);
		if (!behaviour) throw new Error(`Demo data: unknown behaviour "${o.behaviour}"`);
		const seenMs =
			'beforeMonthStart' in o.when ? monthStart - o.when.beforeMonthStart * DAY : nowMs - o.when.daysAgo * DAY;
		const observedOn = isoDay(seenMs);
		// Written up the afternoon after it happened (never in the future).
		const written = Math.min(Date.parse(`${observedOn}T00:00:00.000Z`) + DAY + 15 * HOUR, nowMs);
		const responded = o.response === undefined ? null : new Date(Math.min(written + 2 * DAY, nowMs)).toISOString();
		return {
			id: newId(),
			person_id: idOf(ids.people, o.about, 'person'),
			behaviour_id: behaviour.id,
			behaviour_version_id: behaviour.versionId,
			level: o.level,
			situation: o.situation,
			action: o.action,
			impact: o.impact,
			observed_on: observedOn,
			source: o.source,
			author_id: idOf(ids.people, o.by, 'person'),
			response: o.response ?? null,
			responded_at: responded,
			created_at: new Date(written).toISOString(),
			updated_at: new Date(responded ?? written).toISOString()
		};
	});
}

/** Each behaviour's id and the version new ratings use, by slug. */
async function currentBehaviourVersions(trx: Db): Promise<Map<string, { id: string; versionId: string }>> {
	const rows = await trx
		.selectFrom('behaviours')
		.innerJoin('behaviour_versions', (join) =>
			join
				.onRef('behaviour_versions.behaviour_id', '=', 'behaviours.id')
				.onRef('behaviour_versions.version', '=', 'behaviours.current_version')
		)
		.select(['behaviours.slug', 'behaviours.id', 'behaviour_versions.id as version_id'])
		.execute();
	return new Map(rows.map((r) => [r.slug, { id: r.id, versionId: r.version_id }]));
}

function assessmentRows(
	ids: DemoIds,
	managers: Map<string, string[]>,
	leaderOf: Map<string, string>,
	now: Date
): { assessments: Insertable<ServiceAssessmentTable>[]; scores: Insertable<ServiceAssessmentScoreTable>[] } {
	const nowMs = now.getTime();
	const currentQuarter = periodOf('quarter', isoDay(nowMs));
	const assessments: Insertable<ServiceAssessmentTable>[] = [];
	const scores: Insertable<ServiceAssessmentScoreTable>[] = [];
	for (const [team, story] of Object.entries(assessmentStories)) {
		const teamId = idOf(ids.teams, team, 'team');
		const manager = managers.get(team)?.[0];
		const leader = leaderOf.get(team);
		const last = story.current ? currentQuarter : shiftPeriod(currentQuarter, -1);
		const quarters = periodsEndingWith(last, story.quarters);
		for (const [q, quarter] of quarters.entries()) {
			const id = newId();
			const assessor = q === 0 && leader ? leader : manager;
			const at =
				quarter === currentQuarter ? Math.max(startOf(quarter), nowMs - 5 * DAY) : endOf(quarter) - 8 * DAY + 10 * HOUR;
			const stamp = new Date(Math.min(at, nowMs)).toISOString();
			assessments.push({
				id,
				team_id: teamId,
				period: quarter,
				assessed_by: assessor ? idOf(ids.people, assessor, 'person') : null,
				created_at: stamp,
				updated_at: stamp
			});
			const progress = quarters.length > 1 ? q / (quarters.length - 1) : 1;
			const isLatest = q === quarters.length - 1;
			for (const [c, component] of serviceComponentKeys.entries()) {
				const first = story.first[c] ?? 3;
				const latest = story.latest[c] ?? first;
				const score = clamp(Math.round(first + (latest - first) * progress), 1, 5);
				const band = score <= 2 ? 0 : score === 3 ? 1 : 2;
				const note = (isLatest ? story.notes?.[component] : undefined) ?? componentNotes[component][band];
				scores.push({ assessment_id: id, component, score, note });
			}
		}
	}
	return { assessments, scores };
}

/**
 * Seeds metric definitions and values, case feedback, observations and self-assessments for the
 * demo organisation. Runs inside the caller's transaction, after people and teams exist.
 */
export async function seedDemoMeasure(trx: Db, ids: DemoIds, now: Date): Promise<void> {
	const nowMs = now.getTime();
	const currentMonth = periodOf('month', isoDay(nowMs));
	const months = periodsEndingWith(shiftPeriod(currentMonth, -1), MONTHS);
	const managers = teamManagers();

	const metricIds = await upsertDemoMetrics(trx, now.toISOString());
	const values: Insertable<MetricValueTable>[] = [];
	const links: Insertable<FeedbackLinkTable>[] = [];
	const responses: Insertable<CaseFeedbackTable>[] = [];
	for (const [team, teamId] of ids.teams) {
		const story = demoTeamStories[team];
		if (!story) throw new Error(`Demo data: no Measure story for team "${team}"`);
		const manager = managers.get(team)?.[0];
		const managerId = manager ? idOf(ids.people, manager, 'person') : null;
		values.push(...metricValueRows({ teamId, team, story, managerId }, metricIds, months, nowMs));
		const requesters = demoPeople.filter((p) => p.team !== team).map((p) => p.email);
		const rows = feedbackRows(
			{ teamId, team, story, members: ids.members.get(team) ?? [] },
			months,
			currentMonth,
			requesters,
			now
		);
		links.push(...rows.links);
		responses.push(...rows.responses);
	}

	// Accounts Payable sent its newest open link twice and withdrew the copy.
	const apId = ids.teams.get('Accounts Payable');
	const original = links.filter((l) => l.team_id === apId && l.kind === 'case' && l.answered_at === null).at(-1);
	if (apId && original) {
		const created = Date.parse(original.created_at) + 10 * 60_000;
		links.push({
			...original,
			id: newId(),
			token_hash: hashSecret(generateSecret()),
			created_at: new Date(created).toISOString(),
			expires_at: feedbackLinkExpiry('case', new Date(created)).toISOString(),
			closed_at: new Date(Math.min(created + HOUR, nowMs)).toISOString()
		});
	}

	for (const batch of slices(values)) await trx.insertInto('metric_values').values(batch).execute();
	for (const batch of slices(links)) await trx.insertInto('feedback_links').values(batch).execute();
	for (const batch of slices(responses)) await trx.insertInto('case_feedback').values(batch).execute();

	const behaviours = await currentBehaviourVersions(trx);
	const observations = observationRows(ids, behaviours, managers, now);
	for (const batch of slices(observations)) await trx.insertInto('observations').values(batch).execute();

	// The unit leader ran each team's first assessment; the team's managers took it over after.
	const unitLeaders = new Map<string, string>();
	for (const person of demoPeople) {
		for (const grant of person.grants ?? []) if (grant.role === 'leader') unitLeaders.set(grant.unit, person.email);
	}
	const leaderOf = new Map<string, string>();
	for (const team of demoTeams) {
		const leader = unitLeaders.get(team.unit);
		if (leader) leaderOf.set(team.name, leader);
	}
	const { assessments, scores } = assessmentRows(ids, managers, leaderOf, now);
	for (const batch of slices(assessments)) await trx.insertInto('service_assessments').values(batch).execute();
	for (const batch of slices(scores)) await trx.insertInto('service_assessment_scores').values(batch).execute();
}
