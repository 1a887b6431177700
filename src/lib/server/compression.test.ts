import { brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
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
	it('sends a whole page in brotli or gzip in one piece, with Vary, its new length, a strong ETag made weak', async () => {
		const br = await compressed(get('gzip, br'), html(page, { etag: '"abc"', 'content-length': String(page.length) }));
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(br.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(br.headers.get('etag')).toBe('W/"abc"');
		const bytes = Buffer.from(await br.arrayBuffer());
		expect(br.headers.get('content-length')).toBe(String(bytes.length));
		expect(bytes.length).toBeLessThan(page.length / 10);
		expect(brotliDecompressSync(bytes).toString()).toBe(page);

		const gz = await compressed(get('gzip'), html(page, { 'content-length': String(page.length) }));
		expect(gz.headers.get('content-encoding')).toBe('gzip');
		const gzBytes = Buffer.from(await gz.arrayBuffer());
		expect(gz.headers.get('content-length')).toBe(String(gzBytes.length));
		expect(gunzipSync(gzBytes).toString()).toBe(page);
	});

	it('compresses a large download as a stream, off the event loop, whatever its length', async () => {
		const csv = 'name,email\n' + 'Ada Lovelace,ada@ripple.test\n'.repeat(12_000);
		const answer = await compressed(
			get('br'),
			new Response(csv, { headers: { 'content-type': 'text/csv', 'content-length': String(csv.length) } })
		);
		expect(answer.headers.get('content-encoding')).toBe('br');
		expect(answer.headers.get('content-length')).toBeNull();
		expect(brotliDecompressSync(Buffer.from(await answer.arrayBuffer())).toString()).toBe(csv);
	});

	it('compresses a streamed page (no length) as it comes: the first part arrives before the rest exists', async () => {
		const first = '<!doctype html><main>' + '<p>Before the wait</p>'.repeat(100);
		const rest = '<p>After</p></main>';
		for (const [encoding, decode] of [
			['br', (b: Buffer) => brotliDecompressSync(b, { finishFlush: constants.BROTLI_OPERATION_FLUSH })],
			['gzip', (b: Buffer) => gunzipSync(b, { finishFlush: constants.Z_SYNC_FLUSH })]
		] as const) {
			let release!: () => void;
			const later = new Promise<void>((resolve) => (release = resolve));
			const body = new ReadableStream<Uint8Array>({
				async start(controller) {
					controller.enqueue(new TextEncoder().encode(first));
					await later;
					controller.enqueue(new TextEncoder().encode(rest));
					controller.close();
				}
			});
			const answer = await compressed(get(encoding), new Response(body, { headers: { 'content-type': 'text/html' } }));
			expect(answer.headers.get('content-encoding')).toBe(encoding);
			expect(answer.headers.get('content-length')).toBeNull();
			const reader = answer.body!.getReader();
			const chunks: Buffer[] = [];
			// Everything written so far arrives, decodable, while the page is still waiting.
			while (decode(Buffer.concat(chunks)).toString() !== first) {
				const { value, done } = await reader.read();
				expect(done).toBe(false);
				chunks.push(Buffer.from(value!));
			}
			release();
			for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(Buffer.from(next.value));
			expect(decode(Buffer.concat(chunks)).toString()).toBe(first + rest);
		}
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
			const answer = await compressed(request, response);
			expect(answer.headers.get('content-encoding') ?? 'none').not.toMatch(/^br$/);
		}
		// Not asked for: the page as it was, but caches learn the answer depends on the header.
		const plain = await compressed(get(), html());
		expect(plain.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(await plain.text()).toBe(page);
		// No body at all (a redirect): untouched.
		const redirect = new Response(null, { status: 303, headers: { location: '/' } });
		expect(await compressed(get('br'), redirect)).toBe(redirect);
	});
});
