import Negotiator from 'negotiator';
import { Duplex } from 'node:stream';
import { brotliCompressSync, constants, createBrotliCompress, createGzip, gzipSync } from 'node:zlib';

/**
 * Pages, their data and JSON answers travel compressed when the client accepts it, whether or not a
 * reverse proxy sits in front (the built static assets are precompressed by adapter-node already).
 * Brotli at a low quality and gzip at its usual level cost a fraction of a page's rendering and
 * shrink its HTML several times over. An answer whose length is known is whole already (SvelteKit
 * sets it on every page that does not stream, and on JSON): up to WHOLE_MAX it is compressed in one
 * synchronous call, a fifth of the CPU a compressing stream costs for a 5 KB page (whose setup and
 * hand-offs to the thread pool outweigh the compressing) and a tenth of a millisecond of the event
 * loop. A page that streams, or a large download, goes through a compressing stream on the thread
 * pool that flushes each chunk as it is written, so it still arrives piece by piece.
 */

/** Answers smaller than this gain less than the headers and the work cost. */
const MIN_BYTES = 1024;
/** Above this a whole answer (a large CSV) is compressed off the event loop, as a stream. */
const WHOLE_MAX = 256 * 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|scim\+json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;

export type Encoding = 'br' | 'gzip';

/** The encoding to use for a request's `Accept-Encoding` (q-values honoured; brotli preferred on a tie). */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
	if (!acceptEncoding) return null;
	const chosen = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encoding(
		['br', 'gzip', 'identity'],
		{
			preferred: ['br', 'gzip', 'identity']
		}
	);
	return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

function worthCompressing(request: Request, response: Response): boolean {
	if (request.method === 'HEAD') return false;
	if (response.status < 200 || response.status === 204 || response.status === 206 || response.status === 304)
		return false;
	const headers = response.headers;
	if (headers.has('content-encoding')) return false;
	if (/\bno-transform\b/i.test(headers.get('cache-control') ?? '')) return false;
	if (/text\/event-stream/i.test(headers.get('content-type') ?? '')) return false;
	const length = headers.get('content-length');
	return length === null || Number(length) >= MIN_BYTES;
}

const BROTLI_PARAMS = {
	[constants.BROTLI_PARAM_QUALITY]: 4,
	[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT
};

function compressor(encoding: Encoding) {
	return encoding === 'br'
		? createBrotliCompress({ flush: constants.BROTLI_OPERATION_FLUSH, params: BROTLI_PARAMS })
		: createGzip({ flush: constants.Z_SYNC_FLUSH });
}

function compressWhole(encoding: Encoding, bytes: Uint8Array): Buffer {
	return encoding === 'br' ? brotliCompressSync(bytes, { params: BROTLI_PARAMS }) : gzipSync(bytes);
}

/** The response compressed for the request, or as it is when that is not asked for or not worth it. */
export async function compressed(request: Request, response: Response): Promise<Response> {
	if (!response.body || !COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
	const encoding = worthCompressing(request, response) ? chooseEncoding(request.headers.get('accept-encoding')) : null;
	const headers = new Headers(response.headers);
	// Whether it is compressed depends on the request's header, so caches must know to ask.
	if (!/\baccept-encoding\b/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Accept-Encoding');
	let body: ReadableStream<Uint8Array> = response.body;
	if (encoding) {
		headers.set('content-encoding', encoding);
		// A strong validator names the bytes sent: the compressed bytes differ, so it becomes weak.
		const etag = headers.get('etag');
		if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
		if (Number(headers.get('content-length') ?? Infinity) <= WHOLE_MAX) {
			const whole = compressWhole(encoding, new Uint8Array(await response.arrayBuffer()));
			headers.set('content-length', String(whole.byteLength));
			// zlib's Buffer is a Uint8Array over an ordinary ArrayBuffer; the DOM's BodyInit cannot tell.
			return new Response(whole as Uint8Array<ArrayBuffer>, {
				status: response.status,
				statusText: response.statusText,
				headers
			});
		}
		headers.delete('content-length');
		// Node's web-stream types and the DOM's differ in name only.
		const transform = Duplex.toWeb(compressor(encoding)) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
		body = body.pipeThrough(transform);
	}
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
