import type { Db } from '../db';
import { listBehaviours } from './queries';

/**
 * The behaviour framework as pages and other domains read it. Editing goes through
 * ./framework.ts; nothing outside this domain reads its tables directly.
 */
export { behaviourLabels, isActiveBehaviour, listBehaviours, type BehaviourSummary } from './queries';

/** The active behaviours a module builds, in framework order. */
export async function behavioursBuiltBy(database: Db, slugs: readonly string[]) {
	return (await listBehaviours(database)).filter((b) => slugs.includes(b.slug));
}
