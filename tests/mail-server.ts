import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server for tests (smtp-server, from the Nodemailer project), on a free local port.
 * What arrives is parsed back with mailparser. `behaviour` makes it misbehave, to prove retries:
 * answer the next messages with a temporary (451) or permanent (550) refusal, or cut the connection.
 */
export interface ReceivedMail {
	envelopeTo: string[];
	raw: string;
	parsed: ParsedMail;
}

/** smtp-server keeps its connections on the server object (not in its typings). */
interface Connection {
	id: string;
	_socket: { destroy(): void };
}

export type Misbehaviour = 'accept' | 'temporary' | 'permanent' | 'drop';

export interface TestMailServer {
	url: string;
	port: number;
	received: ReceivedMail[];
	/** How the next `count` messages are answered (then it accepts again). */
	misbehave(how: Misbehaviour, count?: number): void;
	/** Waits until at least `count` messages arrived (or fails after `timeoutMs`). */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	clear(): void;
	close(): Promise<void>;
}

export async function startMailServer(listenOn = 0): Promise<TestMailServer> {
	const received: ReceivedMail[] = [];
	let plan: { how: Misbehaviour; left: number } = { how: 'accept', left: 0 };
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		size: 10 * 1024 * 1024,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const how = plan.left > 0 ? plan.how : 'accept';
				if (plan.left > 0) plan.left--;
				if (how === 'drop') {
					// Cut the connection without an answer: the client sees a network error.
					const connections = (server as unknown as { connections: Set<Connection> }).connections;
					for (const connection of connections) if (connection.id === session.id) connection._socket.destroy();
					return;
				}
				if (how === 'temporary') {
					const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
					return callback(error);
				}
				if (how === 'permanent') {
					const error = Object.assign(new Error('No such mailbox'), { responseCode: 550 });
					return callback(error);
				}
				const raw = Buffer.concat(chunks).toString('utf8');
				simpleParser(raw)
					.then((parsed) => {
						received.push({ envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw, parsed });
						callback();
					})
					.catch(callback);
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(listenOn, '127.0.0.1', () => resolve()));
	const port = (server.server.address() as AddressInfo).port;
	return {
		url: `smtp://127.0.0.1:${port}`,
		port,
		received,
		misbehave(how, count = 1) {
			plan = { how, left: count };
		},
		async waitFor(count, timeoutMs = 10_000) {
			const until = Date.now() + timeoutMs;
			while (received.length < count) {
				if (Date.now() > until) throw new Error(`Expected ${count} emails, got ${received.length}`);
				await new Promise((r) => setTimeout(r, 25));
			}
			return received;
		},
		clear() {
			received.length = 0;
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
