import { observationSourceLabels } from '../../measure';
import { pageCount, pageFrom } from '../../paging';
import type { Db } from '../db';
import { listObservations } from './observations';
import { listBehaviours } from './queries';

const sources = Object.keys(observationSourceLabels) as (keyof typeof observationSourceLabels)[];

/**
 * One page of observations about a person or a team's members, with the behaviour and source
 * filters read from the address. The caller has checked the viewer may read all of them.
 */
export async function observationFeed(
	database: Db,
	about: { personId: string } | { teamId: string },
	url: URL,
	pageSize = 10
) {
	const behaviours = await listBehaviours(database, { includeArchived: true });
	const behaviour = behaviours.find((b) => b.slug === url.searchParams.get('behaviour'));
	const source = sources.find((s) => s === url.searchParams.get('source'));
	const paging = pageFrom(url, pageSize);
	const { rows, total } = await listObservations(database, { ...about, behaviourId: behaviour?.id, source }, paging);
	return {
		rows,
		total,
		page: paging.page,
		pageCount: pageCount(total, pageSize),
		filters: { behaviour: behaviour?.slug ?? '', source: source ?? '' },
		behaviours: behaviours.map((b) => ({ value: b.slug, label: b.archived ? `${b.label} (archived)` : b.label })),
		sources: sources.map((s) => ({ value: s, label: observationSourceLabels[s] }))
	};
}

export type ObservationFeedPage = Awaited<ReturnType<typeof observationFeed>>;
