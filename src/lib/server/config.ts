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
	/**
	 * The mail server, as one URL (`smtp://user:pass@host:587`, `smtps://…:465`); without it Ripple
	 * writes every email to the delivery log as not sent, and sends none.
	 */
	get smtpUrl(): string | null {
		return process.env.SMTP_URL?.trim() || null;
	},
	/** The sender of Ripple's emails, e.g. `Ripple <ripple@example.com>`. */
	get mailFrom(): string {
		return process.env.SMTP_FROM?.trim() || 'Ripple <ripple@localhost>';
	},
	/** Where Ripple is reached from outside, for links in emails (adapter-node reads the same). */
	get origin(): string {
		return (process.env.ORIGIN?.trim() || `http://localhost:${process.env.PORT?.trim() || '3000'}`).replace(/\/+$/, '');
	},
	/**
	 * Whether this process runs the notification scheduler and delivery. On by default, so one
	 * instance is all a small install needs; `off` on web instances when `npm run worker` runs apart.
	 */
	get notificationsWorker(): boolean {
		return (process.env.NOTIFICATIONS_WORKER?.trim() || 'on') !== 'off';
	},
	/** Seconds between the worker's delivery rounds; reminders and digests are looked for every minute. */
	get notificationsTickSeconds(): number {
		return intFromEnv('NOTIFICATIONS_TICK_SECONDS', 10);
	},
	/**
	 * Seals secrets Ripple must read back, such as an identity provider's client secret (at least
	 * 32 characters: `openssl rand -hex 32`). Without it providers can still be given in
	 * `SSO_PROVIDERS`, but not stored from the admin.
	 */
	get secretsKey(): string | null {
		return process.env.SECRETS_KEY?.trim() || null;
	},
	/** OpenID Connect providers as a JSON array, for installs configured as code (see sso-providers.ts). */
	get ssoProviders(): string | null {
		return process.env.SSO_PROVIDERS?.trim() || null;
	},
	get throttle() {
		return {
			windowMinutes: intFromEnv('LOGIN_THROTTLE_WINDOW_MINUTES', 15),
			maxFailuresPerAccount: intFromEnv('LOGIN_THROTTLE_ACCOUNT_MAX', 10),
			maxFailuresPerIp: intFromEnv('LOGIN_THROTTLE_IP_MAX', 10)
		};
	}
};
