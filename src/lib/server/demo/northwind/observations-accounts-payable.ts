/** Accounts Payable: ownership, clear communication and right first time, rated often enough to reach high confidence. */
import {
	ago,
	recent,
	AGNIESZKA,
	EMMA,
	JESSICA,
	JOANNA,
	LAKSHMI,
	MATEUSZ,
	OLENA,
	OLIVER,
	PRIYA,
	RAVI,
	TOMASZ,
	VIKRAM,
	type DemoObservation
} from './observation-format';
import { nw } from './org';

export const accountsPayableObservations: readonly DemoObservation[] = [
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
	}
];
