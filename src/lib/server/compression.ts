import Negotiator from 'negotiator';
import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';

/**
 * Pages, their data and JSON answers travel compressed when the client accepts it, whether or not a
 * reverse proxy sits in front (the built static assets are precompressed by adapter-node already).
 * Brotli at a low quality and gzip at its usual level cost a fraction of a page's rendering and
 * shrink its HTML several times over. Each chunk is flushed as it is written, so a page that streams
 * still arrives piece by piece.
 */

/** Answers smaller than this gain less than the headers and the work cost. */
const MIN_BYTES = 1024;
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

function compressor(encoding: Encoding) {
	return encoding === 'br'
		? createBrotliCompress({
				flush: constants.BROTLI_OPERATION_FLUSH,
				params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT }
			})
		: createGzip({ flush: constants.Z_SYNC_FLUSH });
}

/** The response compressed for the request, or as it is when that is not asked for or not worth it. */
export function compressed(request: Request, response: Response): Response {
	if (!response.body || !COMPRESSIBLE.test(response.headers.get('content-type') ?? '')) return response;
	const encoding = worthCompressing(request, response) ? chooseEncoding(request.headers.get('accept-encoding')) : null;
	const headers = new Headers(response.headers);
	// Whether it is compressed depends on the request's header, so caches must know to ask.
	if (!/\baccept-encoding\b/i.test(headers.get('vary') ?? '')) headers.append('vary', 'Accept-Encoding');
	let body: ReadableStream<Uint8Array> = response.body;
	if (encoding) {
		headers.set('content-encoding', encoding);
		headers.delete('content-length');
		// A strong validator names the bytes sent: the compressed bytes differ, so it becomes weak.
		const etag = headers.get('etag');
		if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
		// Node's web-stream types and the DOM's differ in name only.
		const transform = Duplex.toWeb(compressor(encoding)) as unknown as ReadableWritablePair<Uint8Array, Uint8Array>;
		body = body.pipeThrough(transform);
	}
	return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
