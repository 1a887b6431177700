import { describe, expect, it } from 'vitest';
import { word } from '../service-result';
import {
	anchorChange,
	anchorChangeIn,
	anchorFor,
	earliestObservedOn,
	moveItem,
	observedOnProblem,
	slugFrom,
	suggestModules,
	uniqueSlug,
	type Anchors
} from './rules';

const scale: Anchors = [
	'Ignores requests',
	'Handles their part',
	'Sees requests through',
	'Chases other teams',
	'Fixes the gap'
];

describe('anchor versioning per language', () => {
	const reworded = [...scale.slice(0, 4), 'Fixes the gap and teaches others'] as unknown as Anchors;

	it('makes a new version when the scale’s own language changes under ratings', () => {
		expect(anchorChangeIn({ written: scale, scaleLanguage: true }, reworded, 2)).toBe('new_version');
		expect(anchorChangeIn({ written: scale, scaleLanguage: true }, reworded, 0)).toBe('edit_in_place');
	});

	it('rewords a translation in place, whatever ratings rest on the scale', () => {
		expect(anchorChangeIn({ written: scale, scaleLanguage: false }, reworded, 7)).toBe('edit_in_place');
		expect(anchorChangeIn({ written: scale, scaleLanguage: false }, [...scale] as unknown as Anchors, 7)).toBe(
			'unchanged'
		);
	});

	it('writes the first text in a language onto the current scale, even in the scale’s own language', () => {
		expect(anchorChangeIn({ written: null, scaleLanguage: false }, scale, 7)).toBe('edit_in_place');
		expect(anchorChangeIn({ written: null, scaleLanguage: true }, scale, 7)).toBe('edit_in_place');
	});
});

describe('anchor versioning', () => {
	it('does nothing when every anchor reads the same', () => {
		expect(anchorChange(scale, [...scale] as unknown as Anchors, 0)).toBe('unchanged');
		expect(anchorChange(scale, [...scale] as unknown as Anchors, 12)).toBe('unchanged');
	});

	it('ignores whitespace-only differences, even when the scale has been used', () => {
		const spaced: Anchors = [
			' Ignores  requests ',
			'Handles their part',
			'Sees requests through',
			'Chases other teams',
			'Fixes the gap\n'
		];
		expect(anchorChange(scale, spaced, 3)).toBe('unchanged');
	});

	it('corrects the current scale in place while nobody has been rated against it', () => {
		const next: Anchors = [...scale.slice(0, 4), 'Fixes the gap and teaches others'] as unknown as Anchors;
		expect(anchorChange(scale, next, 0)).toBe('edit_in_place');
	});

	it('makes a new version as soon as one observation rests on the current scale', () => {
		const next: Anchors = ['Passes requests on unchecked', ...scale.slice(1)] as unknown as Anchors;
		expect(anchorChange(scale, next, 1)).toBe('new_version');
		expect(anchorChange(scale, next, 250)).toBe('new_version');
	});

	it('reads the anchor of a level, and nothing outside 1 to 5', () => {
		expect(anchorFor(scale, 1)).toBe('Ignores requests');
		expect(anchorFor(scale, 5)).toBe('Fixes the gap');
		expect(anchorFor(scale, 6)).toBe('');
	});
});

describe('slugs', () => {
	it('makes a lower-case hyphenated key from a label', () => {
		expect(slugFrom('Takes ownership')).toBe('takes-ownership');
		expect(slugFrom('  Clear & timely   updates! ')).toBe('clear-and-timely-updates');
		expect(slugFrom('Empathie für Kolleg:innen')).toBe('empathie-fur-kolleg-innen');
	});

	it('falls back when a label has no letters or digits', () => {
		expect(slugFrom('???')).toBe('behaviour');
		expect(slugFrom('—', 'value')).toBe('value');
	});

	it('keeps slugs short without a trailing hyphen', () => {
		const slug = slugFrom(`${'a'.repeat(59)} b`);
		expect(slug.length).toBeLessThanOrEqual(60);
		expect(slug.endsWith('-')).toBe(false);
	});

	it('numbers a slug that is already taken', () => {
		expect(uniqueSlug('ownership', new Set())).toBe('ownership');
		expect(uniqueSlug('ownership', new Set(['ownership']))).toBe('ownership-2');
		expect(uniqueSlug('ownership', new Set(['ownership', 'ownership-2']))).toBe('ownership-3');
	});
});

describe('moving an item', () => {
	it('swaps with its neighbour', () => {
		expect(moveItem(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
		expect(moveItem(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
	});

	it('stays put at either end or for an unknown id', () => {
		expect(moveItem(['a', 'b'], 'a', 'up')).toEqual(['a', 'b']);
		expect(moveItem(['a', 'b'], 'b', 'down')).toEqual(['a', 'b']);
		expect(moveItem(['a', 'b'], 'z', 'up')).toEqual(['a', 'b']);
	});
});

describe('module suggestions', () => {
	const modules: Record<string, { slug: string }[]> = {
		empathy: [{ slug: 'emotional-intelligence' }, { slug: 'feedback' }],
		ownership: [{ slug: 'silos' }],
		clarity: [{ slug: 'communicating' }]
	};
	const modulesFor = (slug: string) => modules[slug] ?? [];
	const rated = (average: number, count = 2) => ({ average, count, raters: count });

	it('suggests modules for the behaviours others rated lowest, ignoring self-ratings', () => {
		const ratings = [
			{ slug: 'clarity', label: 'Clarity', others: rated(4.5) },
			{ slug: 'empathy', label: 'Empathy', others: rated(2) },
			{ slug: 'ownership', label: 'Ownership', others: rated(3) },
			{ slug: 'self-only', label: 'Self only', others: null }
		];
		expect(suggestModules(ratings, modulesFor, new Set()).map((s) => [s.module.slug, s.because])).toEqual([
			['emotional-intelligence', 'Empathy'],
			['feedback', 'Empathy'],
			['silos', 'Ownership']
		]);
	});

	it('skips completed modules and suggests nothing without ratings from others', () => {
		const ratings = [{ slug: 'empathy', label: 'Empathy', others: rated(2) }];
		expect(suggestModules(ratings, modulesFor, new Set(['emotional-intelligence'])).map((s) => s.module.slug)).toEqual([
			'feedback'
		]);
		expect(suggestModules([{ slug: 'empathy', label: 'Empathy', others: null }], modulesFor, new Set())).toEqual([]);
	});
});

describe('observed-on date', () => {
	const today = '2026-11-23';

	it('accepts today and earlier dates within a year', () => {
		expect(observedOnProblem(today, today)).toBeNull();
		expect(observedOnProblem('2026-01-02', today)).toBeNull();
		expect(observedOnProblem(earliestObservedOn(today), today)).toBeNull();
	});

	it('refuses the future, very old dates and impossible days', () => {
		expect(observedOnProblem('2026-11-24', today)).toEqual({ code: 'growth_observed_on_future' });
		expect(observedOnProblem('2025-11-22', today)).toEqual({
			code: 'growth_observed_on_too_old',
			params: { days: 365 }
		});
		expect(word(observedOnProblem('2025-11-22', today)!)).toBe('Record what you saw in the last 365 days');
		expect(observedOnProblem('2026-02-30', today)).toEqual({ code: 'growth_observed_on_required' });
		expect(word(observedOnProblem('', today)!)).toBe('Enter the date you saw it');
	});
});
