// The behaviour framework a fresh install starts with. Frozen with the migration that inserts it
// (2026-11-22T2200-measure): admins edit the framework in the app afterwards, never here.

export interface DefaultBehaviour {
	slug: string;
	label: string;
	description: string;
	/** Behaviourally anchored rating scale: what level 1, 2, 3, 4 and 5 look like. */
	anchors: [string, string, string, string, string];
}

export interface DefaultValue {
	slug: string;
	name: string;
	description: string;
	behaviours: DefaultBehaviour[];
}

export const defaultFramework: DefaultValue[] = [
	{
		slug: 'ownership',
		name: 'Ownership',
		description: 'We take responsibility for the outcome, not just our own step, and keep making the service better.',
		behaviours: [
			{
				slug: 'ownership',
				label: 'Takes ownership',
				description: 'Sees a request through to the end, including the parts that sit with other teams.',
				anchors: [
					'Passes requests on without checking they have landed, and replies "not my team" when a query touches another department.',
					'Handles their own part of a request but stops at the hand-off, so tickets stall until the requester chases them.',
					'Sees each request through to a result, follows up items parked with other teams and tells the requester who has it now.',
					'Keeps hold of awkward cross-team cases, such as a blocked supplier payment, until they are resolved, and updates the requester without being asked.',
					'Takes on problems nobody else will, fixes the gap that caused them and encourages colleagues to do the same, so fewer requests fall between teams.'
				]
			},
			{
				slug: 'continuous-improvement',
				label: 'Improves how work gets done',
				description: 'Uses feedback and data to make the service better, not just faster.',
				anchors: [
					'Repeats the same workarounds month after month and brushes off suggestions for change, even when the same errors keep coming back.',
					'Mentions problems with a process when asked, but rarely suggests a fix or acts on what customers say.',
					'Spots recurring issues in their queue, proposes practical fixes and tries them, checking whether the change helped the customer and not only the speed.',
					'Uses customer comments and queue data to find the root cause of repeat contacts, then works with other teams to remove it.',
					'Leads improvements that span teams, such as reworking the month-end close checklist, checks the effect on customers and shares what they learnt widely.'
				]
			},
			{
				slug: 'leading-by-example',
				label: 'Leads by example',
				description: 'Models the service behaviours they ask of others and recognises them in their team.',
				anchors: [
					'Asks others to follow service standards they ignore themselves, such as skipping updates to requesters or bypassing the agreed approval route.',
					'Follows the standards when watched or reminded, but cuts corners under pressure and seldom notices good service in others.',
					'Consistently shows the behaviours they expect from colleagues, keeps their own commitments and thanks people when they serve customers well.',
					'Steps in visibly during busy periods, for example clearing a backlog alongside the team, and recognises specific examples of good service in public.',
					'Is the person others copy: sets the tone in every hand-off and meeting, admits their own mistakes openly and builds a team that serves well unprompted.'
				]
			}
		]
	},
	{
		slug: 'empathy',
		name: 'Empathy',
		description: 'We understand the people we serve and let that understanding shape how we work with them.',
		behaviours: [
			{
				slug: 'empathy',
				label: 'Shows empathy',
				description: 'Understands how colleagues and customers feel and responds to it.',
				anchors: [
					'Answers frustrated colleagues with policy wording or blame, and misses obvious signs that someone is stressed or confused.',
					'Acknowledges feelings when they are stated outright, but sticks to a script and seldom adjusts their tone to the person.',
					'Listens before answering, recognises the pressure behind a request, such as a missed salary payment, and adjusts tone and approach to suit.',
					'Picks up unspoken worry or frustration, asks how the person is affected and takes practical steps to ease it, even when the rules cannot bend.',
					"Is sought out for difficult conversations, helps colleagues see a situation through the customer's eyes and calms tense hand-offs between teams."
				]
			},
			{
				slug: 'customer-focus',
				label: 'Focuses on the customer',
				description: 'Understands what the internal customer is trying to achieve and serves that goal.',
				anchors: [
					"Works to the letter of the request or the queue target, closing tickets even when the customer's real problem is still unsolved.",
					'Answers the question asked but rarely checks what the customer needs it for, so follow-up contacts are common.',
					'Asks what the internal customer is trying to achieve, shapes the answer around that goal and confirms the need is met before closing.',
					'Anticipates what customers will need next, for example flagging a missing cost centre before an invoice is rejected, and explains options in their terms.',
					"Champions the customer's view in team decisions, challenges rules that create needless effort for them and helps colleagues design services around real needs."
				]
			}
		]
	},
	{
		slug: 'collaboration',
		name: 'Collaboration',
		description: 'We work as one organisation, sharing what we know and fixing problems across team boundaries.',
		behaviours: [
			{
				slug: 'collaboration',
				label: 'Works across boundaries',
				description: 'Builds relationships beyond their own team and fixes problems at the hand-offs.',
				anchors: [
					'Stays inside their own team, blames other departments for delays and hands work over without the context the next team needs.',
					'Works with other teams when required, but only through tickets or formal routes, and rarely helps untangle problems at the hand-offs.',
					'Builds working relationships with contacts in neighbouring teams, shares information freely and sorts out hand-off problems directly with the people involved.',
					'Brings people from different teams together to clear shared problems, such as purchase orders stuck between procurement and accounts payable.',
					'Breaks down silos across the organisation, creating lasting links between teams and agreeing shared ways of working that customers notice.'
				]
			},
			{
				slug: 'feedback',
				label: 'Gives and seeks feedback',
				description: 'Offers specific, timely feedback and asks for it without defensiveness.',
				anchors: [
					'Rarely gives feedback, or gives it vaguely or harshly, and becomes defensive or dismissive when colleagues raise concerns about their work.',
					'Gives feedback only at formal reviews, and accepts comments politely but seldom changes anything as a result.',
					'Offers specific, timely feedback based on real examples, asks colleagues and customers what they could do better and acts on what they hear.',
					'Makes feedback a regular habit in both directions, checks in after hand-offs to learn what worked and thanks people for unwelcome messages.',
					'Creates a climate where honest feedback flows easily between teams, coaches others to give it well and visibly changes course in response.'
				]
			}
		]
	},
	{
		slug: 'clarity',
		name: 'Clarity',
		description: 'We make our messages, our work and its progress easy for others to understand and follow.',
		behaviours: [
			{
				slug: 'clear-communication',
				label: 'Communicates clearly',
				description: 'Chooses the right channel and words, keeps people informed and closes the loop.',
				anchors: [
					'Sends unclear or jargon-heavy messages through the wrong channel, leaves requesters without updates and closes tickets without explaining the outcome.',
					'Communicates accurately but patchily, so messages often prompt follow-up questions, and updates people only when they chase.',
					'Uses the right channel and plain words, says what happens next and when, and closes the loop once the request is done.',
					'Tailors messages to the reader, such as explaining a payroll correction to an anxious employee, and sends updates before people need to ask.',
					'Sets the standard for clear communication, turns complex changes into messages everyone understands and helps colleagues rewrite templates and notices.'
				]
			},
			{
				slug: 'documents-the-process',
				label: 'Makes the process visible',
				description:
					'Records how the work flows, who does what and where each request stands, so others can follow it and pick it up.',
				anchors: [
					'Keeps steps in their head or in private notes, leaving colleagues unable to cover their work and customers unable to see where requests stand.',
					'Records the basics when reminded, but notes are patchy or out of date, so anyone covering still has to ask questions.',
					'Keeps ticket notes and procedure guides current, so a colleague can take over a case and the customer can see its status.',
					"Maps the hand-offs between teams, such as the steps from a new starter's offer to their first payslip, and makes status and ownership visible to everyone involved.",
					'Makes the whole process transparent, maintains shared guides that other teams rely on and encourages colleagues to treat documentation as part of the service.'
				]
			}
		]
	},
	{
		slug: 'reliability',
		name: 'Reliability',
		description: 'We do what we say, accurately and on time, so others can depend on us.',
		behaviours: [
			{
				slug: 'reliability',
				label: 'Keeps promises',
				description: 'Sets clear expectations, keeps agreements and makes progress visible.',
				anchors: [
					'Makes commitments they cannot keep, misses agreed deadlines without warning and leaves customers to discover delays for themselves.',
					'Usually meets deadlines but sometimes lets them slip without telling anyone, and gives vague answers such as "soon" or "shortly".',
					'Sets realistic expectations, delivers what was agreed by when it was agreed, and warns people early if something is going to be late.',
					'Stays dependable through peak periods such as month-end, keeps progress visible and renegotiates commitments openly before they are at risk.',
					'Is trusted by other teams to deliver without chasing, and helps their own team make promises it can keep and then honour them.'
				]
			},
			{
				slug: 'right-first-time',
				label: 'Gets it right first time',
				description: 'Checks work before handing it on, so customers and the next team do not have to send it back.',
				anchors: [
					'Passes on work with frequent errors or gaps, such as invoices without purchase order numbers, leaving others to find and fix them.',
					'Gets routine work right but skips checks when busy, so rework and returned items still turn up regularly.',
					'Checks their work against what is required before handing it on, so approvals, payments and records rarely come back for correction.',
					'Confirms unclear details at the start instead of guessing, and learns from each error so the same mistake does not happen again.',
					'Builds checks into the process that prevent errors for everyone, such as clearer request forms or validation steps, and helps colleagues improve their accuracy.'
				]
			}
		]
	}
];
