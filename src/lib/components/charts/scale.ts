/**
 * The value range a chart's axis spans: every value and the target, widened a little so lines do
 * not sit on the edge, and a flat line still gets some height.
 */
export function valueDomain(
	values: readonly (number | null)[],
	extra: readonly (number | null)[] = []
): [number, number] {
	const all = [...values, ...extra].filter((v): v is number => v !== null && Number.isFinite(v));
	if (all.length === 0) return [0, 1];
	const min = Math.min(...all);
	const max = Math.max(...all);
	const pad = max === min ? Math.max(1, Math.abs(max) * 0.1) : (max - min) * 0.1;
	return [min - pad, max + pad];
}
