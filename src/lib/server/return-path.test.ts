import { describe, expect, it } from 'vitest';
import { returnPath } from './return-path';

const origin = 'https://ripple.example.com';

describe('returnPath', () => {
	it('keeps a path on this site, with its query and fragment', () => {
		expect(returnPath('/learn/team?team=ap#matrix', origin)).toBe('/learn/team?team=ap#matrix');
		expect(returnPath('/admin/people', origin)).toBe('/admin/people');
	});

	it('sends anything that would leave the site home', () => {
		for (const raw of [
			'//evil.example/x',
			'/\\evil.example/x',
			'/\t/evil.example/x',
			'/\n/evil.example/x',
			'/\r\n/evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			'evil.example',
			''
		]) {
			expect(returnPath(raw, origin), JSON.stringify(raw)).toBe('/');
		}
		expect(returnPath(null, origin)).toBe('/');
		expect(returnPath(undefined, origin)).toBe('/');
	});

	it('sends anything that would leave the site to the fallback the caller names', () => {
		expect(returnPath('//evil.example/x', origin, '/growth')).toBe('/growth');
		expect(returnPath('/\t/evil.example/x', origin, '/growth')).toBe('/growth');
		expect(returnPath(null, origin, '/growth')).toBe('/growth');
		expect(returnPath('/people/p1', origin, '/growth')).toBe('/people/p1');
	});

	it('gives back an address without raw control characters or spaces', () => {
		expect(returnPath('/people/a b', origin)).toBe('/people/a%20b');
	});
});
