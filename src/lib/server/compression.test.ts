import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chooseEncoding, compressed } from './compression';

const page = '<!doctype html><main>' + '<p>Internal service excellence</p>'.repeat(200) + '</main>';
const html = (body = page, headers: Record<string, string> = {}) =>
	new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
const get = (acceptEncoding?: string, method = 'GET') =>
	new Request('http://ripple.test/', { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('choosing an encoding', () => {
	it('prefers brotli, honours q-values and refusals', () => {
		expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
		expect(chooseEncoding('gzip, deflate')).toBe('gzip');
		expect(chooseEncoding('br;q=0.5, gzip')).toBe('gzip');
		expect(chooseEncoding('br;q=0, gzip;q=0')).toBeNull();
		expect(chooseEncoding('identity')).toBeNull();
		expect(chooseEncoding('*')).toBe('br');
		expect(chooseEncoding(null)).toBeNull();
	});
});

describe('compressing an answer', () => {
	it('sends the same page in brotli or gzip, with Vary, without a length, a strong ETag made weak', async () => {
		const br = compressed(get('gzip, br'), html(page, { etag: '"abc"', 'content-length': String(page.length) }));
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(br.headers.get('content-length')).toBeNull();
		expect(br.headers.get('etag')).toBe('W/"abc"');
		const bytes = Buffer.from(await br.arrayBuffer());
		expect(bytes.length).toBeLessThan(page.length / 10);
		expect(brotliDecompressSync(bytes).toString()).toBe(page);

		const gz = compressed(get('gzip'), html());
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(page);
	});

	it('leaves alone what is small, already encoded, not text, a HEAD, or not asked for', async () => {
		const cases: [Request, Response][] = [
			[get('br'), html('<p>short</p>', { 'content-length': '12' })],
			[get('br'), html(page, { 'content-encoding': 'gzip' })],
			[get('br'), new Response(page, { headers: { 'content-type': 'image/png' } })],
			[get('br', 'HEAD'), html()],
			[get('br'), html(page, { 'cache-control': 'no-transform' })],
			[get(), html()]
		];
		for (const [request, response] of cases) {
			const answer = compressed(request, response);
			expect(answer.headers.get('content-encoding') ?? 'none').not.toMatch(/^br$/);
		}
		// Not asked for: the page as it was, but caches learn the answer depends on the header.
		const plain = compressed(get(), html());
		expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(await plain.text()).toBe(page);
		// No body at all (a redirect): untouched.
		const redirect = new Response(null, { status: 303, headers: { location: '/' } });
		expect(compressed(get('br'), redirect)).toBe(redirect);
	});
});
