/**
 * A large generated organisation for performance work (`npm run db:seed -- --size large`): at full
 * size 10,000 people in 500 teams under 50 org units, with two years of metrics, case feedback,
 * observations and learning, and the Connect activity that goes with them.
 *
 * Everything comes from PRNG streams keyed by the seed and a label (one stream per purpose, so
 * more rows in one table never shift another's), and every instant is placed relative to `now`:
 * the same seed and `now` give the same rows, ids included. Rows are generated a team or a person
 * at a time and written in multi-row INSERTs sized under SQLite's bound-parameter limit, inside
 * one transaction, so memory stays bounded and the whole seed takes minutes. The roll-ups'
 * triggers are off while it loads (with them it takes about half as long again); the answers'
 * roll-up is rebuilt at the end, and the learning and How-window roll-ups are worked out when first
 * read, as for any person or team without a row.
 *
 * The phases live in `large/`: `plan.ts` lays out the organisation in memory, `organisation.ts`,
 * `measure.ts`, `learning.ts` and `connect.ts` write its rows, drawing words from `vocabulary.ts`.
 *
 * Relative imports only: this runs from the `tsx` CLI, outside Vite.
 */
import { refreshStatistics, type Db } from '../db';
import { withoutTriggers } from '../db/triggers';
import { rebuildFeedbackRollup } from '../feedback/rollup';
import { hashPassword } from '../auth/password';
import { periodOf, periodsEndingWith, shiftPeriod } from '../../periods';
import { DEMO_PASSWORD } from './accounts';
import { seedBuddies, seedLunches, seedRecognitions, seedShadowing } from './large/connect';
import { seedLearning } from './large/learning';
import {
	currentBehaviours,
	seedAssessments,
	seedCaseFeedback,
	seedMetricValues,
	seedObservations
} from './large/measure';
import { seedOrganisation } from './large/organisation';
import { FULL_PEOPLE, MONTHS, planOrganisation, shapeFor, type Context } from './large/plan';
import { isoDay, type Written } from './large/rows';
import { isDatabaseEmpty } from './seed';

export interface LargeOrgOptions {
	seed: number;
	now: Date;
	/** 10,000 by default; everything else scales with it (tests use a few hundred). */
	people?: number;
	onProgress?: (step: string, rows: number, ms: number) => void;
}

export interface LargeOrgSummary {
	/** Rows inserted, by table. */
	counts: Record<string, number>;
	/** Teams in the subtree of the unit `LARGE_ACCOUNTS.leader` leads. */
	leaderUnitTeams: number;
}

/** Seeds a large organisation into an empty, migrated database. Deterministic for a seed and `now`. */
export async function seedLargeOrganisation(db: Db, options: LargeOrgOptions): Promise<LargeOrgSummary> {
	const shape = shapeFor(options.people ?? FULL_PEOPLE);
	const nowMs = options.now.getTime();
	// One argon2 hash shared by everyone (one per person would take hours), made before the
	// transaction so the write lock is not held while it runs.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const org = planOrganisation(options.seed, nowMs, shape);
	const months = periodsEndingWith(shiftPeriod(periodOf('month', isoDay(nowMs)), -1), MONTHS);
	const counts: Record<string, number> = {};

	const run = async (trx: Db): Promise<LargeOrgSummary> => {
		if (!(await isDatabaseEmpty(trx))) {
			throw new Error('The database already holds an organisation; clear it before loading the large organisation.');
		}
		const context: Context = { trx, seed: options.seed, nowMs, org };
		const step = async (name: string, work: () => Promise<Written>) => {
			const started = performance.now();
			const writers = await work();
			for (const w of writers) counts[w.table] = (counts[w.table] ?? 0) + w.written;
			options.onProgress?.(
				name,
				writers.reduce((sum, w) => sum + w.written, 0),
				performance.now() - started
			);
		};
		const behaviours = await currentBehaviours(trx);
		await withoutTriggers(trx, async () => {
			await step('organisation', () => seedOrganisation(context, passwordHash));
			await step('metric values', () => seedMetricValues(context, months));
			await step('case feedback', () => seedCaseFeedback(context, shape, months));
			await step('observations', () => seedObservations(context, shape, behaviours));
			await step('learning', () => seedLearning(context));
			await step('buddies', () => seedBuddies(context, shape));
			await step('shadowing', () => seedShadowing(context, shape));
			await step('lunch and learn', () => seedLunches(context, shape));
			await step('recognition', () =>
				seedRecognitions(
					context,
					shape,
					behaviours.map((b) => b.slug)
				)
			);
			await step('service assessments', () => seedAssessments(context));
		});
		// What the triggers would have kept: the answers' roll-up (the others are worked out when read).
		// Not counted with the organisation's rows: it only summarises them.
		const started = performance.now();
		const rolledUp = await rebuildFeedbackRollup(trx);
		options.onProgress?.('answers’ roll-up', rolledUp, performance.now() - started);
		return { counts, leaderUnitTeams: org.leaderUnitTeams };
	};
	const summary = db.isTransaction ? await run(db) : await db.transaction().execute(run);
	await refreshStatistics(db);
	return summary;
}
