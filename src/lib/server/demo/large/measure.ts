/**
 * The large organisation's Measure data: two years of metric values, case feedback, behaviour
 * observations and service-framework self-assessments.
 */
import type { Db } from '../../db';
import type { ObservationSource } from '../../db/schema';
import { hashSecret } from '../../auth/tokens';
import { feedbackLinkExpiry } from '../../feedback/rules';
import { feedbackReasons } from '../../../feedback';
import { periodOf, periodRange, periodsEndingWith, shiftPeriod, weeksOfMonth } from '../../../periods';
import { serviceComponentKeys } from '../../../service-framework';
import { upsertDemoMetrics } from '../measure';
import { clamp, round1 } from '../numbers';
import { between, gauss, pick, rngFromSeed, sample, type Rng } from '../random';
import { apportion, MONTHS, type Context, type Shape } from './plan';
import { closeAll, DAY, HOUR, idMaker, iso, isoDay, TableWriter, type Written } from './rows';
import { ACTIONS, ASSESSMENT_NOTES, FEEDBACK_COMMENTS, IMPACTS, RESPONSES, SITUATIONS } from './vocabulary';

const GOOD_REASONS = feedbackReasons.filter((r) => r.tone === 'positive').map((r) => r.key);
const POOR_REASONS = feedbackReasons.filter((r) => r.tone === 'negative').map((r) => r.key);

/** A drifting series: a level, a straight trend over the months, noise, kept inside limits. */
function series(
	rng: Rng,
	level: number,
	trend: number,
	noise: number,
	limits: [number, number]
): (index: number) => number {
	const slope = (rng() - 0.5) * 2 * trend;
	return (index) => round1(clamp(level + (slope * index) / (MONTHS - 1) + gauss(rng) * noise, limits[0], limits[1]));
}

export async function seedMetricValues(
	{ trx, seed, nowMs, org }: Context,
	months: readonly string[]
): Promise<Written> {
	const metricIds = await upsertDemoMetrics(trx, iso(nowMs));
	const metric = (key: string) => {
		const id = metricIds.get(key);
		if (!id) throw new Error(`Large organisation: metric ${key} is missing`);
		return id;
	};
	const values = new TableWriter(trx, 'metric_values');
	const weeks = months.map((month) => weeksOfMonth(month));
	const endOf = (period: string) => Date.parse(`${periodRange(period).end}T00:00:00.000Z`);
	for (const team of org.teams) {
		const rng = rngFromSeed(seed, `metrics|${team.id}`);
		const source = pick(rng, ['entry', 'import', 'api'] as const);
		const size = team.members.length;
		const monthly = [
			['sla_on_time', series(rng, 84 + 14 * rng(), 8, 1.5, [40, 100])],
			['first_response_hours', series(rng, 3 + 10 * rng(), 4, 1, [0.5, 72])],
			['backlog', series(rng, size * (1 + 4 * rng()), size, size / 4, [0, 2000])],
			['rework_rate', series(rng, 1 + 9 * rng(), 3, 0.8, [0, 60])]
		] as const;
		const weekly = series(rng, size * (4 + 10 * rng()), size * 2, size, [0, 10_000]);
		const row = (key: string, period: string, value: number, recordedMs: number) =>
			values.add({
				metric_id: metric(key),
				team_id: team.id,
				period,
				value,
				source,
				updated_by: org.people[team.manager]!.id,
				integration_id: null,
				updated_at: iso(Math.min(recordedMs, nowMs))
			});
		for (const [i, month] of months.entries()) {
			for (const [key, value] of monthly) row(key, month, value(i), endOf(month) + DAY + 9 * HOUR);
			for (const week of weeks[i]!) row('requests_handled', week, Math.round(weekly(i)), endOf(week) + 9 * HOUR);
		}
		await values.spill();
	}
	return closeAll([values]);
}

export async function seedCaseFeedback(
	{ trx, seed, nowMs, org }: Context,
	shape: Shape,
	months: readonly string[]
): Promise<Written> {
	const rng = rngFromSeed(seed, 'case-feedback');
	const linkId = idMaker(seed, 'feedback_links');
	const responseId = idMaker(seed, 'case_feedback');
	const links = new TableWriter(trx, 'feedback_links');
	const responses = new TableWriter(trx, 'case_feedback', links);

	// About one team in seven hears from fewer than five customers a month (below the anonymity
	// threshold); the rest share what is left, each with its own volume and mood.
	const quiet = org.teams.map(() => rng() < 0.15);
	const counts = org.teams.map((_, t) => months.map(() => (quiet[t] ? between(rng, 1, 4) : 0)));
	const loud = org.teams.flatMap((_, t) => (quiet[t] ? [] : [t]));
	const quietTotal = counts.flat().reduce((a, b) => a + b, 0);
	const weights = loud.flatMap(() => {
		const volume = 0.5 + rng();
		return months.map(() => volume * (0.8 + 0.4 * rng()));
	});
	const shares = apportion(Math.max(0, shape.caseFeedback - quietTotal), weights);
	for (const [k, t] of loud.entries()) counts[t] = months.map((_, m) => shares[k * months.length + m] ?? 0);

	const monthStart = (month: string) => Date.parse(`${periodRange(month).start}T00:00:00.000Z`);
	for (const [t, team] of org.teams.entries()) {
		const mood = 6 + 3.5 * rng();
		let caseNumber = 0;
		const link = (createdMs: number, answeredMs: number | null) => {
			const id = linkId();
			links.add({
				id,
				team_id: team.id,
				kind: 'case',
				case_reference: `${team.fn.slice(0, 3).toUpperCase()}-${t + 1}-${String(++caseNumber).padStart(5, '0')}`,
				requester_email: rng() < 0.5 ? pick(rng, org.people).email : null,
				token_hash: hashSecret(`large-${seed}-${id}`),
				created_by: org.people[pick(rng, team.members)]!.id,
				created_at: iso(createdMs),
				expires_at: iso(feedbackLinkExpiry('case', new Date(createdMs)).getTime()),
				answered_at: answeredMs === null ? null : iso(answeredMs),
				closed_at: null
			});
			return id;
		};
		for (const [m, month] of months.entries()) {
			const start = monthStart(month);
			const days = Math.round((Date.parse(`${periodRange(month).end}T00:00:00.000Z`) - start) / DAY);
			const monthMood = mood + (rng() - 0.5);
			const count = counts[t]?.[m] ?? 0;
			for (let r = 0; r < count; r++) {
				const submitted = Math.min(start + between(rng, 0, days - 1) * DAY + (7 + rng() * 10) * HOUR, nowMs);
				const score = clamp(Math.round(monthMood + 1.8 * gauss(rng)), 0, 10);
				const reasons =
					score >= 8
						? rng() < 0.9
							? [pick(rng, GOOD_REASONS)]
							: []
						: score <= 6
							? [...new Set([pick(rng, POOR_REASONS), pick(rng, POOR_REASONS)])]
							: [pick(rng, rng() < 0.5 ? GOOD_REASONS : POOR_REASONS)];
				responses.add({
					id: responseId(),
					link_id: link(submitted - (2 * HOUR + rng() * 3 * DAY), submitted),
					team_id: team.id,
					score,
					reasons: JSON.stringify(reasons),
					comment: rng() < 0.3 ? pick(rng, score >= 7 ? FEEDBACK_COMMENTS.good : FEEDBACK_COMMENTS.poor) : '',
					minutes_lost: score <= 6 && rng() < 0.6 ? pick(rng, [15, 30, 60, 120]) : null,
					submitted_at: iso(submitted)
				});
			}
			// About one requester in five never answers.
			for (let u = Math.round(count * 0.2); u > 0; u--) link(Math.min(start + rng() * days * DAY, nowMs - HOUR), null);
		}
		await links.spill();
		await responses.spill();
	}
	return closeAll([links, responses]);
}

/** Each behaviour's id and the version new ratings use, in a fixed order so picks are reproducible. */
export async function currentBehaviours(trx: Db): Promise<{ id: string; versionId: string; slug: string }[]> {
	const rows = await trx
		.selectFrom('behaviours')
		.innerJoin('behaviour_versions', (join) =>
			join
				.onRef('behaviour_versions.behaviour_id', '=', 'behaviours.id')
				.onRef('behaviour_versions.version', '=', 'behaviours.current_version')
		)
		.select(['behaviours.id', 'behaviours.slug', 'behaviour_versions.id as version_id'])
		.where('behaviours.archived_at', 'is', null)
		.execute();
	if (rows.length === 0)
		throw new Error('Large organisation: the behaviour framework is empty; run the migrations first');
	// Sorted here, not by the database: PostgreSQL's collation may order ids differently from
	// SQLite's, and the same seed should give the same rows on both.
	return rows
		.map((r) => ({ id: r.id, versionId: r.version_id, slug: r.slug }))
		.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function seedObservations(
	{ trx, seed, nowMs, org }: Context,
	shape: Shape,
	behaviours: readonly { id: string; versionId: string }[]
): Promise<Written> {
	const rng = rngFromSeed(seed, 'observations');
	const nextId = idMaker(seed, 'observations');
	const observations = new TableWriter(trx, 'observations');
	const perTeam = apportion(
		shape.observations,
		org.teams.map((team) => team.members.length)
	);
	for (const [t, team] of org.teams.entries()) {
		for (let k = 0; k < (perTeam[t] ?? 0); k++) {
			const subject = pick(rng, team.members);
			const roll = rng();
			let source: ObservationSource = roll < 0.5 ? 'manager' : roll < 0.85 ? 'peer' : 'self';
			if (source === 'manager' && subject === team.manager) source = 'self';
			const author =
				source === 'manager'
					? team.manager
					: source === 'self'
						? subject
						: (sample(rng, team.members, 1, (m) => m === subject)[0] ?? subject);
			if (author === subject) source = 'self';
			const behaviour = pick(rng, behaviours);
			const observedOn = isoDay(nowMs - between(rng, 0, MONTHS * 30) * DAY);
			const written = Math.min(Date.parse(`${observedOn}T00:00:00.000Z`) + DAY + 15 * HOUR, nowMs);
			const responded = rng() < 0.1 ? Math.min(written + 2 * DAY, nowMs) : null;
			observations.add({
				id: nextId(),
				person_id: org.people[subject]!.id,
				behaviour_id: behaviour.id,
				behaviour_version_id: behaviour.versionId,
				level: clamp(Math.round(3.4 + gauss(rng)), 1, 5),
				situation: pick(rng, SITUATIONS),
				action: pick(rng, ACTIONS),
				impact: pick(rng, IMPACTS),
				observed_on: observedOn,
				source,
				author_id: org.people[author]!.id,
				response: responded === null ? null : pick(rng, RESPONSES),
				responded_at: responded === null ? null : iso(responded),
				created_at: iso(written),
				updated_at: iso(responded ?? written)
			});
		}
		await observations.spill();
	}
	return closeAll([observations]);
}

export async function seedAssessments({ trx, seed, nowMs, org }: Context): Promise<Written> {
	const rng = rngFromSeed(seed, 'assessments');
	const nextId = idMaker(seed, 'service_assessments');
	const assessments = new TableWriter(trx, 'service_assessments');
	const scores = new TableWriter(trx, 'service_assessment_scores', assessments);
	const currentQuarter = periodOf('quarter', isoDay(nowMs));
	for (const team of org.teams) {
		if (rng() >= 0.4) continue;
		const quarters = periodsEndingWith(
			rng() < 0.3 ? currentQuarter : shiftPeriod(currentQuarter, -1),
			between(rng, 2, 6)
		);
		const first = serviceComponentKeys.map(() => between(rng, 1, 3));
		for (const [q, quarter] of quarters.entries()) {
			const id = nextId();
			const at = iso(Math.min(Date.parse(`${periodRange(quarter).end}T00:00:00.000Z`) - 8 * DAY, nowMs - DAY));
			assessments.add({
				id,
				team_id: team.id,
				period: quarter,
				assessed_by: org.people[team.manager]!.id,
				created_at: at,
				updated_at: at
			});
			for (const [c, component] of serviceComponentKeys.entries()) {
				const score = clamp((first[c] ?? 2) + Math.floor(q / 2), 1, 5);
				scores.add({ assessment_id: id, component, score, note: ASSESSMENT_NOTES[clamp(score - 2, 0, 3)]! });
			}
		}
		await assessments.spill();
		await scores.spill();
	}
	return closeAll([assessments, scores]);
}
