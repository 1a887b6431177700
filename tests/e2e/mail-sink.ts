/**
 * The mail server the end-to-end suite's Ripple sends to: a real SMTP server (tests/mail-server.ts)
 * on MAIL_SINK_SMTP_PORT, and a small HTTP side on MAIL_SINK_HTTP_PORT through which specs read
 * what arrived (`GET /messages`). Started by playwright.config.ts next to Ripple itself.
 */
import { createServer } from 'node:http';
import { startMailServer } from '../mail-server';

const smtpPort = Number(process.env.MAIL_SINK_SMTP_PORT);
const httpPort = Number(process.env.MAIL_SINK_HTTP_PORT);
const mail = await startMailServer(smtpPort);

const http = createServer((request, response) => {
	const url = new URL(request.url ?? '/', 'http://localhost');
	if (url.pathname === '/healthz') {
		response.end('ok');
		return;
	}
	if (url.pathname === '/messages') {
		const to = url.searchParams.get('to')?.toLowerCase();
		const messages = mail.received
			.filter((m) => !to || m.envelopeTo.some((address) => address.toLowerCase() === to))
			.map((m) => ({
				to: m.envelopeTo,
				subject: m.parsed.subject ?? '',
				text: m.parsed.text ?? '',
				html: typeof m.parsed.html === 'string' ? m.parsed.html : '',
				date: m.parsed.date?.toISOString() ?? null,
				messageId: m.parsed.messageId ?? null,
				headers: Object.fromEntries(
					m.raw
						.split(/\r?\n\r?\n/, 1)[0]!
						.replace(/\r?\n[ \t]+/g, ' ')
						.split(/\r?\n/)
						.map((line) => {
							const colon = line.indexOf(':');
							return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
						})
				),
				calendars: m.parsed.attachments
					.filter((a) => a.contentType === 'text/calendar')
					.map((a) => a.content.toString('utf8'))
			}));
		response.setHeader('content-type', 'application/json');
		response.end(JSON.stringify(messages));
		return;
	}
	response.statusCode = 404;
	response.end();
});
http.listen(httpPort, '127.0.0.1', () => console.log(`Mail sink: SMTP ${smtpPort}, HTTP ${httpPort}`));

const stop = () => {
	http.close();
	void mail.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
