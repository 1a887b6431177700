/** Accounts Receivable: customer focus rated low (the SLA is met, the need is not), promises kept, work across boundaries. */
import {
	ago,
	recent,
	ANANYA,
	DANIEL,
	GRACE,
	JESSICA,
	JOANNA,
	KATARZYNA,
	LUCAS,
	OLIVER,
	PIETER,
	RAVI,
	SARAH,
	type DemoObservation
} from './observation-format';
import { nw } from './org';

export const accountsReceivableObservations: readonly DemoObservation[] = [
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
	}
];
