import { expect } from '@playwright/test';

/**
 * The suite's mail server (tests/e2e/mail-sink.ts): its ports follow Ripple's, so two checkouts can
 * run side by side (E2E_PORT). Specs read what arrived with `emailsTo`.
 */
const port = Number(process.env.E2E_PORT ?? 4174);
export const mailSmtpPort = port + 1000;
export const mailHttpPort = port + 1001;
export const mailSinkUrl = `http://127.0.0.1:${mailHttpPort}`;

export interface ReceivedEmail {
	to: string[];
	subject: string;
	text: string;
	html: string;
	messageId: string | null;
	headers: Record<string, string>;
	calendars: string[];
}

export async function emailsTo(address: string): Promise<ReceivedEmail[]> {
	const response = await fetch(`${mailSinkUrl}/messages?to=${encodeURIComponent(address)}`);
	return (await response.json()) as ReceivedEmail[];
}

/** Waits (polling the mail server) until `address` has emails that `match`, and returns them. */
export async function waitForEmails(
	address: string,
	match: (email: ReceivedEmail) => boolean,
	count = 1
): Promise<ReceivedEmail[]> {
	let found: ReceivedEmail[] = [];
	await expect
		.poll(
			async () => {
				found = (await emailsTo(address)).filter(match);
				return found.length;
			},
			{ timeout: 30_000, message: `waiting for ${count} email(s) to ${address}` }
		)
		.toBeGreaterThanOrEqual(count);
	return found;
}
