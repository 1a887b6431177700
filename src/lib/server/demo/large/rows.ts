/**
 * How the large organisation is written: instants relative to `now`, reproducible ids, and rows
 * batched into multi-row INSERTs under the bound-parameter limit.
 */
import type { InsertObject } from 'kysely';
import type { Database, Db } from '../../db';
import { hashLabel, mix32 } from '../random';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** SQLite allows 32,766 bound parameters per statement (PostgreSQL 65,535); stay under both. */
const MAX_PARAMETERS = 32_000;

export const iso = (ms: number) => new Date(ms).toISOString();
export const isoDay = (ms: number) => iso(ms).slice(0, 10);

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(value: number, length: number, alphabet = BASE32): string {
	let out = '';
	for (let i = 0; i < length; i++) out += alphabet[(value >>> Math.min(30, 5 * i)) & 31];
	return out;
}

/**
 * Reproducible ids shaped like `newId` (16 base32 characters). The first seven characters are a
 * bijection of a per-table counter, so ids never repeat within a table.
 */
export function idMaker(seed: number, label: string): () => string {
	const salt = mix32(seed ^ hashLabel(label));
	let counter = 0;
	return () => {
		const a = mix32(counter++ ^ salt);
		const b = mix32(a ^ 0x9e3779b9);
		return base32(a, 7) + base32(b, 7) + base32(mix32(b), 2);
	};
}

/** Certificate codes like the app's (`ABCDE-FGHIJ`), unique for the same reason as ids. */
export function codeMaker(seed: number): () => string {
	const next = idMaker(seed, 'verification-codes');
	return () => {
		const id = next().toUpperCase();
		return `${id.slice(0, 5)}-${id.slice(5, 10)}`;
	};
}

/**
 * Collects one table's rows and inserts them in multi-row statements under the parameter limit.
 * A writer whose rows point at another writer's rows names it as `parent`: the parent's pending
 * rows are written first, so foreign keys hold after every statement.
 */
export class TableWriter<T extends keyof Database & string> {
	private pending: InsertObject<Database, T>[] = [];
	private batchSize = 0;
	written = 0;

	constructor(
		private readonly db: Db,
		readonly table: T,
		private readonly parent?: { close(): Promise<void> }
	) {}

	add(row: InsertObject<Database, T>): void {
		if (this.batchSize === 0) this.batchSize = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(row).length));
		this.pending.push(row);
	}

	/** Writes every full batch; called between teams or people so memory stays bounded. */
	async spill(): Promise<void> {
		while (this.batchSize > 0 && this.pending.length >= this.batchSize)
			await this.insert(this.pending.splice(0, this.batchSize));
	}

	async close(): Promise<void> {
		await this.spill();
		if (this.pending.length > 0) await this.insert(this.pending.splice(0));
	}

	private async insert(rows: InsertObject<Database, T>[]): Promise<void> {
		await this.parent?.close();
		await this.db.insertInto(this.table).values(rows).execute();
		this.written += rows.length;
	}
}

export async function spillAll(writers: readonly { spill(): Promise<void> }[]): Promise<void> {
	for (const writer of writers) await writer.spill();
}

/** Writes what is left, in the order given (parents first); returns the writers for counting. */
export async function closeAll<W extends readonly { close(): Promise<void> }[]>(writers: W): Promise<W> {
	for (const writer of writers) await writer.close();
	return writers;
}

/** What a phase wrote: its writers, for counting. */
export type Written = readonly { table: string; written: number }[];
