import { requireAdmin } from '$lib/server/policy';
import { db } from '$lib/server/db';
import { listMetrics } from '$lib/server/metrics/definitions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireAdmin(locals);
	const metrics = await listMetrics(db(), { includeArchived: true });
	const shaped = metrics.map((m) => ({
		id: m.id,
		key: m.key,
		name: m.name,
		unit: m.unit,
		direction: m.direction,
		target: m.target,
		amberBand: m.amber_band,
		kind: m.kind,
		period: m.period,
		rollup: m.rollup,
		source: m.source,
		archived: m.archived_at !== null
	}));
	return {
		active: shaped.filter((m) => !m.archived),
		archived: shaped.filter((m) => m.archived),
		saved: url.searchParams.get('saved')
	};
};
