import type { Db } from '../db';
import { checkFeedbackRollup, rebuildFeedbackRollup } from '../feedback/rollup';
import { checkAllLearningRecords, rebuildLearningRecords } from '../learning/records';
import { checkLearningRollup, rebuildLearningRollup } from '../learning/rollup';
import { checkWindowRollup, rebuildWindowRollup } from '../scorecards/window-rollup';

/**
 * Every roll-up Ripple keeps (issue 19), for `npm run db:check-rollups` and `db:repair-rollups`:
 * how to compare its stored rows with the figures worked out from the raw records, and how to work
 * them all out afresh.
 */
export interface Rollup {
	name: string;
	/** Rows compared, and a line for each that differs. */
	check(database: Db): Promise<{ checked: number; differences: string[] }>;
	/** Rows worked out afresh. */
	rebuild(database: Db): Promise<number>;
}

export const rollups: readonly Rollup[] = [
	{
		name: 'learning records (per person)',
		async check(database) {
			const { checked, differ } = await checkAllLearningRecords(database);
			return { checked, differences: differ.map((id) => `person ${id}: kept records differ from the tables`) };
		},
		rebuild: rebuildLearningRecords
	},
	{
		name: 'learning (per person)',
		async check(database) {
			const { checked, differences } = await checkLearningRollup(database);
			return {
				checked,
				differences: differences.map(
					(d) =>
						`person ${d.personId}: stored ${d.stored.completed}/${d.stored.assigned}, from the records ${d.fromRecords.completed}/${d.fromRecords.assigned}`
				)
			};
		},
		rebuild: rebuildLearningRollup
	},
	{
		name: 'How window (per team and month)',
		async check(database) {
			const { checked, differences } = await checkWindowRollup(database, new Date());
			return {
				checked,
				differences: differences.map(
					(d) => `team ${d.teamId}, window ending ${d.month}: stored ${d.stored}, from the records ${d.fromRecords}`
				)
			};
		},
		rebuild: (database) => rebuildWindowRollup(database, new Date())
	},
	{
		name: 'answers (per team and month)',
		async check(database) {
			const { checked, differences } = await checkFeedbackRollup(database);
			return {
				checked,
				differences: differences.map(
					(d) =>
						`team ${d.teamId}, ${d.month}: stored ${d.stored.join(' ')}, from the answers ${d.fromAnswers.join(' ')} (answers per score 0-10)`
				)
			};
		},
		rebuild: rebuildFeedbackRollup
	}
];
