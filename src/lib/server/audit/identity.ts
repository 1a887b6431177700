/**
 * Replacing an erased person's identity in audit entries: which entries, and which words in them.
 * Pure; `eraseIdentityFromAudit` in `./log` reads and writes the rows.
 *
 * The rule:
 * 1. An entry refers to the person when its actor or object is them, when a value in its details
 *    is their id or email, or when their email stands whole in its text (an email is unique, so a
 *    whole one names them; "ager@x" inside "manager@x" is not whole). A name alone never makes an
 *    entry theirs: names are not unique. Entries that do not refer to them are left as they are.
 * 2. In an entry that refers to them, each of their names and emails (current and former) is
 *    replaced where it stands as a whole word, in the summary and in every text value of the
 *    details. Details are mostly exact values ("email": "…"), but some hold lines Ripple wrote
 *    ("manager: none → ager@x"), and the person's name must go from those too.
 * 3. A word that is part of a longer name or email of someone else the entry refers to belongs to
 *    them and stays: "Deactivated Hannah de Vries" by Hannah keeps "Hannah de Vries". Where
 *    another person in the entry has exactly the same name, it cannot be told whose it is, and it
 *    stays too: the entry's actor or object id still points at the anonymised person.
 * Ids are never replaced: the person's row stays under its id, anonymised.
 */

export interface AuditText {
	actor_id: string | null;
	object_id: string | null;
	summary: string;
	/** JSON text, as stored. */
	details: string | null;
}

export interface ErasedIdentity {
	id: string;
	/** Their email now: it identifies entries that name them only by address. */
	email: string;
	/** Each of their names and emails, current and former, and what stands in for it. */
	replacements: ReadonlyMap<string, string>;
}

/** Someone else an entry refers to, whose name and email are not to be touched. */
export interface OtherPerson {
	id: string;
	name: string;
	email: string;
}

/** Letters, digits and what continues a name or an address on either side of a word. */
const WORD = /[\p{L}\p{N}\p{M}_@]/u;
/**
 * Joins the words on either side into one ("Hannah-Marie", "ager@ripple.test"), but not at the end
 * of a sentence ("… for Hannah."). Apostrophes end a word, so "Hannah’s" and "Hannah's" are hers.
 */
const JOINER = /[.+-]/u;

function codePointBefore(text: string, index: number): string | undefined {
	if (index <= 0) return undefined;
	const low = text.charCodeAt(index - 1);
	const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
	return String.fromCodePoint(text.codePointAt(start)!);
}

function codePointAt(text: string, index: number): string | undefined {
	return index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : undefined;
}

/** Whether `text[start, end)` is a whole word: nothing on either side continues it. */
function isWhole(text: string, start: number, end: number): boolean {
	const before = codePointBefore(text, start);
	if (before !== undefined) {
		if (WORD.test(before)) return false;
		const further = JOINER.test(before) ? codePointBefore(text, start - before.length) : undefined;
		if (further !== undefined && WORD.test(further)) return false;
	}
	const after = codePointAt(text, end);
	if (after === undefined) return true;
	if (WORD.test(after)) return false;
	const next = JOINER.test(after) ? codePointAt(text, end + after.length) : undefined;
	return next === undefined || !WORD.test(next);
}

/**
 * Scans left to right and at each place takes the longest whole word among the person's
 * identities and the protected ones; the person's are replaced, the protected ones copied.
 */
export function replaceWhole(
	text: string,
	replacements: ReadonlyMap<string, string>,
	protect: ReadonlySet<string>
): string {
	const candidates = [...new Set([...replacements.keys(), ...protect])]
		.filter((c) => c.length > 0)
		.sort((a, b) => b.length - a.length);
	let out = '';
	let i = 0;
	while (i < text.length) {
		const match = candidates.find((c) => text.startsWith(c, i) && isWhole(text, i, i + c.length));
		if (match === undefined) {
			out += text[i];
			i += 1;
		} else {
			out += protect.has(match) ? match : replacements.get(match)!;
			i += match.length;
		}
	}
	return out;
}

/** Details as stored are JSON; anything else is taken as plain text. */
function parseDetails(details: string | null): { json: unknown } | { text: string } | null {
	if (details === null) return null;
	try {
		return { json: JSON.parse(details) as unknown };
	} catch {
		return { text: details };
	}
}

function detailValues(details: string | null): string[] {
	const parsed = parseDetails(details);
	if (parsed === null) return [];
	return 'json' in parsed ? textValues(parsed.json) : [parsed.text];
}

/** Every text value in parsed details, at any depth (keys are field names, not values). */
function textValues(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(textValues);
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(textValues);
	return [];
}

/** Parsed JSON with every text value (at any depth; keys stay) rewritten. */
export function mapText(value: unknown, rewrite: (text: string) => string): unknown {
	if (typeof value === 'string') return rewrite(value);
	if (Array.isArray(value)) return value.map((v) => mapText(v, rewrite));
	if (value !== null && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapText(v, rewrite)]));
	return value;
}

function containsWhole(text: string, word: string): boolean {
	for (let i = text.indexOf(word); i !== -1; i = text.indexOf(word, i + 1)) {
		if (isWhole(text, i, i + word.length)) return true;
	}
	return false;
}

/** Rule 1: whether the entry refers to the person. */
export function refersTo(entry: AuditText, person: Pick<ErasedIdentity, 'id' | 'email'>): boolean {
	if (entry.actor_id === person.id || entry.object_id === person.id) return true;
	const values = detailValues(entry.details);
	if (values.some((v) => v === person.id || v === person.email)) return true;
	return [entry.summary, ...values].some((text) => containsWhole(text, person.email));
}

/** The ids and emails an entry holds, by which the other people it refers to are looked up. */
export function referencedValues(entry: AuditText): string[] {
	const values = [entry.actor_id, entry.object_id, ...detailValues(entry.details)];
	return [...new Set(values.filter((v): v is string => v !== null && v !== ''))];
}

/**
 * Rules 2 and 3: the entry's summary and details with the person's identity replaced, given the
 * other people it refers to; null when the entry does not refer to them or nothing changes.
 */
export function withoutIdentity(
	entry: AuditText,
	person: ErasedIdentity,
	others: readonly OtherPerson[]
): { summary: string; details: string | null } | null {
	if (!refersTo(entry, person)) return null;
	const protect = new Set(others.filter((o) => o.id !== person.id).flatMap((o) => [o.name, o.email]));
	const rewrite = (text: string) => replaceWhole(text, person.replacements, protect);
	const summary = rewrite(entry.summary);
	const parsed = parseDetails(entry.details);
	const details =
		parsed === null ? null : 'json' in parsed ? JSON.stringify(mapText(parsed.json, rewrite)) : rewrite(parsed.text);
	return summary === entry.summary && details === entry.details ? null : { summary, details };
}

/** Names and emails the person had before, from the changes recorded on them (`person.updated`). */
export function formerIdentities(
	entries: readonly (AuditText & { action: string })[],
	personId: string
): { names: string[]; emails: string[] } {
	const names = new Set<string>();
	const emails = new Set<string>();
	for (const entry of entries) {
		if (entry.action !== 'person.updated' || entry.object_id !== personId) continue;
		const parsed = parseDetails(entry.details);
		if (parsed === null || !('json' in parsed) || parsed.json === null || typeof parsed.json !== 'object') continue;
		const { name, email } = parsed.json as Record<string, unknown>;
		for (const [field, into] of [
			[name, names],
			[email, emails]
		] as const) {
			if (field === null || typeof field !== 'object') continue;
			for (const v of Object.values(field)) if (typeof v === 'string' && v !== '') into.add(v);
		}
	}
	return { names: [...names], emails: [...emails] };
}
