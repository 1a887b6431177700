import type { Insertable } from 'kysely';
import type { Db } from '../db';
import type {
	CaseFeedbackTable,
	FeedbackLinkTable,
	MetricDirection,
	MetricKind,
	MetricPeriod,
	MetricRollup,
	MetricValueSource,
	MetricValueTable,
	NewObservation,
	ObservationSource,
	ServiceAssessmentScoreTable,
	ServiceAssessmentTable
} from '../db/schema';
import { newId } from '../db/ids';
import { feedbackLinkExpiry } from '../feedback/rules';
import { generateSecret, hashSecret } from '../auth/tokens';
import { feedbackReasons, type ReasonKey } from '../../feedback';
import { periodOf, periodRange, periodsEndingWith, shiftPeriod, weeksOfMonth } from '../../periods';
import { serviceComponentKeys, type ServiceComponentKey } from '../../service-framework';
import { demoPeople, demoTeams } from './data';

/**
 * Measure data for the demo: a year of team metrics, case feedback, behaviour observations and
 * service-framework self-assessments, all placed relative to `now` so the demo reads the same
 * whatever day it is loaded.
 *
 * The story it tells: Accounts Payable improving over the year; Payroll and Infrastructure &
 * Access each with a red patch and a recovery; Accounts Receivable a watermelon (SLAs green every
 * month while its internal customers grow unhappy about disputes closed and reopened); General
 * Ledger & Reporting with too few feedback responses to show. The current month has no metric
 * values, so a manager can import it during a walkthrough.
 *
 * Every number comes from a PRNG seeded by a label such as `Payroll|sla_on_time`, so each series
 * is the same on every run and does not shift when another series changes.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The last complete month and the twelve before it. */
const MONTHS = 13;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

type Rng = () => number;

/** FNV-1a of the label seeds mulberry32: the same label always yields the same sequence. */
function seededRng(label: string): Rng {
	let hash = 2166136261;
	for (let i = 0; i < label.length; i++) {
		hash ^= label.charCodeAt(i);
		hash = Math.imul(hash, 16777619);
	}
	let state = hash >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Roughly normal noise with mean 0 and standard deviation 1 (a scaled sum of four uniforms). */
function wobble(rng: Rng): number {
	return (rng() + rng() + rng() + rng() - 2) * Math.sqrt(3);
}

function pick<T>(rng: Rng, list: readonly T[]): T {
	const item = list[Math.floor(rng() * list.length)];
	if (item === undefined) throw new Error('Demo data: picked from an empty list');
	return item;
}

function between(rng: Rng, min: number, max: number): number {
	return min + Math.floor(rng() * (max - min + 1));
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Metric definitions

type MetricKey = 'sla_on_time' | 'first_response_hours' | 'requests_handled' | 'backlog' | 'rework_rate';

interface DemoMetric {
	key: MetricKey;
	name: string;
	description: string;
	unit: string;
	direction: MetricDirection;
	target: number | null;
	amberBand: number;
	kind: MetricKind;
	period: MetricPeriod;
	rollup: MetricRollup;
}

export const demoMetrics: readonly DemoMetric[] = [
	{
		key: 'sla_on_time',
		name: 'Requests resolved within SLA',
		description: 'Share of requests closed within the agreed service level, in per cent.',
		unit: '%',
		direction: 'higher',
		target: 95,
		amberBand: 3,
		kind: 'sla',
		period: 'month',
		rollup: 'mean'
	},
	{
		key: 'first_response_hours',
		name: 'First response time',
		description: 'Average working hours from a request arriving to the first reply from a person.',
		unit: 'hours',
		direction: 'lower',
		target: 8,
		amberBand: 4,
		kind: 'sla',
		period: 'month',
		rollup: 'mean'
	},
	{
		key: 'requests_handled',
		name: 'Requests handled',
		description: 'Requests closed in the week.',
		unit: 'requests',
		direction: 'higher',
		target: null,
		amberBand: 0,
		kind: 'operational',
		period: 'week',
		rollup: 'sum'
	},
	{
		key: 'backlog',
		name: 'Open backlog at month end',
		description: 'Requests still open at the close of the last working day of the month.',
		unit: 'requests',
		direction: 'lower',
		target: 40,
		amberBand: 20,
		kind: 'operational',
		period: 'month',
		rollup: 'last'
	},
	{
		key: 'rework_rate',
		name: 'Reopened or reworked',
		description: 'Share of closed requests that were reopened or sent back for correction, in per cent.',
		unit: '%',
		direction: 'lower',
		target: 5,
		amberBand: 3,
		kind: 'operational',
		period: 'month',
		rollup: 'mean'
	}
];

// ---------------------------------------------------------------------------------------------
// Team stories

/**
 * A series over the thirteen months (index 0 = oldest, 12 = last complete month): a straight
 * trend from `start` to `end`, an optional patch (`dip`) added in full inside its months and at
 * 40 % in the month either side, and noise.
 */
interface Curve {
	start: number;
	end: number;
	noise: number;
	dip?: { from: number; to: number; by: number };
	/** Hard limits, for series the story needs to stay inside (the watermelon's green SLAs). */
	limits?: [number, number];
}

interface CommentPool {
	good: readonly string[];
	mixed?: readonly string[];
	poor: readonly string[];
}

interface TeamStory {
	metrics: Record<MetricKey, Curve>;
	/** How the team records its values. */
	recordedBy: MetricValueSource;
	feedback: {
		/** Responses per complete month, inclusive range. */
		responses: [number, number];
		/** The month's expected score out of 10. */
		mood: Curve;
		/** How far single scores stray from the mood. */
		spread: number;
		/** Poor-score reasons to draw from, repeated to weight them; all poor reasons when absent. */
		poorReasons?: readonly ReasonKey[];
		comments: CommentPool;
		/** A standing link on the team's intranet page, through which a share of answers arrive. */
		standingLink?: boolean;
	};
	cases: { prefix: string; first: number; digits: number };
}

const goodReasons: readonly ReasonKey[] = feedbackReasons.filter((r) => r.tone === 'positive').map((r) => r.key);
const poorReasons: readonly ReasonKey[] = feedbackReasons.filter((r) => r.tone === 'negative').map((r) => r.key);

const generalComments: Required<CommentPool> = {
	good: [
		'Sorted the same morning I asked. Thank you.',
		'Clear answer, and I did not have to explain it twice.',
		'Quick, friendly and right first time.',
		'You told me what would happen next, and it did.',
		'Appreciated the phone call instead of another email.',
		'Picked up even though it was not strictly your area.',
		'I had an update before I thought to ask for one.',
		'Exactly what I needed, with the references I asked for.',
		'Patient with a question I was slightly embarrassed to ask.',
		'Fixed, explained and closed. Perfect.'
	],
	mixed: [
		'Got there in the end, but it took a couple of nudges.',
		'The answer was right, it just took longer than I hoped.',
		'Fine, though nobody told me when it was finished.',
		'Helpful once I reached the right person.',
		'Resolved, but the first reply missed half of my question.',
		'The form asked for things I had already sent.'
	],
	poor: [
		'Three emails before anyone replied.',
		'Sent from one inbox to another and back again.',
		'The reply did not answer what I asked.',
		'I had to explain the whole case again to someone new.',
		'Marked as resolved, but nothing had changed.',
		'No update for a week, then it was closed.',
		'Had to escalate to my manager to get a response.',
		'The fix was wrong and I had to raise it again.'
	]
};

const demoTeamStories: Record<string, TeamStory> = {
	'Group Leadership Team': {
		metrics: {
			sla_on_time: { start: 96.5, end: 97, noise: 0.8 },
			first_response_hours: { start: 6, end: 5.5, noise: 0.7 },
			requests_handled: { start: 9, end: 11, noise: 2 },
			backlog: { start: 9, end: 7, noise: 2 },
			rework_rate: { start: 2.4, end: 2.2, noise: 0.5 }
		},
		recordedBy: 'entry',
		feedback: {
			responses: [5, 7],
			mood: { start: 8.5, end: 8.5, noise: 0.12 },
			spread: 1.1,
			comments: {
				good: [
					'Decision on the cross-team escalation within two days, with the reasons written down.',
					'Good to have someone own the priority call between Sales and Finance.',
					'The escalation route was explained clearly and the outcome stuck.'
				],
				poor: [
					'Escalation acknowledged, but no decision before our deadline.',
					'Still waiting to hear which team owns this.'
				]
			}
		},
		cases: { prefix: 'ESC-', first: 310, digits: 4 }
	},
	'Accounts Payable': {
		metrics: {
			sla_on_time: { start: 86.5, end: 96.8, noise: 0.8 },
			first_response_hours: { start: 12.5, end: 6, noise: 0.7 },
			requests_handled: { start: 170, end: 190, noise: 10 },
			backlog: { start: 72, end: 33, noise: 4 },
			rework_rate: { start: 8.8, end: 3.6, noise: 0.5 }
		},
		recordedBy: 'import',
		feedback: {
			responses: [12, 18],
			mood: { start: 7, end: 8.8, noise: 0.12 },
			spread: 1.3,
			comments: {
				good: [
					'Supplier paid in this week’s run even though I flagged it late on Tuesday.',
					'Explained exactly why the invoice was on hold and which approval the buyer still needed.',
					'Remittance went straight to the supplier, so I did not have to forward anything.',
					'Stopped the duplicate payment before the run went out.',
					'A five-minute call about the PO mismatch saved a week of emails.',
					'Bank details change checked and confirmed within a day.'
				],
				mixed: ['Paid in the end, but the supplier had already chased me twice.'],
				poor: [
					'Invoice sat in the approval queue for two weeks and nobody told me.',
					'Supplier chased me three times about a payment I thought had gone.',
					'Asked for the PO number twice although it was printed on the invoice.',
					'Told to contact procurement, who sent me straight back to AP.'
				]
			}
		},
		cases: { prefix: 'AP-', first: 23410, digits: 5 }
	},
	'Accounts Receivable': {
		metrics: {
			sla_on_time: { start: 98.3, end: 98.5, noise: 0.4, limits: [97.2, 99.1] },
			first_response_hours: { start: 4.3, end: 3.9, noise: 0.3, limits: [3.2, 5.2] },
			requests_handled: { start: 115, end: 125, noise: 8 },
			backlog: { start: 30, end: 24, noise: 3 },
			// Disputes closed on time and then reopened: the one operational number that gives it away.
			rework_rate: { start: 3.4, end: 5.5, noise: 0.4, dip: { from: 10, to: 12, by: 3.5 } }
		},
		recordedBy: 'import',
		feedback: {
			responses: [10, 14],
			mood: { start: 8.7, end: 7.5, noise: 0.1, dip: { from: 10, to: 12, by: -1.9 } },
			spread: 1.5,
			poorReasons: [
				'had_to_chase',
				'passed_between_teams',
				'answer_unclear',
				'had_to_chase',
				'passed_between_teams',
				'answer_unclear',
				'wrong_or_incomplete',
				'had_to_repeat'
			],
			comments: {
				good: [
					'Credit hold lifted within the hour, so the customer’s order could ship.',
					'Statement reconciled and sent to the customer with a clear covering note.',
					'Cash applied against the right invoices first time.',
					'Helpful walk through the ageing report before my account review.'
				],
				mixed: ['Fast reply, but I had to check the customer’s account myself to see whether it had worked.'],
				poor: [
					'Dispute marked resolved on day four and reopened on day five. The customer still has no answer.',
					'Closed “within SLA”, but the credit note was never raised. I found out from the customer.',
					'Credit note request bounced back to Sales for a missing field, for the third time.',
					'Passed between AR and Sales twice. Nobody seems to own the credit note.',
					'The reply quoted a policy but did not say whether the customer gets the credit.',
					'Our customer is being chased for an invoice we agreed to credit last month.',
					'Closed and reopened so often I have lost track of the reference.',
					'Had to chase every step. The SLA clock seems to restart each time it is reopened.',
					'Still cannot explain the pricing dispute outcome to the customer; the answer was unclear.',
					'Sent back to Sales because the form wanted the original order number, which AR already had.',
					'Quick reply, but it fixed nothing. The dispute is still open on the customer’s side.',
					'Four attempts to get a simple credit for a damaged delivery.'
				]
			}
		},
		cases: { prefix: 'AR-', first: 18250, digits: 5 }
	},
	'General Ledger & Reporting': {
		metrics: {
			sla_on_time: { start: 95.8, end: 96.2, noise: 1 },
			first_response_hours: { start: 6.8, end: 6.3, noise: 0.9 },
			requests_handled: { start: 40, end: 44, noise: 4 },
			backlog: { start: 17, end: 15, noise: 3 },
			rework_rate: { start: 2.6, end: 2.4, noise: 0.5 }
		},
		recordedBy: 'import',
		feedback: {
			// Few requests reach GL through a link: the team stays below the anonymity threshold.
			responses: [2, 4],
			mood: { start: 8.4, end: 8.4, noise: 0.12 },
			spread: 1.2,
			comments: {
				good: [
					'Journal posted and the cost centre report refreshed before my board pack deadline.',
					'Variance explained line by line, which is exactly what the budget holder needed.',
					'Accrual reversed correctly as soon as I pointed out the error.'
				],
				poor: [
					'Month-end report arrived after the review meeting.',
					'Asked twice for the mapping between old and new cost centres.'
				]
			}
		},
		cases: { prefix: 'JE-', first: 7720, digits: 5 }
	},
	Payroll: {
		metrics: {
			// A red patch during the payroll system migration, then recovery.
			sla_on_time: { start: 96.3, end: 96.6, noise: 0.6, dip: { from: 6, to: 8, by: -10 } },
			first_response_hours: { start: 5.5, end: 5.2, noise: 0.5, dip: { from: 6, to: 8, by: 8 } },
			requests_handled: { start: 140, end: 145, noise: 8, dip: { from: 6, to: 8, by: 45 } },
			backlog: { start: 28, end: 26, noise: 3, dip: { from: 6, to: 8, by: 42 } },
			rework_rate: { start: 2.8, end: 2.6, noise: 0.4, dip: { from: 6, to: 8, by: 5.5 } }
		},
		recordedBy: 'import',
		feedback: {
			responses: [10, 16],
			mood: { start: 8.4, end: 8.5, noise: 0.12, dip: { from: 6, to: 8, by: -2.3 } },
			spread: 1.3,
			standingLink: true,
			comments: {
				good: [
					'Missing overtime paid in an off-cycle run the same week.',
					'Clear explanation of the tax code change on my payslip.',
					'Sorted the pension deduction and told me why it had been wrong.',
					'The new starter was paid correctly in their first month.'
				],
				poor: [
					'Salary short after the system change and nobody could tell me why for days.',
					'My payslip query bounced between Payroll and HR.',
					'A correction was promised for the next run and did not happen.'
				]
			}
		},
		cases: { prefix: 'PAY-', first: 5130, digits: 5 }
	},
	'Recruitment & Onboarding': {
		metrics: {
			sla_on_time: { start: 92.8, end: 95.6, noise: 0.9 },
			first_response_hours: { start: 9.5, end: 7.2, noise: 0.7 },
			requests_handled: { start: 55, end: 62, noise: 5 },
			backlog: { start: 46, end: 37, noise: 3 },
			rework_rate: { start: 4.6, end: 4, noise: 0.5 }
		},
		recordedBy: 'entry',
		feedback: {
			responses: [6, 10],
			mood: { start: 7.9, end: 8.2, noise: 0.12 },
			spread: 1.2,
			comments: {
				good: [
					'Shortlist arrived in four days, with notes on each candidate.',
					'The new starter had a laptop and a badge on day one. A first for us.',
					'Interview schedule sorted across three time zones without fuss.'
				],
				poor: [
					'The offer letter went out with the wrong start date.',
					'Had to chase for news on a role that has been open for six weeks.'
				]
			}
		},
		cases: { prefix: 'REQ-', first: 2210, digits: 5 }
	},
	'HR Advisory': {
		metrics: {
			sla_on_time: { start: 96, end: 96.4, noise: 0.8 },
			first_response_hours: { start: 7, end: 6.6, noise: 0.6 },
			requests_handled: { start: 65, end: 70, noise: 5 },
			backlog: { start: 24, end: 22, noise: 3 },
			rework_rate: { start: 2, end: 2, noise: 0.4 }
		},
		recordedBy: 'entry',
		feedback: {
			responses: [6, 10],
			mood: { start: 8.5, end: 8.5, noise: 0.12 },
			spread: 1.1,
			standingLink: true,
			comments: {
				good: [
					'Calm, practical advice on a difficult absence case.',
					'Policy explained in plain words, with the letter template I needed.',
					'Talked me through the flexible working request before I replied to my team member.'
				],
				poor: ['Waited a week for advice on a case that needed an answer in two days.']
			}
		},
		cases: { prefix: 'HRA-', first: 4410, digits: 5 }
	},
	'Service Desk': {
		metrics: {
			sla_on_time: { start: 94.2, end: 95.6, noise: 0.7 },
			first_response_hours: { start: 1.8, end: 1.5, noise: 0.2 },
			requests_handled: { start: 410, end: 430, noise: 20 },
			backlog: { start: 47, end: 37, noise: 4 },
			rework_rate: { start: 6.2, end: 4.6, noise: 0.5 }
		},
		recordedBy: 'import',
		feedback: {
			responses: [15, 20],
			mood: { start: 8, end: 8.3, noise: 0.12 },
			spread: 1.3,
			standingLink: true,
			comments: {
				good: [
					'Laptop fixed remotely in twenty minutes.',
					'Password reset sorted while I was still on the phone.',
					'Hourly updates during the VPN outage. Much appreciated.',
					'Printer driver installed before my meeting started.'
				],
				poor: [
					'Ticket reassigned three times and still no fix.',
					'Closed without anyone contacting me. The printer still does not work.'
				]
			}
		},
		cases: { prefix: 'INC', first: 44120, digits: 7 }
	},
	'Infrastructure & Access': {
		metrics: {
			// Access requests piled up after an audit tightened approvals, then the team caught up.
			sla_on_time: { start: 95.5, end: 95.8, noise: 0.7, dip: { from: 8, to: 10, by: -11 } },
			first_response_hours: { start: 5, end: 4.6, noise: 0.5, dip: { from: 8, to: 10, by: 9 } },
			requests_handled: { start: 135, end: 140, noise: 8, dip: { from: 8, to: 10, by: 30 } },
			backlog: { start: 33, end: 30, noise: 3, dip: { from: 8, to: 10, by: 48 } },
			rework_rate: { start: 3.2, end: 3, noise: 0.4, dip: { from: 8, to: 10, by: 3 } }
		},
		recordedBy: 'import',
		feedback: {
			responses: [8, 12],
			mood: { start: 8.3, end: 8.3, noise: 0.12, dip: { from: 8, to: 10, by: -1.7 } },
			spread: 1.3,
			comments: {
				good: [
					'Access to the finance share granted the same day, with the right approvals.',
					'New starter accounts ready before their first morning.',
					'Explained which approver was missing and chased them for me.'
				],
				poor: [
					'ERP role request waited two weeks for an approval nobody told me about.',
					'Access granted to the wrong folder, so I had to raise it again.'
				]
			}
		},
		cases: { prefix: 'RITM', first: 18800, digits: 7 }
	},
	'Customer Care': {
		metrics: {
			sla_on_time: { start: 95.8, end: 96.6, noise: 0.7 },
			first_response_hours: { start: 2.6, end: 2.3, noise: 0.3 },
			requests_handled: { start: 590, end: 620, noise: 30 },
			backlog: { start: 36, end: 34, noise: 4 },
			rework_rate: { start: 4.1, end: 3.8, noise: 0.5 }
		},
		recordedBy: 'import',
		feedback: {
			responses: [12, 18],
			mood: { start: 8.6, end: 8.7, noise: 0.12 },
			spread: 1.1,
			standingLink: true,
			comments: {
				good: [
					'The complaint was handled before I had finished writing up my notes.',
					'Took the call off my hands and closed the loop with me afterwards.',
					'Warm handover to the customer, and they told me so.'
				],
				poor: [
					'The customer was told to call us instead, although we had already passed it to you.',
					'Callback promised for Monday, happened on Thursday.'
				]
			}
		},
		cases: { prefix: 'CC-', first: 60410, digits: 5 }
	},
	'Order Management': {
		metrics: {
			sla_on_time: { start: 96.8, end: 97.2, noise: 0.6 },
			first_response_hours: { start: 3.2, end: 3, noise: 0.4 },
			requests_handled: { start: 240, end: 255, noise: 15 },
			backlog: { start: 26, end: 24, noise: 3 },
			rework_rate: { start: 2.9, end: 2.7, noise: 0.4 }
		},
		recordedBy: 'import',
		feedback: {
			responses: [8, 12],
			mood: { start: 8.5, end: 8.5, noise: 0.12 },
			spread: 1.2,
			comments: {
				good: [
					'Order released from credit hold within the hour, with a clear note.',
					'Spotted the wrong delivery address before the goods left.',
					'Split delivery arranged so the urgent lines arrived first.'
				],
				poor: ['Order stuck in validation and nobody could tell me why.']
			}
		},
		cases: { prefix: 'SO-', first: 812300, digits: 6 }
	},
	'Field Sales Support': {
		metrics: {
			sla_on_time: { start: 93.4, end: 94, noise: 0.9 },
			first_response_hours: { start: 9.2, end: 8.8, noise: 0.7 },
			requests_handled: { start: 85, end: 90, noise: 6 },
			backlog: { start: 43, end: 41, noise: 3 },
			rework_rate: { start: 5.6, end: 5.3, noise: 0.5 }
		},
		recordedBy: 'entry',
		feedback: {
			responses: [6, 9],
			mood: { start: 7.9, end: 8.1, noise: 0.12 },
			spread: 1.3,
			comments: {
				good: [
					'Quote turned round in a day with the discount approvals attached.',
					'Pricing question answered with the right contract terms.'
				],
				poor: ['The quote came back on last year’s price list.', 'Asked three times for a copy of the signed contract.']
			}
		},
		cases: { prefix: 'QT-', first: 30120, digits: 5 }
	}
};

/** A curve's value at a month index (clamped to the 13 months), before noise. */
function curveAt(curve: Curve, index: number): number {
	const i = clamp(index, 0, MONTHS - 1);
	let value = curve.start + ((curve.end - curve.start) * i) / (MONTHS - 1);
	const dip = curve.dip;
	if (dip) {
		if (i >= dip.from && i <= dip.to) value += dip.by;
		else if (i === dip.from - 1 || i === dip.to + 1) value += dip.by * 0.4;
	}
	return value;
}

function sampleCurve(curve: Curve, index: number, rng: Rng): number {
	const value = curveAt(curve, index) + curve.noise * wobble(rng);
	return curve.limits ? clamp(value, curve.limits[0], curve.limits[1]) : value;
}

/** Rounds a sampled value the way the team would report it. */
function reported(key: MetricKey, value: number): number {
	switch (key) {
		case 'sla_on_time':
			return round1(clamp(value, 50, 100));
		case 'first_response_hours':
			return round1(Math.max(0.5, value));
		case 'requests_handled':
		case 'backlog':
			return Math.max(0, Math.round(value));
		case 'rework_rate':
			return round1(Math.max(0.2, value));
	}
}

// ---------------------------------------------------------------------------------------------
// Observations

type When = { beforeMonthStart: number } | { daysAgo: number };
/** Days before the first of the current month: inside any three-month window ending now. */
const recent = (days: number): When => ({ beforeMonthStart: days });
const ago = (days: number): When => ({ daysAgo: days });

interface DemoObservation {
	about: string;
	by: string;
	source: ObservationSource;
	behaviour: string;
	level: 1 | 2 | 3 | 4 | 5;
	when: When;
	situation: string;
	action: string;
	impact: string;
	response?: string;
}

const nw = (local: string) => `${local}@northwind.example`;
const PRIYA = 'staff@ripple.test';
const TOMASZ = 'manager@ripple.test';
const AGNIESZKA = nw('agnieszka.kowalczyk');
const VIKRAM = nw('vikram.iyer');
const EMMA = nw('emma.clarke');
const MATEUSZ = nw('mateusz.zielinski');
const LAKSHMI = nw('lakshmi.narayanan');
const OLENA = nw('olena.shevchenko');
const SARAH = nw('sarah.oconnor');
const JOANNA = nw('joanna.wisniewska');
const DANIEL = nw('daniel.fischer');
const ANANYA = nw('ananya.krishnan');
const LUCAS = nw('lucas.martin');
const GRACE = nw('grace.thompson');
const PIETER = nw('pieter.jansen');
const OLIVER = nw('oliver.bennett');
const KATARZYNA = nw('katarzyna.lewandowska');
const JESSICA = nw('jessica.taylor');
const RAVI = nw('ravi.patel');

/**
 * About ninety observations over the last six months, most of them about the Finance Shared
 * Services teams. Accounts Payable and Accounts Receivable each get three behaviours rated often
 * enough, by enough different people, to reach medium or high confidence; Accounts Receivable's
 * customer focus sits low, matching what its internal customers say.
 */
const demoObservations: readonly DemoObservation[] = [
	// Accounts Payable: takes ownership
	{
		about: PRIYA,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'ownership',
		level: 4,
		when: recent(6),
		situation:
			'A packaging supplier was about to put us on stop because two invoices were blocked by a bank-detail check nobody had picked up.',
		action:
			'Priya took the case although the block sat with the vendor master team, had the new details verified by phone, got the invoices released and told the buyer and the supplier where things stood at each step.',
		impact:
			'Both invoices went out in Thursday’s payment run, deliveries kept coming and the buyer said it was the first time nobody had to chase.'
	},
	{
		about: PRIYA,
		by: JESSICA,
		source: 'peer',
		behaviour: 'ownership',
		level: 4,
		when: recent(18),
		situation:
			'A customer complained that a replacement part was stuck because our courier’s invoice had not been paid.',
		action:
			'Priya found the invoice parked for a missing goods receipt, asked the warehouse to book it that afternoon and rang me back rather than leaving a note on the ticket.',
		impact:
			'The courier released the part the next morning and I could give the customer a firm date instead of an apology.'
	},
	{
		about: VIKRAM,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'ownership',
		level: 3,
		when: recent(25),
		situation: 'A business unit asked why an approved invoice from a training provider was still unpaid after 45 days.',
		action:
			'Vikram traced it to an expired purchase order, asked procurement to extend it and set himself a reminder to check the invoice was released before the run.',
		impact: 'The invoice was paid a week later and the requester knew the reason and the new date up front.'
	},
	{
		about: AGNIESZKA,
		by: EMMA,
		source: 'peer',
		behaviour: 'ownership',
		level: 4,
		when: recent(33),
		situation:
			'While I was on leave, a logistics supplier disputed a short payment that had bounced between AP, procurement and the site for a month.',
		action:
			'Agnieszka pulled the three email threads together, agreed the missing amount with the site manager and updated the supplier twice a week until the balance was paid.',
		impact:
			'When I came back the dispute was closed, the supplier had confirmed the statement balance and the case notes told me everything.'
	},
	{
		about: MATEUSZ,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'ownership',
		level: 2,
		when: recent(12),
		situation: 'A budget holder asked why an IT contractor’s invoice had been paid twice.',
		action:
			'Mateusz forwarded the question to procurement marked “not an AP issue” and closed the ticket without checking anyone had picked it up.',
		impact:
			'The budget holder chased again ten days later and recovery from the contractor started late. We agreed he keeps cases like this until someone has taken them.'
	},
	{
		about: LAKSHMI,
		by: RAVI,
		source: 'peer',
		behaviour: 'ownership',
		level: 3,
		when: recent(40),
		situation:
			'A customer order was held because the freight forwarder had put us on credit stop over an unpaid invoice.',
		action:
			'Lakshmi confirmed the invoice was approved, moved it into the next run and told me who in the forwarder’s accounts team had the remittance.',
		impact: 'I could tell the customer when the order would move, and the forwarder lifted the stop the following day.'
	},
	{
		about: EMMA,
		by: OLIVER,
		source: 'peer',
		behaviour: 'ownership',
		level: 4,
		when: recent(3),
		situation:
			'At month end we found a large consultancy invoice that had been received but not approved, with no accrual for it.',
		action:
			'Emma chased the approver directly, sent me the amount and cost centre for an accrual the same day and followed up until the invoice was posted.',
		impact:
			'The accrual went in before the close deadline and the budget holder’s cost centre report was right first time.'
	},
	{
		about: OLENA,
		by: AGNIESZKA,
		source: 'peer',
		behaviour: 'ownership',
		level: 3,
		when: recent(47),
		situation: 'An employee’s travel claim had been rejected because the hotel receipt was in a foreign currency.',
		action:
			'Olena checked the policy, asked the employee for the card statement instead of a new receipt and approved the claim herself once it arrived.',
		impact: 'The claim was paid in the next expenses run and the employee did not have to start again.'
	},
	{
		about: PRIYA,
		by: AGNIESZKA,
		source: 'peer',
		behaviour: 'ownership',
		level: 3,
		when: recent(52),
		situation: 'A supplier statement showed three credit notes that were not in our ledger.',
		action:
			'Priya requested copies, matched two of them to open invoices and asked the buyer about the third instead of leaving it on the statement.',
		impact: 'The statement was reconciled by the end of the week and the supplier stopped sending reminders.'
	},

	// Accounts Payable: communicates clearly
	{
		about: PRIYA,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'clear-communication',
		level: 4,
		when: recent(9),
		situation:
			'A bank holiday moved the payment run forward by a day while many budget holders still had invoices waiting for approval.',
		action:
			'Priya wrote a short notice with the new cut-off time, each budget holder’s waiting invoices and what happens if they miss it, and sent it two days early.',
		impact:
			'Approvals arrived before the cut-off and, unlike the last bank holiday, the shared inbox had almost no “why wasn’t this paid” emails.'
	},
	{
		about: VIKRAM,
		by: LAKSHMI,
		source: 'peer',
		behaviour: 'clear-communication',
		level: 3,
		when: recent(21),
		situation: 'A supplier asked in a long email why their invoice had been short-paid.',
		action:
			'Vikram replied the same day in plain words: which line was disputed, what the buyer had received and what the supplier needed to send for the rest.',
		impact: 'The supplier sent a corrected credit note and did not need to call.'
	},
	{
		about: EMMA,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'clear-communication',
		level: 5,
		when: recent(30),
		situation:
			'Suppliers often called because our remittance advice listed our document numbers instead of their invoice numbers.',
		action:
			'Emma redesigned the remittance template around the supplier’s own references, tried it with five suppliers and coached the team to write cover notes the same way.',
		impact:
			'Calls about remittances fell from about forty a month to under ten, and two other teams have asked for the template.'
	},
	{
		about: MATEUSZ,
		by: nw('sanne.bakker'),
		source: 'peer',
		behaviour: 'clear-communication',
		level: 2,
		when: recent(44),
		situation: 'I asked why our payroll bureau’s invoice had not been paid.',
		action:
			'Mateusz replied with a screenshot of the ledger and a block code, with no word on what it meant or what I had to do.',
		impact: 'I had to ring him to learn that the invoice needed my approval, and the bureau was paid a week late.'
	},
	{
		about: AGNIESZKA,
		by: JESSICA,
		source: 'peer',
		behaviour: 'clear-communication',
		level: 4,
		when: recent(15),
		situation: 'Customer Care kept getting calls about a delayed refund that depended on a payment from AP.',
		action:
			'Agnieszka sent us a few lines we could use with callers, the expected payment date and who to contact if it slipped, before we had asked.',
		impact: 'Our advisors answered those calls in one go and complaints about that refund dropped within the week.'
	},
	{
		about: OLENA,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'clear-communication',
		level: 3,
		when: recent(27),
		situation: 'The expenses policy changed the mileage rate in the middle of the month.',
		action:
			'Olena updated the FAQ, told employees with pending claims which rate applied to which journeys and closed each query with the amount they would receive.',
		impact: 'Few claims came back with questions and nobody was paid at the wrong rate.'
	},
	{
		about: LAKSHMI,
		by: EMMA,
		source: 'peer',
		behaviour: 'clear-communication',
		level: 3,
		when: recent(38),
		situation: 'A site manager asked for the status of fifteen invoices from one contractor.',
		action:
			'Lakshmi sent one table with the status, blocker and expected payment date of each invoice, and said when she would next update it.',
		impact: 'The site manager stopped emailing invoice by invoice and approved the two that were waiting on him.'
	},
	{
		about: PRIYA,
		by: RAVI,
		source: 'peer',
		behaviour: 'clear-communication',
		level: 4,
		when: recent(48),
		situation:
			'An order for a major customer depended on a supplier threatening to stop deliveries over late payments.',
		action:
			'Priya confirmed which invoices were in the next run, explained in one short message what the supplier would see and when, and copied me in so I could reassure the customer.',
		impact: 'The supplier kept shipping and I did not have to escalate to the account director.'
	},
	{
		about: MATEUSZ,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'clear-communication',
		level: 3,
		when: recent(4),
		situation:
			'After our conversation about vague replies, Mateusz handled a budget holder’s query about a blocked invoice.',
		action:
			'He explained the price difference in one sentence, named the approval that was missing and said when the invoice would be paid once approved.',
		impact: 'The budget holder approved it the same day. A clear step up from his earlier replies.'
	},

	// Accounts Payable: gets it right first time
	{
		about: VIKRAM,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'right-first-time',
		level: 4,
		when: recent(7),
		situation:
			'A batch of sixty invoices from a facilities supplier showed small price differences against the purchase orders.',
		action:
			'Vikram checked the contract before posting, found a price increase that had never been loaded and asked procurement to confirm the new rates rather than keying the invoices as they were.',
		impact: 'The batch was paid correctly first time and none of the invoices had to be reversed later.'
	},
	{
		about: LAKSHMI,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'right-first-time',
		level: 3,
		when: recent(19),
		situation: 'Invoice volumes doubled in the last three days of the month.',
		action:
			'Lakshmi kept to the three-way match checks under pressure and set aside the two invoices she was unsure about for a second look.',
		impact: 'Her batch went through the payment run without a single correction.'
	},
	{
		about: PRIYA,
		by: OLIVER,
		source: 'peer',
		behaviour: 'right-first-time',
		level: 4,
		when: recent(2),
		situation: 'General Ledger needed AP’s list of goods received but not invoiced for the month-end accruals.',
		action:
			'Priya checked the list against open purchase orders, removed items already invoiced and flagged the two where the goods receipt looked wrong.',
		impact: 'We posted the accruals without one adjustment, which had not happened for months.'
	},
	{
		about: MATEUSZ,
		by: AGNIESZKA,
		source: 'peer',
		behaviour: 'right-first-time',
		level: 2,
		when: recent(36),
		situation: 'Mateusz keyed a batch of invoices from a supplier in Germany.',
		action:
			'Several lines used the domestic VAT code, and the batch went to approval without a check against the supplier’s tax details.',
		impact: 'I had to reverse and repost five invoices, and the supplier’s payment slipped to the next run.'
	},
	{
		about: AGNIESZKA,
		by: VIKRAM,
		source: 'peer',
		behaviour: 'right-first-time',
		level: 5,
		when: recent(23),
		situation:
			'About one invoice in ten arrived without a purchase order number and had to be returned to the supplier.',
		action:
			'Agnieszka added a check to the invoice inbox that asks the supplier for the PO straight away, and gave buyers a one-page guide to pass on to their suppliers.',
		impact: 'Invoices without a PO fell sharply within a month and the whole team spends less time on returns.'
	},
	{
		about: OLENA,
		by: JOANNA,
		source: 'peer',
		behaviour: 'right-first-time',
		level: 3,
		when: recent(50),
		situation: 'An intercompany recharge for shared travel costs had to match between our two entities.',
		action: 'Olena checked the amounts and entity codes with me before posting rather than after.',
		impact: 'Both sides matched at month end and there was no reconciling item to chase.'
	},
	{
		about: EMMA,
		by: LAKSHMI,
		source: 'peer',
		behaviour: 'right-first-time',
		level: 4,
		when: recent(42),
		situation: 'A new supplier emailed bank details with a request to pay urgently.',
		action:
			'Emma rang the supplier on the number in the contract to confirm the details before setting them up, and asked the buyer to confirm the urgency.',
		impact:
			'The details were genuine and the payment went out correctly; the same check is what stops a fraudulent change.'
	},
	{
		about: PRIYA,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'right-first-time',
		level: 3,
		when: recent(31),
		situation: 'Priya processed the monthly utilities invoices for twelve sites.',
		action:
			'She matched each invoice to the meter reading report and posted them correctly, but did not check the cost centre for two sites that had moved.',
		impact:
			'Two invoices were charged to the wrong site and had to be moved by journal; otherwise the batch was clean.',
		response:
			'Fair point. I have added the site list from Facilities to my checklist, so moved sites get checked every month.'
	},

	// Accounts Payable: earlier months
	{
		about: PRIYA,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'customer-focus',
		level: 3,
		when: ago(100),
		situation: 'A project manager asked when a supplier would be paid.',
		action:
			'Priya asked why it mattered, learnt that the supplier had paused work on site, and arranged for the invoice to go into an earlier run.',
		impact: 'Work on site restarted the following week.'
	},
	{
		about: PRIYA,
		by: JESSICA,
		source: 'peer',
		behaviour: 'collaboration',
		level: 4,
		when: ago(130),
		situation: 'Customer Care and AP were both answering calls about the same supplier refunds without knowing it.',
		action:
			'Priya set up a short weekly call with our team lead to go through open refunds and agree who answers the customer.',
		impact: 'Customers now get one answer instead of two, and the duplicate tickets have stopped.'
	},
	{
		about: MATEUSZ,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'reliability',
		level: 2,
		when: ago(115),
		situation: 'Mateusz agreed to send the supplier statement reconciliations by the fifth working day.',
		action: 'Two of the five were late, and the buyers were not told in advance.',
		impact: 'One buyer escalated to me before the reconciliation arrived.'
	},
	{
		about: VIKRAM,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'continuous-improvement',
		level: 4,
		when: ago(150),
		situation: 'The same duplicate invoice problem came up with a stationery supplier every month.',
		action:
			'Vikram went through six months of cases, found the supplier re-sent invoices as reminders, and agreed with them and procurement that reminders would come as statements instead.',
		impact:
			'Duplicates from that supplier stopped, and Vikram walked the team through the approach at our monthly meeting.'
	},
	{
		about: EMMA,
		by: nw('ewa.mazur'),
		source: 'peer',
		behaviour: 'empathy',
		level: 4,
		when: ago(165),
		situation:
			'A small supplier rang Order Management in tears because a late payment meant they could not pay their staff.',
		action:
			'Emma took the call over, listened, explained what had gone wrong and arranged an urgent payment the same day, even though she could not change the payment terms.',
		impact: 'The supplier was paid the next morning and wrote to thank both teams.'
	},
	{
		about: PRIYA,
		by: TOMASZ,
		source: 'manager',
		behaviour: 'ownership',
		level: 3,
		when: ago(160),
		situation: 'A supplier asked about an invoice that had been sent to the wrong group company.',
		action:
			'Priya contacted the other company’s AP team, confirmed they had it and gave the supplier the contact and the expected payment date.',
		impact:
			'The supplier was paid within two weeks. Next step: keep hold of the case until it is paid rather than handing it over.'
	},
	{
		about: AGNIESZKA,
		by: PRIYA,
		source: 'peer',
		behaviour: 'feedback',
		level: 4,
		when: ago(120),
		situation: 'After my first month on the supplier inbox, Agnieszka offered to review some of my replies.',
		action:
			'She picked five real emails, told me specifically what worked and what was unclear, and asked what she could do better in her handovers.',
		impact: 'My replies became shorter and clearer, and I now ask her for feedback myself.'
	},

	// Accounts Payable: self-ratings
	{
		about: PRIYA,
		by: PRIYA,
		source: 'self',
		behaviour: 'clear-communication',
		level: 3,
		when: recent(10),
		situation: 'I answered supplier questions in the shared inbox during the bank holiday week.',
		action:
			'I used plain words and gave dates, but closed a few emails without confirming the payment had actually gone out.',
		impact: 'Most suppliers were satisfied; two wrote back to ask whether they had been paid.'
	},
	{
		about: PRIYA,
		by: PRIYA,
		source: 'self',
		behaviour: 'ownership',
		level: 3,
		when: ago(140),
		situation: 'I took over the utilities supplier queries from a colleague who moved teams.',
		action:
			'I worked through the open cases but handed the two complicated ones to Tomasz instead of seeing them through.',
		impact: 'The simple cases closed quickly; the two I passed on took longer than they needed to.'
	},
	{
		about: AGNIESZKA,
		by: AGNIESZKA,
		source: 'self',
		behaviour: 'right-first-time',
		level: 4,
		when: recent(20),
		situation: 'I set up the purchase order check on the invoice inbox.',
		action: 'I tried it on a week of real invoices before switching it on and asked two buyers to review the wording.',
		impact: 'It went live without complaints and nobody had to reprocess anything.'
	},

	// Accounts Receivable: focuses on the customer (low: the SLA is met, the need is not)
	{
		about: JOANNA,
		by: SARAH,
		source: 'manager',
		behaviour: 'customer-focus',
		level: 2,
		when: recent(5),
		situation: 'A Sales account manager raised a dispute about a pricing error on a customer invoice.',
		action:
			'Joanna replied within the SLA that the dispute had been logged with Sales and closed the case, although no credit note had been agreed.',
		impact:
			'The account manager reopened it two days later, and the customer received another reminder letter in the meantime.'
	},
	{
		about: DANIEL,
		by: RAVI,
		source: 'peer',
		behaviour: 'customer-focus',
		level: 2,
		when: recent(14),
		situation: 'I asked why a customer’s payment showed as unapplied while their order was blocked on credit hold.',
		action:
			'Daniel confirmed the payment date and amount, which I already knew, but did not apply the cash or tell me what was blocking the order.',
		impact: 'The order stayed blocked for two more days until I asked again.'
	},
	{
		about: ANANYA,
		by: SARAH,
		source: 'manager',
		behaviour: 'customer-focus',
		level: 3,
		when: recent(26),
		situation: 'A regional sales director asked for a key account’s overdue position before a customer meeting.',
		action:
			'Ananya asked what the meeting was for, then sent the ageing with disputed items marked separately and the name of whoever was handling each one.',
		impact: 'The director went into the meeting knowing which items were real debt and which were our errors.'
	},
	{
		about: LUCAS,
		by: nw('maria.oliveira'),
		source: 'peer',
		behaviour: 'customer-focus',
		level: 1,
		when: recent(37),
		situation: 'I asked for a credit note for a customer who had been billed twice for one delivery.',
		action:
			'Lucas returned the request to Sales because the original order number was missing from the form, although both invoices were in front of him, and closed the case.',
		impact: 'The customer waited another week for the credit and complained to their account manager.'
	},
	{
		about: GRACE,
		by: JESSICA,
		source: 'peer',
		behaviour: 'customer-focus',
		level: 3,
		when: recent(22),
		situation: 'A customer rang Customer Care about a reminder letter for an invoice they had already disputed.',
		action:
			'Grace checked the dispute, stopped reminders on the account and asked me what the customer had been told so far.',
		impact: 'The customer received no further letters while the dispute was open.'
	},
	{
		about: JOANNA,
		by: nw('nathalie.girard'),
		source: 'peer',
		behaviour: 'customer-focus',
		level: 2,
		when: recent(45),
		situation: 'A customer disputed the freight charges on three invoices.',
		action:
			'Joanna dealt with the first invoice and marked the case resolved, but did not look at the other two until I raised a new case.',
		impact: 'The customer saw the same dispute handled three times over three weeks.'
	},
	{
		about: DANIEL,
		by: SARAH,
		source: 'manager',
		behaviour: 'customer-focus',
		level: 3,
		when: recent(32),
		situation: 'A customer paid one lump sum for twenty invoices without a remittance.',
		action:
			'Daniel called the customer’s accounts team to ask what the payment covered instead of guessing, and applied it once they had confirmed.',
		impact: 'The account was clean and nobody received a wrong reminder.'
	},
	{
		about: LUCAS,
		by: SARAH,
		source: 'manager',
		behaviour: 'customer-focus',
		level: 2,
		when: recent(11),
		situation: 'Lucas handled a credit note request that was missing its reason code.',
		action: 'He rejected it back to Sales with a template reply that did not say which field was missing.',
		impact:
			'Sales resubmitted it with the same gap and the credit took three rounds. We agreed he fixes small gaps himself from now on.'
	},
	{
		about: ANANYA,
		by: nw('tyler.johnson'),
		source: 'peer',
		behaviour: 'customer-focus',
		level: 4,
		when: recent(53),
		situation: 'A distributor was about to be put on credit hold the day before a large seasonal order.',
		action:
			'Ananya asked me what the order was for, found that the overdue amount was a disputed invoice and set the hold aside while the dispute was settled.',
		impact: 'The order shipped on time and the dispute was settled the following week.'
	},

	// Accounts Receivable: keeps promises (high: deadlines are met)
	{
		about: GRACE,
		by: SARAH,
		source: 'manager',
		behaviour: 'reliability',
		level: 4,
		when: recent(2),
		situation: 'Month-end cash allocation had to be finished by the second working day for the close.',
		action:
			'Grace planned the allocation across the team, posted progress in the close channel each afternoon and flagged early that one bank account would be late.',
		impact: 'The close had the cash figures on time and General Ledger knew about the late account in advance.'
	},
	{
		about: DANIEL,
		by: KATARZYNA,
		source: 'peer',
		behaviour: 'reliability',
		level: 4,
		when: recent(8),
		situation: 'We needed the customer bank account reconciliations for the quarter-end review.',
		action: 'Daniel delivered every reconciliation on the day he had promised and explained the two open items.',
		impact: 'We finished the review a day early.'
	},
	{
		about: JOANNA,
		by: SARAH,
		source: 'manager',
		behaviour: 'reliability',
		level: 4,
		when: recent(17),
		situation: 'Joanna had promised a group of key customers their statements by the tenth.',
		action:
			'She sent every statement by the ninth and told the one customer whose statement needed a correction that theirs would follow a day later.',
		impact: 'None of the customers had to ask.'
	},
	{
		about: ANANYA,
		by: OLIVER,
		source: 'peer',
		behaviour: 'reliability',
		level: 3,
		when: recent(29),
		situation: 'I needed the bad debt provision workings for the month-end pack.',
		action: 'Ananya sent them on the agreed day with the movement explained.',
		impact: 'The provision was posted on time.'
	},
	{
		about: LUCAS,
		by: SARAH,
		source: 'manager',
		behaviour: 'reliability',
		level: 3,
		when: recent(41),
		situation: 'The billing run had to go out by noon on the first working day.',
		action: 'Lucas ran the billing on time and warned Sales that morning that two contracts were missing prices.',
		impact: 'Those two invoices went out a day late, but nobody was surprised.'
	},
	{
		about: GRACE,
		by: PIETER,
		source: 'peer',
		behaviour: 'reliability',
		level: 4,
		when: recent(35),
		situation: 'The auditors needed debtor confirmations chased within two weeks.',
		action:
			'Grace agreed a realistic plan with them, shared a tracker they could see and renegotiated the date for three overseas customers before it was missed.',
		impact: 'The auditors signed off the debtor balance without extra testing.'
	},
	{
		about: JOANNA,
		by: DANIEL,
		source: 'peer',
		behaviour: 'reliability',
		level: 4,
		when: recent(24),
		situation: 'I was on leave during the monthly reminder run.',
		action:
			'Joanna covered my accounts as she had promised, noted every call and left me a handover for the morning I returned.',
		impact: 'I picked up every conversation where it had stopped.'
	},
	{
		about: DANIEL,
		by: SARAH,
		source: 'manager',
		behaviour: 'reliability',
		level: 4,
		when: recent(49),
		situation: 'Daniel committed to clearing the unapplied cash backlog before quarter end.',
		action: 'He cleared it two days early and reported progress every week at the team meeting.',
		impact: 'Unapplied cash was at its lowest of the year at quarter end.'
	},

	// Accounts Receivable: works across boundaries
	{
		about: LUCAS,
		by: nw('giulia.romano'),
		source: 'peer',
		behaviour: 'collaboration',
		level: 2,
		when: recent(13),
		situation: 'Credit note requests from my team kept coming back from AR.',
		action:
			'Lucas returned each one through the ticket queue with a standard rejection and did not take up my offer to go through the form together.',
		impact: 'Our coordinators now send the same request two or three times and customers wait for their credits.'
	},
	{
		about: GRACE,
		by: nw('samuel.adjei'),
		source: 'peer',
		behaviour: 'collaboration',
		level: 3,
		when: recent(28),
		situation: 'A customer had both an overdue invoice and an open quote waiting for credit approval.',
		action: 'Grace rang me to agree the order of things: settle the overdue item first, then approve the quote.',
		impact: 'The customer paid that week and the quote went through.'
	},
	{
		about: JOANNA,
		by: SARAH,
		source: 'manager',
		behaviour: 'collaboration',
		level: 2,
		when: recent(39),
		situation: 'A dispute needed input from Sales, Order Management and AR.',
		action:
			'Joanna sent three separate emails and waited for each team to reply in turn instead of bringing them together.',
		impact: 'The dispute took three weeks to settle; a fifteen-minute call would have done it in a day.'
	},
	{
		about: ANANYA,
		by: nw('julia.schneider'),
		source: 'peer',
		behaviour: 'collaboration',
		level: 4,
		when: recent(46),
		situation: 'Orders kept being blocked on credit hold for customers whose overdue balance was in dispute.',
		action:
			'Ananya set up a weekly check with my team to review blocked orders together and agreed which disputed amounts should not count against the credit limit.',
		impact: 'Blocks caused by disputed balances fell to almost none within a month.'
	},

	// Accounts Receivable: earlier months
	{
		about: JOANNA,
		by: SARAH,
		source: 'manager',
		behaviour: 'customer-focus',
		level: 3,
		when: ago(150),
		situation: 'A customer queried late-payment interest on an invoice.',
		action:
			'Joanna asked why they had paid late, found our invoice had gone to an old address and waived the interest.',
		impact: 'The customer paid the balance and updated their contact details with us.'
	},
	{
		about: DANIEL,
		by: SARAH,
		source: 'manager',
		behaviour: 'right-first-time',
		level: 4,
		when: ago(120),
		situation: 'A large customer changed the format of their remittances.',
		action:
			'Daniel checked the first three remittances by hand before letting the matching rules run on the new format, and corrected a rule that would have misallocated payments.',
		impact: 'No payment was posted against the wrong invoice.'
	},
	{
		about: GRACE,
		by: nw('lena.schmidt'),
		source: 'peer',
		behaviour: 'empathy',
		level: 4,
		when: ago(105),
		situation: 'A small customer was distressed by a final demand letter while their owner was in hospital.',
		action:
			'Grace paused the letters, agreed a short payment plan and explained it to me so I could keep their orders moving.',
		impact: 'The customer kept trading with us and paid in full two months later.'
	},
	{
		about: LUCAS,
		by: SARAH,
		source: 'manager',
		behaviour: 'clear-communication',
		level: 3,
		when: ago(170),
		situation: 'Invoice layouts changed with the new billing system.',
		action: 'Lucas prepared a short note for customers showing where the order number and due date now appear.',
		impact: 'Calls about the new layout were fewer than we expected.'
	},
	{
		about: ANANYA,
		by: SARAH,
		source: 'manager',
		behaviour: 'ownership',
		level: 3,
		when: ago(135),
		situation: 'A collections case involved a customer who had also raised a service complaint.',
		action:
			'Ananya held the collection activity, asked Customer Care for the complaint status and went back to the customer once both were settled.',
		impact: 'The customer paid once the complaint was resolved, without a formal dispute.'
	},

	// Accounts Receivable: self-ratings
	{
		about: JOANNA,
		by: JOANNA,
		source: 'self',
		behaviour: 'customer-focus',
		level: 2,
		when: recent(16),
		situation: 'I handled a high volume of pricing disputes this month.',
		action:
			'I logged each one with Sales on the day it arrived and closed it once passed on, to keep within the SLA, without checking the customer had an answer.',
		impact:
			'We met the SLA every week, but four cases came back reopened. I want to close on the outcome, not the hand-off.'
	},
	{
		about: DANIEL,
		by: DANIEL,
		source: 'self',
		behaviour: 'reliability',
		level: 4,
		when: recent(30),
		situation: 'The quarter-end unapplied cash clean-up.',
		action:
			'I set a weekly target, reported progress at each team meeting and asked for help early when a bank file was delayed.',
		impact: 'We cleared the backlog two days before the deadline.'
	},

	// General Ledger & Reporting
	{
		about: nw('meilin.chen'),
		by: PIETER,
		source: 'manager',
		behaviour: 'clear-communication',
		level: 4,
		when: recent(10),
		situation: 'Budget holders were confused by the new cost centre structure in their monthly reports.',
		action:
			'Mei Lin added a one-page guide to the report pack mapping old to new cost centres, with an example for each division, and sent it before the reports went out.',
		impact: 'The first month of the new structure brought a handful of queries instead of the dozens we expected.'
	},
	{
		about: OLIVER,
		by: PIETER,
		source: 'manager',
		behaviour: 'documents-the-process',
		level: 5,
		when: ago(100),
		situation: 'The month-end close checklist lived in one person’s spreadsheet.',
		action:
			'Oliver turned it into a shared close calendar showing every task, owner and hand-off between AP, AR and GL, and asked the other teams to keep their parts current.',
		impact:
			'AP and AR now see what GL needs from them and when, and the close finished a day earlier two months running.'
	},
	{
		about: nw('arjun.sharma'),
		by: KATARZYNA,
		source: 'peer',
		behaviour: 'right-first-time',
		level: 3,
		when: recent(34),
		situation: 'Arjun prepared the intercompany balance sheet reconciliations.',
		action:
			'He checked each one against the counterparty’s balance before submitting and listed open items with their owners.',
		impact: 'The reviewer signed them off without questions.'
	},
	{
		about: nw('fatima.al-sayed'),
		by: nw('helen.murray'),
		source: 'peer',
		behaviour: 'reliability',
		level: 3,
		when: ago(60),
		situation: 'Payroll needed the depreciation charge for a staff cost allocation.',
		action: 'Fatima gave a date, kept to it and warned me a day ahead that one asset class was still an estimate.',
		impact: 'Our allocation went out on time with the estimate clearly marked.'
	},
	{
		about: nw('meilin.chen'),
		by: nw('meilin.chen'),
		source: 'self',
		behaviour: 'documents-the-process',
		level: 3,
		when: ago(20),
		situation: 'I took over the management reporting pack from a colleague.',
		action: 'I updated the procedure notes as I went and saved every source file in the shared folder.',
		impact: 'Another analyst produced the pack while I was off sick without needing to call me.'
	},

	// Payroll
	{
		about: nw('marta.kaminska'),
		by: nw('helen.murray'),
		source: 'manager',
		behaviour: 'empathy',
		level: 4,
		when: recent(12),
		situation: 'An employee rang in distress because their salary had not arrived and their rent was due.',
		action:
			'Marta listened, asked what the employee needed to get through the week, arranged an emergency advance the same day and called back to confirm it had landed.',
		impact: 'The employee was paid within hours and later thanked the team by name.'
	},
	{
		about: nw('james.okoro'),
		by: nw('helen.murray'),
		source: 'manager',
		behaviour: 'clear-communication',
		level: 2,
		when: ago(150),
		situation: 'Employees asked why their net pay had changed after the payroll system migration.',
		action:
			'James replied with the system’s calculation breakdown and tax codes, without saying what had changed or whether anything was wrong.',
		impact: 'Many employees wrote back with the same question and HR Advisory received complaints.'
	},
	{
		about: nw('deepa.pillai'),
		by: nw('aisha.bello'),
		source: 'peer',
		behaviour: 'reliability',
		level: 4,
		when: recent(22),
		situation: 'An overtime error affected the whole Service Desk night shift.',
		action: 'Deepa promised a correction in the off-cycle run, updated us twice a week and delivered a day early.',
		impact: 'Nobody on the shift had to chase, and the team trusts Payroll again after the migration.'
	},
	{
		about: nw('sanne.bakker'),
		by: nw('helen.murray'),
		source: 'manager',
		behaviour: 'right-first-time',
		level: 3,
		when: recent(40),
		situation: 'Sanne processed the monthly starters and leavers for the Netherlands.',
		action: 'She checked every contract against the HR system before the cut-off and queried two with Recruitment.',
		impact: 'No corrections were needed after the payroll run.'
	},
	{
		about: nw('thomas.muller'),
		by: nw('chloe.lefevre'),
		source: 'peer',
		behaviour: 'customer-focus',
		level: 4,
		when: ago(45),
		situation: 'A manager asked how a change in working hours would affect an employee’s pension.',
		action:
			'Thomas asked what the employee was deciding, worked out both options and explained them in a way the manager could pass on.',
		impact: 'The employee made an informed choice and HR Advisory did not need to get involved.'
	},

	// Customer Care
	{
		about: JESSICA,
		by: nw('natalie.brooks'),
		source: 'manager',
		behaviour: 'empathy',
		level: 4,
		when: recent(7),
		situation: 'A long-standing customer called, angry about a third missed delivery.',
		action:
			'Jessica let the customer explain, acknowledged the disruption to their shop and arranged a delivery slot and a goodwill credit before ending the call.',
		impact: 'The customer withdrew the complaint and placed their next order as usual.'
	},
	{
		about: nw('mohammed.rahman'),
		by: nw('natalie.brooks'),
		source: 'manager',
		behaviour: 'customer-focus',
		level: 3,
		when: recent(19),
		situation: 'A customer asked for a copy invoice.',
		action:
			'Mohammed asked what it was for, learnt they needed it for a warranty claim and sent the invoice together with the warranty form.',
		impact: 'The customer did not need to call again.'
	},
	{
		about: nw('lucia.garcia'),
		by: PRIYA,
		source: 'peer',
		behaviour: 'collaboration',
		level: 4,
		when: recent(24),
		situation: 'Several customers were calling about supplier refunds that AP was still processing.',
		action:
			'Lucía set up a shared list with me of the customers affected and their expected payment dates, and updated it after each call.',
		impact: 'Customers got the same answer from both teams and the repeat calls stopped within a fortnight.'
	},
	{
		about: nw('femke.visser'),
		by: nw('carlos.mendoza'),
		source: 'manager',
		behaviour: 'clear-communication',
		level: 3,
		when: recent(30),
		situation: 'A product recall brought a surge of customer emails.',
		action:
			'Femke used the agreed recall wording, added each customer’s order details and said when they would hear from us next.',
		impact: 'Few customers wrote back with follow-up questions.'
	},
	{
		about: nw('siobhan.kelly'),
		by: nw('natalie.brooks'),
		source: 'manager',
		behaviour: 'ownership',
		level: 5,
		when: ago(110),
		situation:
			'Complaints about delayed refunds kept coming back because refunds sat between Customer Care, AR and AP.',
		action:
			'Siobhan mapped the refund route with both finance teams, agreed who owns each step and now takes every stuck refund to the right person until it is paid.',
		impact: 'Repeat refund complaints have halved and the route is now part of our induction.'
	},
	{
		about: nw('wei.zhang'),
		by: JESSICA,
		source: 'peer',
		behaviour: 'feedback',
		level: 3,
		when: recent(44),
		situation: 'We handled a difficult escalated call together.',
		action:
			'Afterwards Wei asked me what I would have done differently and told me one specific thing about my tone that had helped.',
		impact: 'We have both changed how we open escalated calls.'
	},
	{
		about: nw('ashley.robinson'),
		by: nw('carlos.mendoza'),
		source: 'manager',
		behaviour: 'empathy',
		level: 4,
		when: recent(15),
		situation: 'An elderly customer was confused by an automated payment reminder.',
		action: 'Ashley slowed down, explained the reminder step by step and set up paper statements for the future.',
		impact: 'The customer paid the same day and sent a thank-you letter.'
	},
	{
		about: nw('gabriela.santos'),
		by: nw('carlos.mendoza'),
		source: 'manager',
		behaviour: 'continuous-improvement',
		level: 4,
		when: ago(140),
		situation: 'Many calls in the Americas queue were customers asking where their delivery was.',
		action:
			'Gabriela tagged calls for two weeks, showed that most followed one confirmation email and worked with Order Management to add the tracking link to it.',
		impact: 'Tracking calls dropped noticeably the following month.'
	},
	{
		about: JESSICA,
		by: JESSICA,
		source: 'self',
		behaviour: 'empathy',
		level: 4,
		when: ago(30),
		situation: 'A customer called after their account had been blocked by mistake.',
		action: 'I apologised, explained what had happened and stayed on the line until the block was lifted.',
		impact: 'The customer calmed down and ordered the same day.'
	},

	// Service Desk, Order Management and HR Advisory
	{
		about: nw('aisha.bello'),
		by: nw('mark.jenkins'),
		source: 'manager',
		behaviour: 'empathy',
		level: 4,
		when: recent(20),
		situation:
			'A new starter in Payroll could not log in on their first morning and was anxious about missing training.',
		action: 'Aisha reassured them, told their trainer what was happening and stayed on the call until they were in.',
		impact: 'The starter joined the training ten minutes late instead of missing the day.'
	},
	{
		about: nw('rahul.verma'),
		by: nw('kavya.reddy'),
		source: 'manager',
		behaviour: 'right-first-time',
		level: 3,
		when: ago(75),
		situation: 'Rahul handled laptop rebuilds for the India hub.',
		action:
			'He followed the checklist, tested the finance applications before handing the laptops back and noted one missing licence.',
		impact: 'None of the rebuilt laptops came back.'
	},
	{
		about: nw('liam.murphy'),
		by: nw('mark.jenkins'),
		source: 'manager',
		behaviour: 'leading-by-example',
		level: 4,
		when: recent(46),
		situation: 'The desk had a large ticket backlog after a network outage.',
		action:
			'Liam took the oldest tickets himself, kept every requester updated and thanked colleagues by name in the team channel for the ones they closed.',
		impact: 'The backlog was cleared in two days and the team’s updates to requesters noticeably improved.'
	},
	{
		about: RAVI,
		by: nw('julia.schneider'),
		source: 'manager',
		behaviour: 'collaboration',
		level: 4,
		when: recent(26),
		situation: 'Orders for one customer kept failing because their master data differed between Sales and Finance.',
		action:
			'Ravi brought Sales Support and AR together, agreed who corrects which field and set up a short weekly check.',
		impact: 'Failed orders for that customer stopped.'
	},
	{
		about: nw('ewa.mazur'),
		by: TOMASZ,
		source: 'peer',
		behaviour: 'ownership',
		level: 4,
		when: ago(90),
		situation: 'An order for a hospital customer was held because a supplier invoice was on hold in AP.',
		action:
			'Ewa came to us directly, stayed with the case until the invoice was released and told the customer the new delivery date.',
		impact: 'The delivery arrived in time for the hospital’s deadline.'
	},
	{
		about: nw('chloe.lefevre'),
		by: nw('michael.osei'),
		source: 'manager',
		behaviour: 'clear-communication',
		level: 4,
		when: ago(50),
		situation: 'A new parental leave policy was introduced.',
		action: 'Chloé wrote a one-page guide for managers with worked examples and a short FAQ.',
		impact: 'Questions to HR Advisory about the policy were far fewer than after the last change.'
	},
	{
		about: nw('ricardo.silva'),
		by: nw('michael.osei'),
		source: 'manager',
		behaviour: 'empathy',
		level: 4,
		when: recent(38),
		situation: 'An employee raised a grievance about how a team change had been handled.',
		action:
			'Ricardo took time to hear the employee’s view before explaining the process, and checked in after each step.',
		impact: 'The employee said they felt heard, and the case was resolved informally.'
	}
];

// ---------------------------------------------------------------------------------------------
// Service framework self-assessments

/** Typical notes for a low (1-2), middling (3) or high (4-5) score on each component. */
const componentNotes: Record<ServiceComponentKey, [string, string, string]> = {
	account_management: [
		'No named contact for most business units; requests arrive wherever people find an address.',
		'Named contacts for the larger business units; smaller ones still come through the shared inbox.',
		'Every business unit has a named relationship owner who meets them each quarter.'
	],
	contact_management: [
		'Several inboxes and phone numbers; customers are unsure where to go.',
		'One front door for most requests, but urgent cases still arrive by personal email.',
		'One front door with a clear route for urgent cases, published on the intranet.'
	],
	service_partnership_agreement: [
		'No written agreement; expectations are set case by case.',
		'An agreement exists but has not been reviewed with customers this year.',
		'Agreement reviewed with customers this year, including what we need from them.'
	],
	client_feedback: [
		'We only hear from customers when they complain.',
		'Feedback links go out on some cases; comments are read once a month.',
		'Feedback asked on every closed case and discussed at the weekly team meeting.'
	],
	continuous_improvement: [
		'Improvements happen when someone has time, which is rarely.',
		'A short improvement list, reviewed at the monthly team meeting.',
		'Improvements come from customer comments and are tracked to completion.'
	],
	process_documentation: [
		'Procedures mostly live in people’s heads.',
		'Key procedures written down; some are out of date.',
		'Procedures current, shared with neighbouring teams and used for cover.'
	],
	performance_measurement: [
		'We count volumes but measure neither our service nor what customers send us.',
		'Our SLAs are measured; the completeness and timeliness of what customers send us is not.',
		'We measure our SLAs and the customer’s side too, such as complete and on-time inputs, and review both together.'
	],
	performance_reporting: [
		'No regular reporting to customers.',
		'A monthly report goes out but is rarely discussed with customers.',
		'Monthly report reviewed with customers and actions agreed.'
	],
	recharging: [
		'Costs are not recharged, so customers do not see what their requests cost.',
		'Recharged as a flat allocation that customers find hard to relate to their use.',
		'Recharges follow usage, and customers can see what drives them.'
	]
};

interface AssessmentStory {
	/** How many quarters, ending with the last complete one (or the current one when `current`). */
	quarters: number;
	current: boolean;
	/** Scores in `serviceComponentKeys` order: the first quarter assessed and the latest. */
	first: readonly number[];
	latest: readonly number[];
	/** Notes for the latest assessment where the team says something specific. */
	notes?: Partial<Record<ServiceComponentKey, string>>;
}

const assessmentStories: Record<string, AssessmentStory> = {
	'Accounts Payable': {
		quarters: 5,
		current: true,
		first: [3, 3, 2, 2, 3, 3, 3, 3, 2],
		latest: [4, 4, 3, 4, 4, 4, 4, 4, 3],
		notes: {
			client_feedback:
				'Feedback links on every supplier and budget-holder query since the spring; comments reviewed on Mondays.',
			continuous_improvement:
				'The PO check on the invoice inbox and the new remittance template both came from customer comments.'
		}
	},
	'Accounts Receivable': {
		quarters: 5,
		current: true,
		first: [4, 3, 4, 2, 3, 3, 5, 4, 3],
		latest: [4, 3, 4, 2, 3, 4, 5, 5, 3],
		notes: {
			contact_management: 'Credit note requests come in by three routes, and Sales is unsure which one to use.',
			service_partnership_agreement:
				'The agreement with Sales sets response times for disputes, but says nothing about resolving them.',
			client_feedback:
				'We rely on the SLA report; we have not asked Sales or Customer Care how disputes feel from their side.',
			performance_measurement:
				'SLA attainment and first response tracked daily and green every month; incomplete requests from Sales are counted too.'
		}
	},
	'General Ledger & Reporting': {
		quarters: 5,
		current: true,
		first: [3, 3, 3, 3, 3, 4, 4, 3, 2],
		latest: [3, 3, 3, 3, 3, 5, 4, 4, 2],
		notes: {
			process_documentation: 'Close calendar shared with AP and AR; every task has an owner and a due day.',
			recharging: 'Reporting requests are not recharged, so ad hoc requests keep growing.'
		}
	},
	Payroll: { quarters: 4, current: false, first: [3, 3, 3, 2, 3, 3, 3, 3, 2], latest: [3, 4, 3, 3, 4, 4, 3, 3, 2] },
	'Service Desk': {
		quarters: 4,
		current: false,
		first: [4, 4, 4, 4, 3, 4, 4, 4, 4],
		latest: [4, 4, 5, 4, 4, 4, 5, 4, 4]
	},
	'Customer Care': {
		quarters: 4,
		current: false,
		first: [4, 4, 3, 4, 4, 3, 4, 3, 2],
		latest: [4, 5, 3, 5, 4, 3, 4, 4, 2]
	},
	'Order Management': {
		quarters: 2,
		current: false,
		first: [3, 4, 3, 3, 3, 3, 3, 3, 2],
		latest: [3, 4, 3, 3, 3, 3, 3, 3, 2]
	},
	'HR Advisory': {
		quarters: 2,
		current: false,
		first: [3, 3, 2, 3, 3, 4, 2, 3, 1],
		latest: [3, 3, 2, 3, 3, 4, 2, 3, 1]
	}
};

// ---------------------------------------------------------------------------------------------
// Seeding

export interface DemoIds {
	people: Map<string, string>;
	teams: Map<string, string>;
	members: Map<string, string[]>;
}

/** People holding a manager grant for each team, by email, in the order `data.ts` lists them. */
function teamManagers(): Map<string, string[]> {
	const managers = new Map<string, string[]>();
	for (const person of demoPeople) {
		for (const grant of person.grants ?? []) {
			if (grant.role === 'manager') managers.set(grant.team, [...(managers.get(grant.team) ?? []), person.email]);
		}
	}
	return managers;
}

function idOf(map: Map<string, string>, key: string, what: string): string {
	const id = map.get(key);
	if (id === undefined) throw new Error(`Demo data: unknown ${what} "${key}"`);
	return id;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const startOf = (period: string) => Date.parse(`${periodRange(period).start}T00:00:00.000Z`);
const endOf = (period: string) => Date.parse(`${periodRange(period).end}T00:00:00.000Z`);

/** Inserts in slices, keeping each statement well under SQLite's bound-variable limit. */
function slices<T>(rows: readonly T[], size = 400): T[][] {
	const out: T[][] = [];
	for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
	return out;
}

/**
 * Creates or refreshes the demo's metric definitions (a reset keeps configuration tables, so the
 * keys may already exist) and returns their ids by key.
 */
async function upsertMetrics(trx: Db, at: string): Promise<Map<string, string>> {
	for (const [position, m] of demoMetrics.entries()) {
		const definition = {
			name: m.name,
			description: m.description,
			unit: m.unit,
			direction: m.direction,
			target: m.target,
			amber_band: m.amberBand,
			kind: m.kind,
			period: m.period,
			rollup: m.rollup,
			source: 'values' as const,
			position,
			archived_at: null,
			updated_at: at
		};
		await trx
			.insertInto('metrics')
			.values({ id: `metric-${m.key}`, key: m.key, created_at: at, ...definition })
			.onConflict((oc) => oc.column('key').doUpdateSet(definition))
			.execute();
	}
	const rows = await trx
		.selectFrom('metrics')
		.select(['id', 'key'])
		.where(
			'key',
			'in',
			demoMetrics.map((m) => m.key)
		)
		.execute();
	return new Map(rows.map((r) => [r.key, r.id]));
}

function metricValueRows(
	context: { teamId: string; team: string; story: TeamStory; managerId: string | null },
	metricIds: Map<string, string>,
	months: readonly string[],
	nowMs: number
): Insertable<MetricValueTable>[] {
	const rows: Insertable<MetricValueTable>[] = [];
	const { teamId, team, story, managerId } = context;
	const add = (key: MetricKey, period: string, value: number, recordedAt: number) => {
		rows.push({
			metric_id: idOf(metricIds, key, 'metric'),
			team_id: teamId,
			period,
			value: reported(key, value),
			source: story.recordedBy,
			updated_by: managerId,
			integration_id: null,
			updated_at: new Date(Math.min(recordedAt, nowMs)).toISOString()
		});
	};
	for (const key of ['sla_on_time', 'first_response_hours', 'backlog', 'rework_rate'] as const) {
		const rng = seededRng(`${team}|${key}`);
		for (const [index, month] of months.entries()) {
			// Reported at nine on the second day of the following month.
			add(key, month, sampleCurve(story.metrics[key], index, rng), endOf(month) + DAY + 9 * HOUR);
		}
	}
	const weekly = seededRng(`${team}|requests_handled`);
	for (const [index, month] of months.entries()) {
		for (const week of weeksOfMonth(month)) {
			add('requests_handled', week, sampleCurve(story.metrics.requests_handled, index, weekly), endOf(week) + 9 * HOUR);
		}
	}
	return rows;
}

interface FeedbackRows {
	links: Insertable<FeedbackLinkTable>[];
	responses: Insertable<CaseFeedbackTable>[];
}

/**
 * A month's scores around its mood. Stratified rather than independent draws: with ten or so
 * answers a month, independent draws swing the net score by twenty points or more, and the story
 * would drown in noise. Shuffled, so good and bad answers are spread through the month.
 */
function monthScores(count: number, mood: number, spread: number, rng: Rng): number[] {
	const scores = Array.from({ length: count }, (_, k) => {
		const u = (k + rng()) / count;
		// Standard normal quantile, approximated by a logistic with the same spread.
		const z = Math.log(u / (1 - u)) * 0.5513;
		return clamp(Math.round(mood + spread * z), 0, 10);
	});
	for (let i = scores.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[scores[i], scores[j]] = [scores[j]!, scores[i]!];
	}
	return scores;
}

function reasonsFor(score: number, rng: Rng, story: TeamStory): ReasonKey[] {
	const poor = story.feedback.poorReasons ?? poorReasons;
	const chosen = new Set<ReasonKey>();
	if (score >= 8) {
		if (rng() < 0.1) return [];
		chosen.add(pick(rng, goodReasons));
		if (rng() < 0.35) chosen.add(pick(rng, goodReasons));
	} else if (score === 7) {
		const roll = rng();
		if (roll < 0.5) chosen.add(pick(rng, goodReasons));
		else if (roll < 0.8) chosen.add(pick(rng, poor));
	} else {
		chosen.add(pick(rng, poor));
		if (rng() < 0.5) chosen.add(pick(rng, poor));
	}
	// Stored in the form's order, as an answer from the form would be.
	return feedbackReasons.map((r) => r.key).filter((key) => chosen.has(key));
}

function commentFor(score: number, rng: Rng, pool: CommentPool, keen: boolean): string {
	const band = score >= 8 ? 'good' : score === 7 ? 'mixed' : 'poor';
	const chance = band === 'poor' ? (keen ? 0.85 : 0.6) : band === 'mixed' ? 0.35 : 0.4;
	if (rng() >= chance) return '';
	const own = pool[band] ?? [];
	// An unhappy customer of a team in trouble writes about that trouble.
	const useOwn = own.length > 0 && (keen || rng() < 0.6);
	return pick(rng, useOwn ? own : generalComments[band]);
}

function minutesLostFor(score: number, rng: Rng, keen: boolean): number | null {
	if (score <= 6 && (keen || rng() < 0.65)) return pick(rng, [15, 20, 30, 45, 60, 90, 120, 180]);
	if (score === 7 && rng() < 0.2) return pick(rng, [10, 15, 30]);
	return null;
}

/**
 * Case feedback for the twelve complete months before now and the days of the current month so
 * far: answered case links (a share through a standing link where the team has one), links that
 * went unanswered and expired, and a few recent ones still open.
 */
function feedbackRows(
	context: { teamId: string; team: string; story: TeamStory; members: readonly string[] },
	months: readonly string[],
	currentMonth: string,
	requesterEmails: readonly string[],
	now: Date
): FeedbackRows {
	const { teamId, team, story, members } = context;
	const nowMs = now.getTime();
	const links: Insertable<FeedbackLinkTable>[] = [];
	const responses: Insertable<CaseFeedbackTable>[] = [];
	const refs = seededRng(`${team}|case-references`);
	let caseNumber = story.cases.first;
	const nextReference = () => {
		caseNumber += between(refs, 3, 40);
		return `${story.cases.prefix}${String(caseNumber).padStart(story.cases.digits, '0')}`;
	};
	const link = (rng: Rng, createdMs: number, answeredMs: number | null): Insertable<FeedbackLinkTable> => ({
		id: newId(),
		team_id: teamId,
		kind: 'case',
		case_reference: nextReference(),
		requester_email: rng() < 0.55 ? pick(rng, requesterEmails) : null,
		token_hash: hashSecret(generateSecret()),
		created_by: members.length > 0 ? pick(rng, members) : null,
		created_at: new Date(createdMs).toISOString(),
		expires_at: feedbackLinkExpiry('case', new Date(createdMs)).toISOString(),
		answered_at: answeredMs === null ? null : new Date(answeredMs).toISOString(),
		closed_at: null
	});

	// A standing link lives a year; teams that use one renewed it half-way through: the old link
	// closed, the new one still open.
	const renewedAt = startOf(months[7]!);
	const standingLink = (createdMs: number, closedMs: number | null): Insertable<FeedbackLinkTable> => ({
		id: newId(),
		team_id: teamId,
		kind: 'standing',
		case_reference: null,
		requester_email: null,
		token_hash: hashSecret(generateSecret()),
		created_by: members[0] ?? null,
		created_at: new Date(createdMs).toISOString(),
		expires_at: feedbackLinkExpiry('standing', new Date(createdMs)).toISOString(),
		answered_at: null,
		closed_at: closedMs === null ? null : new Date(closedMs).toISOString()
	});
	const standing = story.feedback.standingLink
		? [standingLink(startOf(months[1]!) - 10 * DAY, renewedAt), standingLink(renewedAt, null)]
		: [];
	links.push(...standing);

	// The twelve most recent complete months (index 1..12) and the current month (index 13).
	const periods = [...months.slice(1), currentMonth];
	for (const [offset, month] of periods.entries()) {
		const index = offset + 1;
		const rng = seededRng(`${team}|feedback|${index}`);
		const start = startOf(month);
		const isCurrent = month === currentMonth;
		const end = isCurrent ? nowMs : endOf(month);
		const share = isCurrent ? (end - start) / (endOf(month) - start) : 1;
		const planned = between(rng, story.feedback.responses[0], story.feedback.responses[1]);
		const count = Math.floor(planned * share);
		const mood = sampleCurve(story.feedback.mood, index, rng);
		const keen = mood < 6.5;

		// Working-hours moments in the month, oldest first so case numbers rise with time.
		const days = Math.max(1, Math.floor((end - start) / DAY));
		const moments = Array.from(
			{ length: count },
			() => start + between(rng, 0, days - 1) * DAY + (7 + rng() * 10) * HOUR
		)
			.map((ms) => (ms >= nowMs ? nowMs - between(rng, 1, 60) * 60_000 : ms))
			.sort((a, b) => a - b);
		const scores = monthScores(count, mood, story.feedback.spread, rng);
		for (const [r, submitted] of moments.entries()) {
			const score = scores[r]!;
			let linkId: string;
			const standingThen = standing[submitted < renewedAt ? 0 : 1];
			if (standingThen && rng() < 0.25) {
				linkId = standingThen.id!;
			} else {
				const created = submitted - (2 * HOUR + rng() * 3 * DAY);
				const caseLink = link(rng, created, submitted);
				links.push(caseLink);
				linkId = caseLink.id!;
			}
			responses.push({
				id: newId(),
				link_id: linkId,
				team_id: teamId,
				score,
				reasons: JSON.stringify(reasonsFor(score, rng, story)),
				comment: commentFor(score, rng, story.feedback.comments, keen),
				minutes_lost: minutesLostFor(score, rng, keen),
				submitted_at: new Date(submitted).toISOString()
			});
		}

		if (isCurrent) {
			// Sent in the last week or so and not answered yet.
			for (let i = between(rng, 1, 3); i > 0; i--) links.push(link(rng, nowMs - (1 + rng() * 8 * 24) * HOUR, null));
		} else {
			// About a third of requesters never answer; their links expire.
			for (let i = Math.round(planned * 0.3); i > 0; i--) links.push(link(rng, start + rng() * (end - start), null));
		}
	}
	return { links, responses };
}

function observationRows(
	ids: DemoIds,
	behaviours: Map<string, { id: string; versionId: string }>,
	managers: Map<string, string[]>,
	now: Date
): NewObservation[] {
	const nowMs = now.getTime();
	const monthStart = startOf(periodOf('month', isoDay(nowMs)));
	const teamOf = new Map(demoPeople.map((p) => [p.email, p.team]));
	return demoObservations.map((o) => {
		const team = teamOf.get(o.about);
		if (o.source === 'manager' && !(team && managers.get(team)?.includes(o.by))) {
			throw new Error(`Demo data: ${o.by} does not manage ${o.about}'s team`);
		}
		if ((o.source === 'self') !== (o.by === o.about)) throw new Error(`Demo data: self-rating mix-up for ${o.about}`);
		const behaviour = behaviours.get(o.behaviour);
		if (!behaviour) throw new Error(`Demo data: unknown behaviour "${o.behaviour}"`);
		const seenMs =
			'beforeMonthStart' in o.when ? monthStart - o.when.beforeMonthStart * DAY : nowMs - o.when.daysAgo * DAY;
		const observedOn = isoDay(seenMs);
		// Written up the afternoon after it happened (never in the future).
		const written = Math.min(Date.parse(`${observedOn}T00:00:00.000Z`) + DAY + 15 * HOUR, nowMs);
		const responded = o.response === undefined ? null : new Date(Math.min(written + 2 * DAY, nowMs)).toISOString();
		return {
			id: newId(),
			person_id: idOf(ids.people, o.about, 'person'),
			behaviour_id: behaviour.id,
			behaviour_version_id: behaviour.versionId,
			level: o.level,
			situation: o.situation,
			action: o.action,
			impact: o.impact,
			observed_on: observedOn,
			source: o.source,
			author_id: idOf(ids.people, o.by, 'person'),
			response: o.response ?? null,
			responded_at: responded,
			created_at: new Date(written).toISOString(),
			updated_at: new Date(responded ?? written).toISOString()
		};
	});
}

/** Each behaviour's id and the version new ratings use, by slug. */
async function currentBehaviourVersions(trx: Db): Promise<Map<string, { id: string; versionId: string }>> {
	const rows = await trx
		.selectFrom('behaviours')
		.innerJoin('behaviour_versions', (join) =>
			join
				.onRef('behaviour_versions.behaviour_id', '=', 'behaviours.id')
				.onRef('behaviour_versions.version', '=', 'behaviours.current_version')
		)
		.select(['behaviours.slug', 'behaviours.id', 'behaviour_versions.id as version_id'])
		.execute();
	return new Map(rows.map((r) => [r.slug, { id: r.id, versionId: r.version_id }]));
}

function assessmentRows(
	ids: DemoIds,
	managers: Map<string, string[]>,
	leaderOf: Map<string, string>,
	now: Date
): { assessments: Insertable<ServiceAssessmentTable>[]; scores: Insertable<ServiceAssessmentScoreTable>[] } {
	const nowMs = now.getTime();
	const currentQuarter = periodOf('quarter', isoDay(nowMs));
	const assessments: Insertable<ServiceAssessmentTable>[] = [];
	const scores: Insertable<ServiceAssessmentScoreTable>[] = [];
	for (const [team, story] of Object.entries(assessmentStories)) {
		const teamId = idOf(ids.teams, team, 'team');
		const manager = managers.get(team)?.[0];
		const leader = leaderOf.get(team);
		const last = story.current ? currentQuarter : shiftPeriod(currentQuarter, -1);
		const quarters = periodsEndingWith(last, story.quarters);
		for (const [q, quarter] of quarters.entries()) {
			const id = newId();
			const assessor = q === 0 && leader ? leader : manager;
			const at =
				quarter === currentQuarter ? Math.max(startOf(quarter), nowMs - 5 * DAY) : endOf(quarter) - 8 * DAY + 10 * HOUR;
			const stamp = new Date(Math.min(at, nowMs)).toISOString();
			assessments.push({
				id,
				team_id: teamId,
				period: quarter,
				assessed_by: assessor ? idOf(ids.people, assessor, 'person') : null,
				created_at: stamp,
				updated_at: stamp
			});
			const progress = quarters.length > 1 ? q / (quarters.length - 1) : 1;
			const isLatest = q === quarters.length - 1;
			for (const [c, component] of serviceComponentKeys.entries()) {
				const first = story.first[c] ?? 3;
				const latest = story.latest[c] ?? first;
				const score = clamp(Math.round(first + (latest - first) * progress), 1, 5);
				const band = score <= 2 ? 0 : score === 3 ? 1 : 2;
				const note = (isLatest ? story.notes?.[component] : undefined) ?? componentNotes[component][band];
				scores.push({ assessment_id: id, component, score, note });
			}
		}
	}
	return { assessments, scores };
}

/**
 * Seeds metric definitions and values, case feedback, observations and self-assessments for the
 * demo organisation. Runs inside the caller's transaction, after people and teams exist.
 */
export async function seedDemoMeasure(trx: Db, ids: DemoIds, now: Date): Promise<void> {
	const nowMs = now.getTime();
	const currentMonth = periodOf('month', isoDay(nowMs));
	const months = periodsEndingWith(shiftPeriod(currentMonth, -1), MONTHS);
	const managers = teamManagers();

	const metricIds = await upsertMetrics(trx, now.toISOString());
	const values: Insertable<MetricValueTable>[] = [];
	const links: Insertable<FeedbackLinkTable>[] = [];
	const responses: Insertable<CaseFeedbackTable>[] = [];
	for (const [team, teamId] of ids.teams) {
		const story = demoTeamStories[team];
		if (!story) throw new Error(`Demo data: no Measure story for team "${team}"`);
		const manager = managers.get(team)?.[0];
		const managerId = manager ? idOf(ids.people, manager, 'person') : null;
		values.push(...metricValueRows({ teamId, team, story, managerId }, metricIds, months, nowMs));
		const requesters = demoPeople.filter((p) => p.team !== team).map((p) => p.email);
		const rows = feedbackRows(
			{ teamId, team, story, members: ids.members.get(team) ?? [] },
			months,
			currentMonth,
			requesters,
			now
		);
		links.push(...rows.links);
		responses.push(...rows.responses);
	}

	// Accounts Payable sent its newest open link twice and withdrew the copy.
	const apId = ids.teams.get('Accounts Payable');
	const original = links.filter((l) => l.team_id === apId && l.kind === 'case' && l.answered_at === null).at(-1);
	if (apId && original) {
		const created = Date.parse(original.created_at) + 10 * 60_000;
		links.push({
			...original,
			id: newId(),
			token_hash: hashSecret(generateSecret()),
			created_at: new Date(created).toISOString(),
			expires_at: feedbackLinkExpiry('case', new Date(created)).toISOString(),
			closed_at: new Date(Math.min(created + HOUR, nowMs)).toISOString()
		});
	}

	for (const batch of slices(values)) await trx.insertInto('metric_values').values(batch).execute();
	for (const batch of slices(links)) await trx.insertInto('feedback_links').values(batch).execute();
	for (const batch of slices(responses)) await trx.insertInto('case_feedback').values(batch).execute();

	const behaviours = await currentBehaviourVersions(trx);
	const observations = observationRows(ids, behaviours, managers, now);
	for (const batch of slices(observations)) await trx.insertInto('observations').values(batch).execute();

	// The unit leader ran each team's first assessment; the team's managers took it over after.
	const unitLeaders = new Map<string, string>();
	for (const person of demoPeople) {
		for (const grant of person.grants ?? []) if (grant.role === 'leader') unitLeaders.set(grant.unit, person.email);
	}
	const leaderOf = new Map<string, string>();
	for (const team of demoTeams) {
		const leader = unitLeaders.get(team.unit);
		if (leader) leaderOf.set(team.name, leader);
	}
	const { assessments, scores } = assessmentRows(ids, managers, leaderOf, now);
	for (const batch of slices(assessments)) await trx.insertInto('service_assessments').values(batch).execute();
	for (const batch of slices(scores)) await trx.insertInto('service_assessment_scores').values(batch).execute();
}
