/** General Ledger & Reporting, Payroll, Customer Care, Service Desk, Order Management and HR Advisory. */
import {
	ago,
	recent,
	JESSICA,
	KATARZYNA,
	OLIVER,
	PIETER,
	PRIYA,
	RAVI,
	TOMASZ,
	type DemoObservation
} from './observation-format';
import { nw } from './org';

export const otherTeamsObservations: readonly DemoObservation[] = [
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
