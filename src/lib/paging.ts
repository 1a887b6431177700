/** Reads a 1-based page number from the query string; anything odd means page 1. */
export function pageFrom(url: URL, pageSize: number): { page: number; limit: number; offset: number } {
	const raw = Number(url.searchParams.get('page'));
	const page = Number.isInteger(raw) && raw > 0 && raw < 100_000 ? raw : 1;
	return { page, limit: pageSize, offset: (page - 1) * pageSize };
}

export function pageCount(total: number, pageSize: number): number {
	return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The current URL's query with some parameters changed (`null` removes one), as a link to `path`
 * (the current page unless given).
 */
export function withQuery(url: URL, changes: Record<string, string | null>, path = url.pathname): string {
	const params = new URLSearchParams(url.searchParams);
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) params.delete(key);
		else params.set(key, value);
	}
	const query = params.toString();
	return query ? `${path}?${query}` : path;
}

/** The current URL's query with one page number swapped in. */
export function withPage(url: URL, page: number): string {
	return withQuery(url, { page: page <= 1 ? null : String(page) });
}
