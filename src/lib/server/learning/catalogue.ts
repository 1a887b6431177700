import type { Db } from '../db';
import { audiences, type Audience } from '../../learning/schemas';
import { modulesIn, pathsIn } from './content';
import { pathProgress } from './rules';
import { moduleStates, satisfies } from './service';

/** The catalogue's duration bands (worded by `lengthLabel` in $lib/learning/labels). */
export const durations = ['short', 'medium', 'long'] as const;
export type Duration = (typeof durations)[number];

export interface CatalogueFilters {
	q: string;
	audience: Audience | '';
	behaviour: string;
	duration: Duration | '';
}

/** Reads the catalogue filters from a query string; `behaviourSlugs` are the behaviours one may filter by. */
export function readFilters(params: URLSearchParams, behaviourSlugs: readonly string[]): CatalogueFilters {
	const audience = params.get('audience') ?? '';
	const duration = params.get('duration') ?? '';
	return {
		q: (params.get('q') ?? '').trim().slice(0, 100),
		audience: (audiences as readonly string[]).includes(audience) ? (audience as Audience) : '',
		behaviour: behaviourSlugs.includes(params.get('behaviour') ?? '') ? params.get('behaviour')! : '',
		duration: (durations as readonly string[]).includes(duration) ? (duration as Duration) : ''
	};
}

function inDuration(minutes: number, duration: Duration | ''): boolean {
	if (duration === 'short') return minutes <= 30;
	if (duration === 'medium') return minutes > 30 && minutes <= 60;
	if (duration === 'long') return minutes > 60;
	return true;
}

/** The catalogue as one learner sees it: modules matching the filters, and every path, with status. */
export async function catalogueFor(database: Db, personId: string, filters: CatalogueFilters) {
	const [modules, paths] = [modulesIn(), pathsIn()];
	const states = await moduleStates(database, personId);
	const needle = filters.q.toLowerCase();
	const matching = modules.filter(
		(m) =>
			(!needle ||
				`${m.title} ${m.summary} ${m.objectives.map((o) => o.text).join(' ')}`.toLowerCase().includes(needle)) &&
			(!filters.audience || m.audience.includes(filters.audience)) &&
			(!filters.behaviour || m.behaviours.includes(filters.behaviour)) &&
			inDuration(m.minutes, filters.duration)
	);
	return {
		modules: matching.map((m) => ({
			slug: m.slug,
			title: m.title,
			summary: m.summary,
			audience: m.audience,
			minutes: m.minutes,
			behaviours: m.behaviours,
			lessons: m.lessons.length,
			state: states.get(m.slug)!
		})),
		paths: paths.map((p) => {
			const done = new Set(p.modules.filter((slug) => satisfies(states.get(slug), false)));
			return {
				slug: p.slug,
				title: p.title,
				summary: p.summary,
				audience: p.audience,
				minutes: p.modules.reduce((n, slug) => n + (modules.find((m) => m.slug === slug)?.minutes ?? 0), 0),
				progress: pathProgress(p.modules, done)
			};
		}),
		total: modules.length
	};
}
