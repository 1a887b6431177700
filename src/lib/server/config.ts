/**
 * Runtime configuration read from the environment. Kept free of SvelteKit imports so the
 * command-line tools (migrate, seed) share it with the server.
 */
function intFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw.trim() === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value <= 0) {
		throw new Error(`${name} must be a positive whole number, got "${raw}"`);
	}
	return value;
}

export const config = {
	get databaseUrl(): string {
		return process.env.DATABASE_URL?.trim() || './data/ripple.db';
	},
	/** Connections each app instance keeps to PostgreSQL (ignored on SQLite). */
	get databasePoolSize(): number {
		return intFromEnv('DATABASE_POOL_SIZE', 10);
	},
	/**
	 * Keys the hashes that tell standing-link respondents apart. Optional: without it the hashes are
	 * still not the person's id, but anyone holding a copy of the database could work them out.
	 */
	get feedbackRespondentSecret(): string | null {
		return process.env.FEEDBACK_RESPONDENT_SECRET?.trim() || null;
	},
	/** Answers one client address may send to feedback links in an hour. */
	get feedbackAnswersPerAddress(): number {
		return intFromEnv('FEEDBACK_THROTTLE_IP_MAX', 30);
	},
	get throttle() {
		return {
			windowMinutes: intFromEnv('LOGIN_THROTTLE_WINDOW_MINUTES', 15),
			maxFailuresPerAccount: intFromEnv('LOGIN_THROTTLE_ACCOUNT_MAX', 10),
			maxFailuresPerIp: intFromEnv('LOGIN_THROTTLE_IP_MAX', 10)
		};
	}
};
