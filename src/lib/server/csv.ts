import Papa from 'papaparse';

/**
 * Every CSV file Ripple sends is written here: exports and import templates alike.
 *
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula, and skip a
 * leading tab or carriage return before doing the same, so text that came from people (names of
 * people, teams, units and measures) could make a spreadsheet fetch a link or run a command. Papa
 * Parse's `escapeFormulae` puts an apostrophe in front of such text, which spreadsheets take as
 * "this is text" and do not show. Its own pattern for `true`, `/^[=+\-@\t\r].*$/`, misses text
 * that holds a line break (`.` stops at one and `$` then fails), so it is given FORMULA_START
 * instead. Numbers are never escaped: a negative measure is written as `-4.5` and stays a number,
 * so numeric columns must be given JS numbers, not text.
 */

/** One cell: text, a number, or nothing (written empty, as are numbers that are not finite). */
export type CsvCell = string | number | null;

/**
 * Text to neutralise: a formula start, also behind apostrophes of its own, so that text which
 * already looks neutralised (`'=x`) is told apart from text Ripple neutralised, and reads back whole.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;
/** The apostrophe `toCsv` added. */
const NEUTRALISED = /^'(?='*[=+\-@\t\r])/;

/** The header row, then one line per row, each ended by CRLF as RFC 4180 has it. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	const data = rows.map((row) => row.map((cell) => (typeof cell === 'number' && !Number.isFinite(cell) ? null : cell)));
	return `${Papa.unparse([[...header], ...data], { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

/**
 * Undoes the apostrophe `toCsv` puts before a formula, for the importers: a template downloaded
 * and sent back unchanged names the same teams it was written from.
 */
export function readCsvCell(cell: string): string {
	return cell.replace(NEUTRALISED, '');
}

/** A part of a file name: lower-case letters, digits and single dashes (accents dropped). */
function fileSlug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/**
 * `ripple-<parts>.csv`, with nothing a Content-Disposition header or a file system could misread:
 * no quotes, slashes, spaces or control characters. Parts that slug to nothing are left out.
 */
export function csvFileName(parts: readonly string[]): string {
	const name = parts.map(fileSlug).filter(Boolean).join('-');
	return `ripple-${name || 'export'}.csv`;
}

/**
 * A CSV download: UTF-8 without a byte-order mark, as Ripple has always sent (its importers accept
 * files with or without one). Never cached, since every file is cut to what its viewer may see.
 */
export function csvResponse(nameParts: readonly string[], csv: string): Response {
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${csvFileName(nameParts)}"`,
			'cache-control': 'no-store'
		}
	});
}
