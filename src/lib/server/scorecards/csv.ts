/**
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (and some treat a leading
 * tab or carriage return the same way) as a formula, so text that came from people (team names,
 * measure names) is prefixed with an apostrophe before it goes into a CSV file. Numbers are left
 * as numbers: a negative net score is a value, not a formula.
 */
const formulaStart = /^[=+\-@\t\r]/;

export function csvSafe(cell: string | number | null): string | number {
	if (cell === null) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
	return formulaStart.test(cell) ? `'${cell}` : cell;
}

/** A file name made of lower-case words and dashes. */
export function fileSlug(text: string): string {
	return (
		text
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'export'
	);
}
