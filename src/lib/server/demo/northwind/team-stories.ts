/**
 * Each demo team's Measure story over the year: how its metrics move, how its internal customers
 * feel, and what they write. Accounts Payable improves over the year; Payroll and Infrastructure &
 * Access each have a red patch and a recovery; Accounts Receivable is a watermelon (SLAs green
 * every month while its internal customers grow unhappy about disputes closed and reopened);
 * General Ledger & Reporting has too few feedback responses to show. `../measure.ts` and
 * `../case-feedback.ts` turn the stories into rows.
 */
import type { MetricValueSource } from '../../db/schema';
import type { ReasonKey } from '../../../feedback';
import type { MetricKey } from './metrics';

/**
 * A series over the thirteen months (index 0 = oldest, 12 = last complete month): a straight
 * trend from `start` to `end`, an optional patch (`dip`) added in full inside its months and at
 * 40 % in the month either side, and noise.
 */
export interface Curve {
	start: number;
	end: number;
	noise: number;
	dip?: { from: number; to: number; by: number };
	/** Hard limits, for series the story needs to stay inside (the watermelon's green SLAs). */
	limits?: [number, number];
}

export interface CommentPool {
	good: readonly string[];
	mixed?: readonly string[];
	poor: readonly string[];
}

export interface TeamStory {
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

export const generalComments: Required<CommentPool> = {
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

export const demoTeamStories: Record<string, TeamStory> = {
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
	// Eindhoven: steady and well liked; its internal customers (Benelux business units) write in Dutch.
	'Intercompany & Consolidation': {
		metrics: {
			sla_on_time: { start: 94.5, end: 97.2, noise: 0.8 },
			first_response_hours: { start: 7.5, end: 5.8, noise: 0.7 },
			requests_handled: { start: 55, end: 62, noise: 5 },
			backlog: { start: 14, end: 9, noise: 2 },
			rework_rate: { start: 3.1, end: 2.2, noise: 0.4 }
		},
		recordedBy: 'entry',
		feedback: {
			responses: [8, 12],
			mood: { start: 7.9, end: 8.6, noise: 0.12 },
			spread: 1.2,
			comments: {
				good: [
					'De intercompany-factuur klopte meteen, inclusief de juiste btw-code. Fijn!',
					'Lotte belde zelf even om het verschil in de afstemming uit te leggen.',
					'Consolidatiepakket ruim voor de deadline van de holding binnen, met toelichting.',
					'Snel antwoord op mijn vraag over de verrekening met België.'
				],
				mixed: ['Uiteindelijk goed opgelost, maar ik moest wel twee keer uitleggen welke entiteit het betrof.'],
				poor: [
					'Drie dagen niets gehoord over mijn vraag over de management fee.',
					'Het saldo met Duitsland sloot nog steeds niet na de correctie.'
				]
			}
		},
		cases: { prefix: 'IC-', first: 3120, digits: 5 }
	},
	// Dalian: a new team finding its feet after taking over Asia-Pacific invoices; its internal
	// customers in the region write in Chinese.
	'Accounts Payable Asia Pacific': {
		metrics: {
			sla_on_time: { start: 91, end: 96.4, noise: 0.9 },
			first_response_hours: { start: 9, end: 5.2, noise: 0.8 },
			requests_handled: { start: 160, end: 210, noise: 12 },
			backlog: { start: 48, end: 22, noise: 4 },
			rework_rate: { start: 5.2, end: 2.9, noise: 0.5 }
		},
		recordedBy: 'import',
		feedback: {
			responses: [12, 18],
			mood: { start: 7.2, end: 8.3, noise: 0.12 },
			spread: 1.4,
			poorReasons: ['had_to_chase', 'answer_unclear', 'had_to_chase', 'slow'],
			comments: {
				good: [
					'发票当天就处理好了，还主动告诉我付款日期，谢谢！',
					'供应商的银行信息变更核实得很仔细，也很快。',
					'王芳把三张被退回的发票逐一说明了原因，下次我就知道怎么填了。',
					'月底前把所有待付款项都跟我核对了一遍，很省心。'
				],
				mixed: ['问题解决了，但中间换了两个人，我又得重新说明一遍。'],
				poor: ['催了两次才有人回复，供应商那边已经在问了。', '退回发票的理由写得太简单，我不知道该改哪里。']
			}
		},
		cases: { prefix: 'APAC-', first: 40210, digits: 6 }
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
