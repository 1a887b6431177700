import { describe, expect, it } from 'vitest';
import { isForbiddenCrossSitePost } from './csrf';

const url = (path: string) => new URL(`https://ripple.example.com${path}`);
const post = (path: string, headers: Record<string, string>) =>
	[new Request(url(path), { method: 'POST', headers, body: 'a=b' }), url(path)] as const;

describe('cross-site form posts', () => {
	it('are refused from another origin or with none, as SvelteKit would', () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(isForbiddenCrossSitePost(...post('/admin/people', { ...form, origin: 'https://evil.example' }))).toBe(true);
		expect(isForbiddenCrossSitePost(...post('/admin/people', form))).toBe(true);
		expect(isForbiddenCrossSitePost(...post('/login', { 'content-type': 'Multipart/Form-Data; boundary=x' }))).toBe(
			true
		);
		expect(isForbiddenCrossSitePost(...post('/login', { 'content-type': 'text/plain' }))).toBe(true);
	});

	it('pass from the same origin, and when they are not forms', () => {
		const form = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(isForbiddenCrossSitePost(...post('/login', { ...form, origin: 'https://ripple.example.com' }))).toBe(false);
		expect(isForbiddenCrossSitePost(...post('/api/metrics', { 'content-type': 'application/json' }))).toBe(false);
		const get = new Request(url('/login'));
		expect(isForbiddenCrossSitePost(get, url('/login'))).toBe(false);
	});

	it('let a mail provider post the one-click unsubscribe of RFC 8058, and nothing else like it', () => {
		const oneClick = { 'content-type': 'application/x-www-form-urlencoded' };
		expect(isForbiddenCrossSitePost(...post('/unsubscribe/abc.learning.sig', oneClick))).toBe(false);
		expect(isForbiddenCrossSitePost(...post('/unsubscribe/abc/more', oneClick))).toBe(true);
		expect(isForbiddenCrossSitePost(...post('/unsubscribe', oneClick))).toBe(true);
	});
});
