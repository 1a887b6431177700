/**
 * SCIM 2.0 (RFC 7643 and 7644) as Ripple speaks it, without a database: reading the User resources
 * and PATCH operations directories send, the filters Ripple answers, paging, and the error format.
 * Directories differ in the details, and both shapes are accepted where they do: Microsoft Entra ID
 * capitalises ops ("Replace") and, in older tenants, sends booleans as text ("False"); Okta patches
 * without a path, with the attributes as the value. Attributes Ripple does not keep (phone numbers,
 * addresses, …) are ignored rather than refused, so a directory's wider attribute mapping does not
 * stop provisioning.
 */

export const SCIM = {
	user: 'urn:ietf:params:scim:schemas:core:2.0:User',
	group: 'urn:ietf:params:scim:schemas:core:2.0:Group',
	enterprise: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User',
	list: 'urn:ietf:params:scim:api:messages:2.0:ListResponse',
	patch: 'urn:ietf:params:scim:api:messages:2.0:PatchOp',
	error: 'urn:ietf:params:scim:api:messages:2.0:Error',
	serviceProviderConfig: 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig',
	resourceType: 'urn:ietf:params:scim:schemas:core:2.0:ResourceType',
	schema: 'urn:ietf:params:scim:schemas:core:2.0:Schema'
} as const;

/** The media type of every SCIM answer. */
export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** RFC 7644 §3.12: the `scimType` values Ripple answers with. */
export type ScimType =
	| 'invalidFilter'
	| 'invalidSyntax'
	| 'invalidPath'
	| 'invalidValue'
	| 'noTarget'
	| 'uniqueness'
	| 'mutability'
	| 'tooMany';

export interface ScimProblem {
	status: number;
	scimType?: ScimType;
	detail: string;
}

export function problem(status: number, detail: string, scimType?: ScimType): ScimProblem {
	return scimType ? { status, scimType, detail } : { status, detail };
}

/** An error in SCIM's own format (RFC 7644 §3.12), where `status` is a string. */
export function errorBody(error: ScimProblem) {
	return {
		schemas: [SCIM.error],
		status: String(error.status),
		...(error.scimType ? { scimType: error.scimType } : {}),
		detail: error.detail
	};
}

/** What Ripple keeps of a directory's User. */
export interface DirectoryUser {
	userName: string;
	externalId: string | null;
	email: string | null;
	displayName: string | null;
	givenName: string | null;
	familyName: string | null;
	title: string | null;
	employeeNumber: string | null;
	department: string | null;
	/** The SCIM id (Ripple's person id) of the manager; null: none. */
	managerId: string | null;
	active: boolean;
}

/** A change to a User: the fields its operations touch (null where an attribute was removed). */
export type UserChange = Partial<DirectoryUser>;

type Result<T> = { ok: true; value: T } | { ok: false; problem: ScimProblem };
const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (status: number, detail: string, scimType?: ScimType): Result<never> => ({
	ok: false,
	problem: problem(status, detail, scimType)
});

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Attribute names are case-insensitive in SCIM (RFC 7643 §2.1). */
function lowerKeys(record: Record<string, unknown>): Map<string, unknown> {
	return new Map(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}

const MAX_TEXT = 256;

/** A text attribute: trimmed, null when empty; a number is read as its digits (employee numbers). */
function text(value: unknown, attribute: string): Result<string | null> {
	if (value === null || value === undefined) return ok(null);
	if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
	if (typeof value !== 'string') return fail(400, `${attribute} must be a string.`, 'invalidValue');
	// eslint-disable-next-line no-control-regex -- control characters are what is refused
	if (/[\u0000-\u001F\u007F]/.test(value))
		return fail(400, `${attribute} contains control characters.`, 'invalidValue');
	const trimmed = value.trim();
	if (trimmed.length > MAX_TEXT)
		return fail(400, `${attribute} is longer than ${MAX_TEXT} characters.`, 'invalidValue');
	return ok(trimmed === '' ? null : trimmed);
}

/** `active` as a boolean, or as the text older Entra ID tenants send ("True", "False"). */
export function readActive(value: unknown): Result<boolean> {
	if (typeof value === 'boolean') return ok(value);
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
		return ok(value.trim().toLowerCase() === 'true');
	return fail(400, 'active must be true or false.', 'invalidValue');
}

/** The email a User's `emails` hold: the primary, else the work one, else the first. */
function emailOf(emails: unknown): Result<string | null> {
	if (emails === undefined || emails === null) return ok(null);
	if (!Array.isArray(emails)) return fail(400, 'emails must be a list.', 'invalidValue');
	const entries = emails.filter(isRecord).map(lowerKeys);
	const chosen =
		entries.find((e) => e.get('primary') === true || e.get('primary') === 'true') ??
		entries.find((e) => String(e.get('type') ?? '').toLowerCase() === 'work') ??
		entries[0];
	return chosen ? emailText(chosen.get('value')) : ok(null);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
function emailText(value: unknown): Result<string | null> {
	const read = text(value, 'emails.value');
	if (!read.ok || read.value === null) return read;
	return EMAIL.test(read.value) && read.value.length <= 254
		? ok(read.value.toLowerCase())
		: fail(400, `"${read.value.slice(0, 80)}" is not an email address.`, 'invalidValue');
}

/** A manager given as the id itself or as `{ value: id }` (both are sent). */
function managerOf(value: unknown): Result<string | null> {
	if (isRecord(value)) return text(lowerKeys(value).get('value'), 'manager.value');
	return text(value, 'manager');
}

/**
 * Applies one attribute (a path such as `name.familyName`, `emails[type eq "work"].value` or an
 * enterprise attribute by its full URN) to `change`. Unknown attributes are ignored.
 */
function applyAttribute(change: UserChange, path: string, value: unknown): Result<true> {
	const p = path.trim().toLowerCase();
	const enterprise = SCIM.enterprise.toLowerCase();
	const set = <K extends keyof DirectoryUser>(key: K, read: Result<DirectoryUser[K]>): Result<true> => {
		if (!read.ok) return read;
		change[key] = read.value;
		return ok(true);
	};
	const required = (read: Result<string | null>, attribute: string): Result<string> =>
		read.ok && read.value === null
			? fail(400, `${attribute} cannot be empty.`, 'invalidValue')
			: (read as Result<string>);

	if (p === 'active') return set('active', readActive(value));
	if (p === 'username') return set('userName', required(text(value, 'userName'), 'userName'));
	if (p === 'externalid') return set('externalId', text(value, 'externalId'));
	if (p === 'displayname') return set('displayName', text(value, 'displayName'));
	if (p === 'title') return set('title', text(value, 'title'));
	if (p === 'name.givenname') return set('givenName', text(value, 'name.givenName'));
	if (p === 'name.familyname') return set('familyName', text(value, 'name.familyName'));
	if (p === 'name.formatted') return set('displayName', text(value, 'name.formatted'));
	if (p === 'name') {
		if (value === null) return ok(true);
		if (!isRecord(value)) return fail(400, 'name must be an object.', 'invalidValue');
		for (const [key, part] of Object.entries(value)) {
			const applied = applyAttribute(change, `name.${key}`, part);
			if (!applied.ok) return applied;
		}
		return ok(true);
	}
	if (p === 'emails') return set('email', emailOf(value));
	if (/^emails\[type eq "work"\]\.value$/.test(p) || /^emails\[primary eq true\]\.value$/.test(p))
		return set('email', emailText(value));
	if (p === enterprise) {
		if (!isRecord(value)) return fail(400, 'The enterprise extension must be an object.', 'invalidValue');
		for (const [key, part] of Object.entries(value)) {
			const applied = applyAttribute(change, `${SCIM.enterprise}:${key}`, part);
			if (!applied.ok) return applied;
		}
		return ok(true);
	}
	if (p === `${enterprise}:employeenumber`) return set('employeeNumber', text(value, 'employeeNumber'));
	if (p === `${enterprise}:department`) return set('department', text(value, 'department'));
	if (p === `${enterprise}:manager` || p === `${enterprise}:manager.value`) return set('managerId', managerOf(value));
	return ok(true);
}

/** A whole User as POST and PUT send it. `userName` is required; `active` defaults to true. */
export function readUser(body: unknown): Result<DirectoryUser> {
	if (!isRecord(body)) return fail(400, 'The body must be a SCIM User object.', 'invalidSyntax');
	const change: UserChange = {};
	for (const [key, value] of Object.entries(body)) {
		const k = key.toLowerCase();
		if (k === 'schemas' || k === 'id' || k === 'meta') continue;
		const applied = applyAttribute(change, key, value);
		if (!applied.ok) return applied;
	}
	if (!change.userName) return fail(400, 'userName is required.', 'invalidValue');
	const email = change.email ?? (EMAIL.test(change.userName) ? change.userName.toLowerCase() : null);
	return ok({
		userName: change.userName,
		externalId: change.externalId ?? null,
		email,
		displayName: change.displayName ?? null,
		givenName: change.givenName ?? null,
		familyName: change.familyName ?? null,
		title: change.title ?? null,
		employeeNumber: change.employeeNumber ?? null,
		department: change.department ?? null,
		managerId: change.managerId ?? null,
		active: change.active ?? true
	});
}

type Operation = { op: 'add' | 'replace' | 'remove'; path: string | undefined; value: unknown };

/** A PatchOp's operations (RFC 7644 §3.5.2), ops in any case ("Replace" is Entra ID's). */
function readOperations(body: unknown): Result<Operation[]> {
	if (!isRecord(body)) return fail(400, 'The body must be a SCIM PatchOp.', 'invalidSyntax');
	const operations = lowerKeys(body).get('operations');
	if (!Array.isArray(operations) || operations.length === 0)
		return fail(400, 'A PatchOp needs a non-empty Operations list.', 'invalidSyntax');
	if (operations.length > 100) return fail(400, 'At most 100 operations per request.', 'tooMany');
	const read: Operation[] = [];
	for (const raw of operations) {
		if (!isRecord(raw)) return fail(400, 'Each operation must be an object.', 'invalidSyntax');
		const operation = lowerKeys(raw);
		const op = String(operation.get('op') ?? '').toLowerCase();
		const path = operation.get('path');
		if (op !== 'add' && op !== 'replace' && op !== 'remove')
			return fail(
				400,
				`"${String(operation.get('op')).slice(0, 20)}" is not a PATCH op (add, replace, remove).`,
				'invalidSyntax'
			);
		if (path !== undefined && typeof path !== 'string') return fail(400, 'path must be a string.', 'invalidPath');
		if (op === 'remove' && !path) return fail(400, 'A remove needs a path.', 'noTarget');
		read.push({ op, path: path?.trim() || undefined, value: operation.get('value') });
	}
	return ok(read);
}

/** A PatchOp as the change it makes to a User. */
export function readUserPatch(body: unknown): Result<UserChange> {
	const operations = readOperations(body);
	if (!operations.ok) return operations;
	const change: UserChange = {};
	for (const { op, path, value } of operations.value) {
		if (op === 'remove') {
			if (/^(active|username)$/i.test(path!)) return fail(400, `${path} cannot be removed.`, 'mutability');
			const applied = applyAttribute(change, path!, null);
			if (!applied.ok) return applied;
			continue;
		}
		if (path) {
			const applied = applyAttribute(change, path, value);
			if (!applied.ok) return applied;
			continue;
		}
		// No path: the value holds attributes by name (Okta, and Entra for several at once).
		if (!isRecord(value)) return fail(400, 'An operation without a path needs an object value.', 'invalidSyntax');
		for (const [key, part] of Object.entries(value)) {
			const applied = applyAttribute(change, key, part);
			if (!applied.ok) return applied;
		}
	}
	return ok(change);
}

export type FilterAttribute = 'userName' | 'externalId' | 'displayName' | 'id';

const USER_FILTERS: readonly FilterAttribute[] = ['userName', 'externalId', 'displayName', 'id'];
export const GROUP_FILTERS: readonly FilterAttribute[] = ['externalId', 'displayName', 'id'];

/**
 * The filters directories send to find a resource before creating it: `<attribute> eq "<value>"`,
 * on the attributes the resource answers (Users by default). Anything else is refused as
 * `invalidFilter` rather than answered wrongly.
 */
export function readFilter(
	filter: string,
	attributes: readonly FilterAttribute[] = USER_FILTERS
): Result<{ attribute: FilterAttribute; value: string }> {
	const match = /^\s*([A-Za-z][\w.:-]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
	if (!match) return fail(400, 'Ripple answers filters of the form: attribute eq "value".', 'invalidFilter');
	const attribute = attributes.find((a) => a.toLowerCase() === match[1]!.toLowerCase());
	if (!attribute) return fail(400, `Ripple cannot filter on ${match[1]!.slice(0, 60)}.`, 'invalidFilter');
	return ok({ attribute, value: match[2]!.replace(/\\(.)/g, '$1') });
}

/** What Ripple keeps of a directory's Group: its name, the directory's id for it, its members. */
export interface DirectoryGroupInput {
	displayName: string;
	externalId: string | null;
	/** The SCIM ids (person ids) of the members. */
	members: string[];
}

/** A change to a Group's members, in the order the operations came. */
export type MemberStep = { op: 'add' | 'remove' | 'set'; ids: string[] } | { op: 'clear' };

export interface GroupChange {
	displayName?: string;
	externalId?: string | null;
	members: MemberStep[];
}

const MAX_MEMBERS = 10_000;

/** `members` as a list of `{ value: id }` (`display` and `$ref` are ignored). */
function memberIds(value: unknown): Result<string[]> {
	if (value === null || value === undefined) return ok([]);
	const list = Array.isArray(value) ? value : [value];
	if (list.length > MAX_MEMBERS) return fail(400, `At most ${MAX_MEMBERS} members per request.`, 'tooMany');
	const ids: string[] = [];
	for (const member of list) {
		const id = isRecord(member) ? text(lowerKeys(member).get('value'), 'members.value') : text(member, 'members');
		if (!id.ok) return id;
		if (id.value === null) return fail(400, 'Each member needs a value (the User’s id).', 'invalidValue');
		ids.push(id.value);
	}
	return ok([...new Set(ids)]);
}

/** A whole Group as POST and PUT send it. */
export function readGroup(body: unknown): Result<DirectoryGroupInput> {
	if (!isRecord(body)) return fail(400, 'The body must be a SCIM Group object.', 'invalidSyntax');
	const fields = lowerKeys(body);
	const name = text(fields.get('displayname'), 'displayName');
	if (!name.ok) return name;
	if (name.value === null) return fail(400, 'displayName is required.', 'invalidValue');
	const externalId = text(fields.get('externalid'), 'externalId');
	if (!externalId.ok) return externalId;
	const members = memberIds(fields.get('members'));
	if (!members.ok) return members;
	return ok({ displayName: name.value, externalId: externalId.value, members: members.value });
}

/** `members[value eq "id"]`, the path Entra ID removes one member with. */
const MEMBER_PATH = /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i;

/** A Group's PatchOp: name and externalId, members added, removed or replaced (RFC 7644 §3.5.2). */
export function readGroupPatch(body: unknown): Result<GroupChange> {
	const operations = readOperations(body);
	if (!operations.ok) return operations;
	const change: GroupChange = { members: [] };

	const attribute = (op: Operation['op'], name: string, value: unknown): Result<true> => {
		const key = name.toLowerCase();
		if (key === 'displayname') {
			const read = text(value, 'displayName');
			if (!read.ok) return read;
			if (read.value === null) return fail(400, 'displayName cannot be empty.', 'invalidValue');
			change.displayName = read.value;
		} else if (key === 'externalid') {
			const read = text(value, 'externalId');
			if (!read.ok) return read;
			change.externalId = read.value;
		} else if (key === 'members') {
			const ids = memberIds(value);
			if (!ids.ok) return ids;
			change.members.push({ op: op === 'replace' ? 'set' : 'add', ids: ids.value });
		}
		return ok(true);
	};

	for (const { op, path, value } of operations.value) {
		if (op === 'remove') {
			const one = MEMBER_PATH.exec(path!);
			if (one) change.members.push({ op: 'remove', ids: [one[1]!] });
			else if (/^members$/i.test(path!)) {
				// Without a value every member goes; with one (as Entra ID sends it), those listed.
				if (value === undefined || value === null) change.members.push({ op: 'clear' });
				else {
					const ids = memberIds(value);
					if (!ids.ok) return ids;
					change.members.push({ op: 'remove', ids: ids.value });
				}
			} else if (/^displayname$/i.test(path!)) return fail(400, 'displayName cannot be removed.', 'mutability');
			else if (/^externalid$/i.test(path!)) change.externalId = null;
			continue;
		}
		if (path) {
			const applied = attribute(op, path, value);
			if (!applied.ok) return applied;
			continue;
		}
		// No path: the value holds attributes by name (Okta renames a group this way).
		if (!isRecord(value)) return fail(400, 'An operation without a path needs an object value.', 'invalidSyntax');
		for (const [key, part] of Object.entries(value)) {
			if (key.toLowerCase() === 'id') continue;
			const applied = attribute(op, key, part);
			if (!applied.ok) return applied;
		}
	}
	return ok(change);
}

export const MAX_PAGE = 200;

/** `startIndex` (1-based) and `count` as RFC 7644 §3.4.2.4 reads them: out-of-range values are clamped. */
export function readPage(startIndex: string | null, count: string | null): { startIndex: number; count: number } {
	const start = Number.parseInt(startIndex ?? '', 10);
	const size = Number.parseInt(count ?? '', 10);
	return {
		startIndex: Number.isFinite(start) && start >= 1 ? start : 1,
		count: Number.isFinite(size) ? Math.min(Math.max(size, 0), MAX_PAGE) : 100
	};
}

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
	return {
		schemas: [SCIM.list],
		totalResults: total,
		startIndex,
		itemsPerPage: resources.length,
		Resources: resources
	};
}
