import { isCalendarDate } from '../../schemas/dates';
import type { Refusal } from '../service-result';

/**
 * Pure rules of the behaviour framework: how anchor edits are versioned, how slugs are made and
 * how an item moves within an ordered list. No I/O.
 */

/** A behaviourally anchored rating scale: what levels 1 to 5 look like, in order. */
export type Anchors = readonly [string, string, string, string, string];

export const LEVELS = [1, 2, 3, 4, 5] as const;
export type Level = (typeof LEVELS)[number];

/**
 * What saving new anchors does to a behaviour's current scale:
 * - `unchanged`: every anchor reads the same, nothing to do;
 * - `edit_in_place`: nobody has been rated against the current scale yet, so it may still be corrected;
 * - `new_version`: ratings rest on the current scale, so it is frozen and the change becomes version N+1.
 */
export type AnchorChange = 'unchanged' | 'edit_in_place' | 'new_version';

export function anchorChange(current: Anchors, next: Anchors, observedCount: number): AnchorChange {
	const same = current.every((anchor, i) => normalise(anchor) === normalise(next[i] ?? ''));
	if (same) return 'unchanged';
	return observedCount > 0 ? 'new_version' : 'edit_in_place';
}

/**
 * What saving anchors written in one language does. A scale is defined in the organisation's default
 * language (`scaleLanguage`): there `anchorChange` decides. Texts in any other language translate the
 * current scale, so they are corrected in place whatever rests on it; and the first text a scale gets
 * in a language (`written` null) is always a translation of it, never a new version.
 */
export function anchorChangeIn(
	language: { written: Anchors | null; scaleLanguage: boolean },
	next: Anchors,
	observedCount: number
): AnchorChange {
	if (!language.written) return 'edit_in_place';
	return anchorChange(language.written, next, language.scaleLanguage ? observedCount : 0);
}

/** Leading, trailing and repeated whitespace never makes a new version. */
function normalise(text: string): string {
	return text.trim().replace(/\s+/g, ' ');
}

/** The anchors of a stored version row, in level order. */
export function anchorsOf(version: {
	anchor_1: string;
	anchor_2: string;
	anchor_3: string;
	anchor_4: string;
	anchor_5: string;
}): Anchors {
	return [version.anchor_1, version.anchor_2, version.anchor_3, version.anchor_4, version.anchor_5];
}

/** The anchor text for one level (1-5) of a scale; empty for a level outside it. */
export function anchorFor(anchors: Anchors, level: number): string {
	return anchors[level - 1] ?? '';
}

const SLUG_MAX = 60;

/** A URL- and frontmatter-safe key from a label: `Takes ownership` → `takes-ownership`. */
export function slugFrom(label: string, fallback = 'behaviour'): string {
	const slug = label
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, SLUG_MAX)
		.replace(/-+$/, '');
	return slug || fallback;
}

/** The slug itself when free, otherwise the first free `slug-2`, `slug-3`, … */
export function uniqueSlug(slug: string, taken: ReadonlySet<string>): string {
	if (!taken.has(slug)) return slug;
	for (let n = 2; ; n++) {
		const candidate = `${slug}-${n}`;
		if (!taken.has(candidate)) return candidate;
	}
}

/** The ids in their new order after moving one a place up or down; unchanged at either end. */
export function moveItem(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] {
	const order = [...ids];
	const from = order.indexOf(id);
	const to = direction === 'up' ? from - 1 : from + 1;
	if (from < 0 || to < 0 || to >= order.length) return order;
	[order[from], order[to]] = [order[to]!, order[from]!];
	return order;
}

/** A behaviour's average rating from one group of raters. */
export interface RatingSummary {
	average: number;
	count: number;
	raters: number;
}

/**
 * Modules worth taking next: those that build the behaviours others rated lowest, skipping modules
 * already completed. Self-ratings play no part. Ties go to the behaviour with more evidence.
 */
export function suggestModules<M extends { slug: string }>(
	ratings: readonly { slug: string; label: string; others: RatingSummary | null }[],
	modulesFor: (behaviourSlug: string) => readonly M[],
	completed: ReadonlySet<string>,
	options: { behaviours?: number; modules?: number } = {}
): { module: M; because: string }[] {
	const lowest = ratings
		.filter((r): r is typeof r & { others: RatingSummary } => r.others !== null && r.others.count > 0)
		.sort((a, b) => a.others.average - b.others.average || b.others.count - a.others.count)
		.slice(0, options.behaviours ?? 2);
	const seen = new Set<string>();
	const suggestions: { module: M; because: string }[] = [];
	for (const rating of lowest) {
		for (const mod of modulesFor(rating.slug)) {
			if (completed.has(mod.slug) || seen.has(mod.slug)) continue;
			seen.add(mod.slug);
			suggestions.push({ module: mod, because: rating.label });
		}
	}
	return suggestions.slice(0, options.modules ?? 3);
}

/** How far back an observation may be dated: memories older than this make weak evidence. */
export const OLDEST_OBSERVATION_DAYS = 365;

/** The earliest date an observation may carry when written on `today` (both YYYY-MM-DD). */
export function earliestObservedOn(today: string): string {
	const d = new Date(`${today}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() - OLDEST_OBSERVATION_DAYS);
	return d.toISOString().slice(0, 10);
}

/** Why a date cannot be used for an observation written on `today` (the author's date), or null. */
export function observedOnProblem(date: string, today: string): Refusal | null {
	if (!isCalendarDate(date)) return { code: 'growth_observed_on_required' };
	if (date > today) return { code: 'growth_observed_on_future' };
	if (date < earliestObservedOn(today))
		return { code: 'growth_observed_on_too_old', params: { days: OLDEST_OBSERVATION_DAYS } };
	return null;
}
