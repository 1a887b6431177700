import { describe, expect, it } from 'vitest';
import { csvSafe, fileSlug } from './csv';

describe('csvSafe', () => {
	it('neutralises text a spreadsheet would run as a formula', () => {
		expect(csvSafe('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
		expect(csvSafe('+1+2')).toBe(`'+1+2`);
		expect(csvSafe('-2+3')).toBe(`'-2+3`);
		expect(csvSafe('@SUM(A1)')).toBe(`'@SUM(A1)`);
		expect(csvSafe('\t=1')).toBe(`'\t=1`);
	});

	it('leaves ordinary text and numbers, negative ones included, as they are', () => {
		expect(csvSafe('Accounts Payable')).toBe('Accounts Payable');
		expect(csvSafe('a=b')).toBe('a=b');
		expect(csvSafe(-12.5)).toBe(-12.5);
		expect(csvSafe(0)).toBe(0);
		expect(csvSafe(null)).toBe('');
		expect(csvSafe(Number.NaN)).toBe('');
	});
});

describe('fileSlug', () => {
	it('makes a safe file name part', () => {
		expect(fileSlug('Finance Shared Services')).toBe('finance-shared-services');
		expect(fileSlug('"; rm -rf /')).toBe('rm-rf');
		expect(fileSlug('***')).toBe('export');
	});
});
