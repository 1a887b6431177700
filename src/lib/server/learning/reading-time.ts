/**
 * How long a module takes, computed from its source rather than written by hand
 * (content/README.md, "Durations"). Prose is read at 180 words a minute, a comfortable pace for
 * someone reading in a second language; each activity adds its own time.
 */

export const WORDS_PER_MINUTE = 180;
export const SCENARIO_MINUTES = 3;
export const REVEAL_MINUTES = 1;
export const CHECK_MINUTES = 12;
export const REFLECTION_MINUTES = 3;

/** Words of prose a learner reads: frontmatter, scripts and component markup left out. */
export function proseWords(source: string): number {
	const prose = source
		.replace(/^---[\s\S]*?\n---/, ' ')
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<Scenario[\s\S]*?\/>/g, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/[#*_>`|-]/g, ' ');
	return prose.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** The scenario ids a lesson places, in order: `<Scenario id="…" />`. */
export function scenarioIdsIn(source: string): string[] {
	return [...source.matchAll(/<Scenario\s+id="([^"]+)"\s*\/>/g)].map((m) => m[1]!);
}

export function lessonMinutes(source: string): number {
	const reveals = source.match(/<Reveal\b/g)?.length ?? 0;
	return Math.max(
		1,
		Math.ceil(
			proseWords(source) / WORDS_PER_MINUTE + scenarioIdsIn(source).length * SCENARIO_MINUTES + reveals * REVEAL_MINUTES
		)
	);
}

/** The module's lessons, its knowledge check and its reflections, rounded up to 5 minutes. */
export function moduleMinutes(lessons: readonly number[], reflections: number): number {
	const total = lessons.reduce((sum, m) => sum + m, 0) + CHECK_MINUTES + reflections * REFLECTION_MINUTES;
	return Math.ceil(total / 5) * 5;
}
