import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
// The mail server Ripple sends to in the suite, and where specs read what arrived.
import { mailHttpPort, mailSinkUrl, mailSmtpPort } from './tests/e2e/mail';

// E2E_PORT lets two checkouts run their end-to-end suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4174);
const baseURL = `http://localhost:${PORT}`;

// Debian's Chromium where it is installed (machines without Playwright's own browser download);
// Playwright's bundled browser everywhere else.
const systemChromium = '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
	? { executablePath: systemChromium, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] }
	: {};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: process.env.CI ? 1 : 0,
	workers: 2,
	reporter: process.env.CI ? [['list']] : [['list']],
	// Journeys through several roles, with axe checks on the way, take 25-40 s on a 2-core machine.
	timeout: 60_000,
	use: {
		baseURL,
		trace: 'retain-on-failure',
		launchOptions
	},
	projects: [
		{ name: 'setup', testMatch: /auth\.setup\.ts/ },
		{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions }, dependencies: ['setup'] }
	],
	webServer: [
		{
			command: 'tsx tests/e2e/mail-sink.ts',
			url: `${mailSinkUrl}/healthz`,
			reuseExistingServer: false,
			timeout: 60_000,
			env: { MAIL_SINK_SMTP_PORT: String(mailSmtpPort), MAIL_SINK_HTTP_PORT: String(mailHttpPort) }
		},
		{
			// A fresh database with the demo organisation for every run, served by the production build.
			// The builds only tests use (tests/builds/build.ts) are made alongside.
			command:
				'rm -rf tests/.tmp && npm run build && tsx tests/builds/build.ts && tsx src/lib/server/demo/cli.ts && node build',
			url: `${baseURL}/healthz`,
			reuseExistingServer: false,
			timeout: 420_000,
			env: {
				DATABASE_URL: 'tests/.tmp/e2e.db',
				PORT: String(PORT),
				HOST: '127.0.0.1',
				ORIGIN: baseURL,
				// Every test signs in from 127.0.0.1; the per-address limit is tested with the account limit's logic.
				LOGIN_THROTTLE_IP_MAX: '1000',
				// Email goes to the suite's own mail server, and the worker looks for it every second.
				SMTP_URL: `smtp://127.0.0.1:${mailSmtpPort}`,
				SMTP_FROM: 'Ripple <ripple@northwind.example>',
				NOTIFICATIONS_TICK_SECONDS: '1'
			}
		}
	]
});
