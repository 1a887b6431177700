import nodemailer from 'nodemailer';

/** One email as Ripple hands it to the mail server. */
export interface OutgoingEmail {
	from: string;
	to: string;
	subject: string;
	text: string;
	html: string;
	messageId: string;
	headers: Record<string, string>;
	/** An iTIP invitation (or cancellation), sent as the `text/calendar` alternative. */
	calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

export interface Mailer {
	send(email: OutgoingEmail): Promise<{ response: string }>;
	/** Connects and greets the server without sending, to show the admin whether it answers. */
	verify(): Promise<void>;
	close(): void;
}

/**
 * A mail server reached through Nodemailer's SMTP pool: a few connections kept open and reused,
 * so thousands of emails do not each pay for a handshake. Timeouts are short enough that a dead
 * server turns into a retry rather than a stuck worker.
 */
export function smtpMailer(url: string): Mailer {
	const transport = nodemailer.createTransport({
		url,
		pool: true,
		maxConnections: 4,
		maxMessages: 500,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000
	});
	return {
		async send(email) {
			const info = await transport.sendMail({
				from: email.from,
				to: email.to,
				subject: email.subject,
				text: email.text,
				html: email.html,
				messageId: email.messageId,
				headers: email.headers,
				...(email.calendar
					? {
							icalEvent: {
								method: email.calendar.method,
								filename: email.calendar.method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
								content: email.calendar.content
							}
						}
					: {})
			});
			return { response: String(info.response ?? '') };
		},
		async verify() {
			await transport.verify();
		},
		close() {
			transport.close();
		}
	};
}

/** What a failed send left to go on: the server's reply code and text, or the network error. */
export function failureOf(error: unknown): { responseCode?: number; code?: string; message: string } {
	if (error && typeof error === 'object') {
		const e = error as { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown };
		return {
			responseCode: typeof e.responseCode === 'number' ? e.responseCode : undefined,
			code: typeof e.code === 'string' ? e.code : undefined,
			message: String(e.response ?? e.message ?? error).slice(0, 500)
		};
	}
	return { message: String(error).slice(0, 500) };
}
