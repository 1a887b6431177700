import { observationSourceLabel, observationSources } from '../../observation-sources';
import { m } from '../../paraglide/messages.js';
import { pageCount, pageFrom } from '../../paging';
import type { Db } from '../db';
import { listObservations } from './observations';
import { listBehaviours } from './queries';

/**
 * One page of observations about a person or a team's members, with the behaviour and source
 * filters read from the address. The caller has checked the viewer may read all of them. The filter
 * options are worded in the request's language.
 */
export async function observationFeed(
	database: Db,
	about: { personId: string } | { teamId: string },
	url: URL,
	pageSize = 10
) {
	const behaviours = await listBehaviours(database, { includeArchived: true });
	const behaviour = behaviours.find((b) => b.slug === url.searchParams.get('behaviour'));
	const source = observationSources.find((s) => s === url.searchParams.get('source'));
	const paging = pageFrom(url, pageSize);
	const { rows, total } = await listObservations(database, { ...about, behaviourId: behaviour?.id, source }, paging);
	return {
		rows,
		total,
		page: paging.page,
		pageCount: pageCount(total, pageSize),
		filters: { behaviour: behaviour?.slug ?? '', source: source ?? '' },
		behaviours: behaviours.map((b) => ({
			value: b.slug,
			label: b.archived ? m.growth_behaviour_archived_option({ label: b.label }) : b.label
		})),
		sources: observationSources.map((s) => ({ value: s, label: observationSourceLabel(s) }))
	};
}

export type ObservationFeedPage = Awaited<ReturnType<typeof observationFeed>>;
