import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileName, csvResponse, readCsvCell, toCsv, type CsvCell } from './csv';

/** The cells of a CSV as a spreadsheet would read them, as text. */
function cells(csv: string): string[][] {
	const parsed = Papa.parse<string[]>(csv, { delimiter: ',', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

const hostile = ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

describe('toCsv', () => {
	it('neutralises text a spreadsheet would run as a formula, in the header and in every row', () => {
		for (const text of hostile) {
			expect(cells(toCsv([text, 'plain'], [[text, 'a']]))).toEqual([
				[`'${text}`, 'plain'],
				[`'${text}`, 'a']
			]);
		}
	});

	it('neutralises a formula followed by a line break, which Papa Parse’s default pattern misses', () => {
		expect(Papa.unparse([['=1+1\nx']], { escapeFormulae: true })).toBe('"=1+1\nx"');
		expect(cells(toCsv(['name'], [['=1+1\nx']]))[1]).toEqual(["'=1+1\nx"]);
	});

	it('writes numbers, negative ones included, as bare numbers', () => {
		const csv = toCsv(['team', 'net score', 'count'], [['Payroll', -4.5, 0]]);
		expect(csv).toBe('team,net score,count\r\nPayroll,-4.5,0\r\n');
		const typed = Papa.parse<unknown[]>(csv, { dynamicTyping: true, skipEmptyLines: true }).data;
		expect(typed[1]).toEqual(['Payroll', -4.5, 0]);
	});

	it('treats a number given as text as text, so numeric columns must be given numbers', () => {
		expect(cells(toCsv(['value'], [['-4.5']]))[1]).toEqual(["'-4.5"]);
	});

	it('keeps text that already starts with an apostrophe and a formula apart from what it neutralised', () => {
		expect(cells(toCsv(['name'], [["'=x"]]))[1]).toEqual(["''=x"]);
		expect(cells(toCsv(['name'], [["'tis"]]))[1]).toEqual(["'tis"]);
	});

	it('writes nothing for missing cells and for numbers that are not finite', () => {
		const row: CsvCell[] = [null, Number.NaN, Number.POSITIVE_INFINITY, ''];
		expect(toCsv(['a', 'b', 'c', 'd'], [row])).toBe('a,b,c,d\r\n,,,\r\n');
	});

	it('leaves ordinary text as it is and quotes what CSV needs quoted', () => {
		expect(toCsv(['name'], [['Accounts Payable'], ['a=b'], ['Payables, EMEA'], ['say "hi"'], ['2026-05-01']])).toBe(
			'name\r\nAccounts Payable\r\na=b\r\n"Payables, EMEA"\r\n"say ""hi"""\r\n2026-05-01\r\n'
		);
	});

	it('ends the header line too when there are no rows', () => {
		expect(toCsv(['team', 'metric'], [])).toBe('team,metric\r\n');
	});

	it('never lets any text start a formula, and reads back as what was written', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'binary' }), (text) => {
				const [cell] = cells(toCsv(['x'], [[text]]))[1] ?? [''];
				expect(/^[=+\-@\t\r]/.test(cell!)).toBe(false);
				expect(readCsvCell(cell!)).toBe(text);
			})
		);
	});
});

describe('readCsvCell', () => {
	it('drops only the apostrophe toCsv adds', () => {
		expect(readCsvCell("'=SUM(A1)")).toBe('=SUM(A1)');
		expect(readCsvCell("'-cmd")).toBe('-cmd');
		expect(readCsvCell("''=x")).toBe("'=x");
		expect(readCsvCell("'tis the season")).toBe("'tis the season");
		expect(readCsvCell('Payroll')).toBe('Payroll');
	});
});

describe('csvFileName', () => {
	it('makes a name of lower-case words and dashes', () => {
		expect(csvFileName(['scorecards', 'Finance Shared Services', '2026-05'])).toBe(
			'ripple-scorecards-finance-shared-services-2026-05.csv'
		);
		expect(csvFileName(['learning', '"; rm -rf /'])).toBe('ripple-learning-rm-rf.csv');
		expect(csvFileName(['learning', 'Café Crème'])).toBe('ripple-learning-cafe-creme.csv');
		expect(csvFileName(['learning', '***', '财务'])).toBe('ripple-learning.csv');
		expect(csvFileName([])).toBe('ripple-export.csv');
	});
});

describe('csvResponse', () => {
	it('sends UTF-8 CSV as an attachment that is never cached', async () => {
		const response = csvResponse(['staff', 'template'], 'a,b\r\n');
		expect(Object.fromEntries(response.headers)).toEqual({
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="ripple-staff-template.csv"',
			'cache-control': 'no-store'
		});
		expect(await response.text()).toBe('a,b\r\n');
	});
});
