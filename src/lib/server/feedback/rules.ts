/** Aggregates built from fewer responses than this are never shown (DESIGN.md: small groups stay anonymous). */
export const MIN_RESPONSES = 5;

export interface ExperienceMeasures {
	/** How many responses there were; always shown, it reveals no one's answer. */
	volume: number;
	/** False when there are too few responses to show the average and net score. */
	enough: boolean;
	/** Mean score 0-10, or null when hidden. */
	average: number | null;
	/** Percentage of 9-10 minus percentage of 0-6, -100 to 100, or null when hidden. */
	netScore: number | null;
}

export function experienceMeasures(scores: readonly number[]): ExperienceMeasures {
	const volume = scores.length;
	if (volume < MIN_RESPONSES) return { volume, enough: false, average: null, netScore: null };
	const promoters = scores.filter((s) => s >= 9).length;
	const detractors = scores.filter((s) => s <= 6).length;
	return {
		volume,
		enough: true,
		average: scores.reduce((a, b) => a + b, 0) / volume,
		netScore: ((promoters - detractors) / volume) * 100
	};
}
