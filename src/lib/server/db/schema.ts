import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The one description of Ripple's tables. Conventions, chosen so the same queries run on SQLite
 * and PostgreSQL:
 * - ids are short random text (see `newId`), never auto-increment;
 * - times are UTC ISO-8601 strings from `Date#toISOString()`, which sort as text;
 * - flags are integers 0/1.
 */
export interface Database {
	org_units: OrgUnitTable;
	teams: TeamTable;
	people: PersonTable;
	role_grants: RoleGrantTable;
	sessions: SessionTable;
	invites: InviteTable;
	login_failures: LoginFailureTable;
	audit_events: AuditEventTable;
	app_meta: AppMetaTable;
	learning_rollup: LearningRollupTable;
	team_rollup_gen: TeamRollupGenTable;
	team_window_rollup: TeamWindowRollupTable;
	feedback_month_rollup: FeedbackMonthRollupTable;
	module_progress: ModuleProgressTable;
	lesson_completions: LessonCompletionTable;
	check_attempts: CheckAttemptTable;
	check_draws: CheckDrawTable;
	completions: CompletionTable;
	reflections: ReflectionTable;
	practice_logs: PracticeLogTable;
	assignments: AssignmentTable;
	recognitions: RecognitionTable;
	recognition_recipients: RecognitionRecipientTable;
	lunch_sessions: LunchSessionTable;
	lunch_rsvps: LunchRsvpTable;
	shadow_slots: ShadowSlotTable;
	shadow_blackouts: ShadowBlackoutTable;
	shadow_visits: ShadowVisitTable;
	calendar_feeds: CalendarFeedTable;
	buddy_cycles: BuddyCycleTable;
	buddy_cycle_units: BuddyCycleUnitTable;
	buddy_participants: BuddyParticipantTable;
	buddy_pairs: BuddyPairTable;
	buddy_pair_members: BuddyPairMemberTable;
	buddy_meetings: BuddyMeetingTable;
	buddy_fit_checks: BuddyFitCheckTable;
	buddy_plans: BuddyPlanTable;
	behaviour_values: BehaviourValueTable;
	behaviour_value_texts: BehaviourValueTextTable;
	behaviours: BehaviourTable;
	behaviour_texts: BehaviourTextTable;
	behaviour_versions: BehaviourVersionTable;
	behaviour_version_texts: BehaviourVersionTextTable;
	observations: ObservationTable;
	metrics: MetricTable;
	metric_texts: MetricTextTable;
	metric_values: MetricValueTable;
	integrations: IntegrationTable;
	feedback_links: FeedbackLinkTable;
	case_feedback: CaseFeedbackTable;
	service_assessments: ServiceAssessmentTable;
	service_assessment_scores: ServiceAssessmentScoreTable;
	notification_categories: NotificationCategoryTable;
	notifications: NotificationTable;
	email_deliveries: EmailDeliveryTable;
	email_delivery_attempts: EmailDeliveryAttemptTable;
	notification_ledger: NotificationLedgerTable;
	notification_preferences: NotificationPreferenceTable;
	notification_settings: NotificationSettingsTable;
	identity_providers: IdentityProviderTable;
	person_identities: PersonIdentityTable;
	sso_logins: SsoLoginTable;
	sso_break_glass: SsoBreakGlassTable;
	directory_connections: DirectoryConnectionTable;
	directory_people: DirectoryPersonTable;
	directory_departments: DirectoryDepartmentTable;
	provisioning_log: ProvisioningLogTable;
	directory_groups: DirectoryGroupTable;
	directory_group_members: DirectoryGroupMemberTable;
	directory_deactivations: DirectoryDeactivationTable;
	directory_holds: DirectoryHoldTable;
	directory_held_changes: DirectoryHeldChangeTable;
}

export type OrgUnitKind = 'company' | 'region' | 'division' | 'department';
export type TeamKind = 'back_office' | 'customer_facing';
/** `staff` is implied for every person; these are the roles that are granted. */
export type GrantedRole = 'manager' | 'leader' | 'admin';

export interface OrgUnitTable {
	id: string;
	name: string;
	kind: OrgUnitKind;
	parent_id: string | null;
	/** Materialised ancestry, `/rootId/childId/…/id/`, so a subtree is one `LIKE 'prefix%'`. */
	path: string;
	created_at: string;
}

export interface TeamTable {
	id: string;
	name: string;
	kind: TeamKind;
	org_unit_id: string;
	created_at: string;
}

export interface PersonTable {
	id: string;
	/** Always stored lower-case; unique. */
	email: string;
	name: string;
	job_title: string;
	team_id: string | null;
	manager_id: string | null;
	time_zone: string;
	language: string;
	active: number;
	password_hash: string | null;
	/** The directory's number for the person (unique when set), from SSO claims or provisioning. */
	employee_id: string | null;
	/** The directory's department, as it names it; which team it means is the admin's mapping. */
	department: string | null;
	created_at: string;
	updated_at: string;
}

/**
 * A role a person holds, with its scope: a manager grant names a team, a leader grant names an
 * org unit (and so everything under it), an admin grant names neither.
 */
export interface RoleGrantTable {
	id: string;
	person_id: string;
	role: GrantedRole;
	team_id: string | null;
	org_unit_id: string | null;
	created_at: string;
}

export interface SessionTable {
	id: string;
	person_id: string;
	/** Hex SHA-256 of the session secret; the secret itself is only ever in the cookie. */
	secret_hash: string;
	created_at: string;
	last_verified_at: string;
}

export interface InviteTable {
	id: string;
	person_id: string;
	/** Hex SHA-256 of the one-time token. */
	token_hash: string;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface LoginFailureTable {
	id: string;
	/**
	 * `account:<email>` or `ip:<address>` for failed sign-ins; other throttles use the table too, each
	 * under a kind of its own (`feedback-answer:<hashed address>`, one row per answer).
	 */
	throttle_key: string;
	at: string;
}

export interface AuditEventTable {
	id: string;
	at: string;
	actor_id: string | null;
	action: string;
	object_type: string;
	object_id: string | null;
	summary: string;
	/** JSON object with the specifics (changed fields, counts); null when the summary says it all. */
	details: string | null;
	ip: string | null;
}

export interface AppMetaTable {
	key: string;
	value: string;
}

/** A person's assigned learning, rolled up; null figures while stale (see learning/rollup.ts). */
export interface LearningRollupTable {
	person_id: string;
	assigned: number | null;
	completed: number | null;
	gen: Generated<number>;
	/** JSON of the person's learning records (learning/records.ts), valid while `records_gen` is `gen`. */
	records: string | null;
	records_gen: number | null;
}

/** How many writes have touched a team's How-window figures (see scorecards/window-rollup.ts). */
export interface TeamRollupGenTable {
	team_id: string;
	gen: number;
}

/** A team's How-window figures for the window ending with `month`, as of generation `gen`. */
export interface TeamWindowRollupTable {
	team_id: string;
	month: string;
	gen: number;
	/** JSON (scorecards/window-rollup.ts). */
	figures: string;
}

/** How many of a team's answers in a month (UTC) gave each score from 0 to 10. */
export interface FeedbackMonthRollupTable {
	team_id: string;
	/** `YYYY-MM`. */
	month: string;
	score_0: Generated<number>;
	score_1: Generated<number>;
	score_2: Generated<number>;
	score_3: Generated<number>;
	score_4: Generated<number>;
	score_5: Generated<number>;
	score_6: Generated<number>;
	score_7: Generated<number>;
	score_8: Generated<number>;
	score_9: Generated<number>;
	score_10: Generated<number>;
}

export type OrgUnit = Selectable<OrgUnitTable>;
export type NewOrgUnit = Insertable<OrgUnitTable>;
export type Team = Selectable<TeamTable>;
export type NewTeam = Insertable<TeamTable>;
export type Person = Selectable<PersonTable>;
export type NewPerson = Insertable<PersonTable>;
export type PersonUpdate = Updateable<PersonTable>;
export type RoleGrant = Selectable<RoleGrantTable>;
export type NewRoleGrant = Insertable<RoleGrantTable>;
export type Session = Selectable<SessionTable>;
export type Invite = Selectable<InviteTable>;
export type AuditEvent = Selectable<AuditEventTable>;

/** Where a learner is in a module: for "resume where you left off". */
export interface ModuleProgressTable {
	person_id: string;
	module_slug: string;
	last_lesson_slug: string;
	started_at: string;
	updated_at: string;
}

export interface LessonCompletionTable {
	person_id: string;
	module_slug: string;
	lesson_slug: string;
	completed_at: string;
}

export interface CheckAttemptTable {
	id: string;
	person_id: string;
	module_slug: string;
	module_version: string;
	/** JSON: question id -> chosen option ids. */
	answers: string;
	/** Percentage, 0-100. */
	score: number;
	passed: number;
	submitted_at: string;
	/** JSON: the questions drawn, each with its option ids in the order shown; NULL before draws. */
	questions: string | null;
}

/** The questions a learner has been shown for a module and not yet submitted: one per module. */
export interface CheckDrawTable {
	id: string;
	person_id: string;
	module_slug: string;
	module_version: string;
	/** JSON: question ids, each with its option ids in the order shown. */
	questions: string;
	drawn_at: string;
}

/** A module finished (every lesson done and the check passed) at a given module version. */
export interface CompletionTable {
	id: string;
	person_id: string;
	module_slug: string;
	module_version: string;
	completed_at: string;
	/** Printed on the certificate; /verify/<code> confirms it. */
	verification_code: string;
	/** The language of the content the module was completed in: the certificate's language. */
	locale: string;
}

export interface ReflectionTable {
	person_id: string;
	module_slug: string;
	prompt_id: string;
	body: string;
	share_with_buddy: number;
	share_with_manager: number;
	created_at: string;
	updated_at: string;
}

export interface PracticeLogTable {
	person_id: string;
	module_slug: string;
	note: string;
	done_at: string;
}

export type AssignmentItemKind = 'module' | 'path';

/**
 * Learning given to one person (person_id) or to a whole team (team_id): a team assignment
 * reaches whoever is in the team now, including people who join later.
 */
export interface AssignmentTable {
	id: string;
	item_kind: AssignmentItemKind;
	item_slug: string;
	person_id: string | null;
	team_id: string | null;
	/** Calendar date, YYYY-MM-DD, in the learner's time zone. */
	due_on: string;
	message: string;
	/** 1 when a completion of an earlier major version does not count. */
	refresh: number;
	assigned_by: string | null;
	created_at: string;
	cancelled_at: string | null;
}

export type CheckAttempt = Selectable<CheckAttemptTable>;
export type Completion = Selectable<CompletionTable>;
export type Reflection = Selectable<ReflectionTable>;
export type Assignment = Selectable<AssignmentTable>;

/** A colleague's public thank-you, tied to one service behaviour. */
export interface RecognitionTable {
	id: string;
	from_id: string;
	behaviour_slug: string;
	message: string;
	/** 1 when a recipient works in another department than the giver. */
	cross_department: number;
	created_at: string;
}

export interface RecognitionRecipientTable {
	recognition_id: string;
	person_id: string;
}

/** A lunch-and-learn session. Times are instants; `time_zone` is the organiser's, for display. */
export interface LunchSessionTable {
	id: string;
	topic: string;
	description: string;
	presenter_id: string;
	organiser_id: string;
	starts_at: string;
	ends_at: string;
	time_zone: string;
	place: string;
	video_url: string;
	capacity: number;
	/** Increases on every change, for calendar files (RFC 5545 SEQUENCE). */
	sequence: number;
	created_at: string;
	updated_at: string;
	cancelled_at: string | null;
}

export type RsvpStatus = 'going' | 'waitlist' | 'cancelled';

export interface LunchRsvpTable {
	session_id: string;
	person_id: string;
	status: RsvpStatus;
	/** When the person last joined the list: the waitlist is served in this order. */
	rsvp_at: string;
	/** Marked by the organiser after the session: 1 attended, 0 did not, null not marked. */
	attended: number | null;
}

export type LunchSession = Selectable<LunchSessionTable>;

/** A host team's offer of a job-shadowing visit. */
export interface ShadowSlotTable {
	id: string;
	team_id: string;
	host_id: string;
	starts_at: string;
	ends_at: string;
	/** The host team's time zone, in which the slot was published and is shown to the host. */
	time_zone: string;
	/** Visitors per slot. */
	capacity: number;
	place: string;
	video_url: string;
	what_you_will_see: string;
	/** 1 when the host team accepts manager-approved requests without a further confirmation. */
	auto_accept: number;
	created_by: string | null;
	sequence: number;
	created_at: string;
	updated_at: string;
	cancelled_at: string | null;
}

/** Days a host team takes no visitors (e.g. month-end close); inclusive calendar dates. */
export interface ShadowBlackoutTable {
	id: string;
	team_id: string;
	starts_on: string;
	ends_on: string;
	reason: string;
	created_by: string | null;
	created_at: string;
}

export type VisitStatus = 'pending_manager' | 'pending_host' | 'confirmed' | 'declined' | 'cancelled';

/** A person's booking of a slot: approved by their manager, then confirmed by the host. */
export interface ShadowVisitTable {
	id: string;
	slot_id: string;
	visitor_id: string;
	objectives: string;
	status: VisitStatus;
	/** Copied from the slot so overlapping visits can be found with one query. */
	starts_at: string;
	ends_at: string;
	approved_by: string | null;
	approved_at: string | null;
	confirmed_by: string | null;
	confirmed_at: string | null;
	decline_reason: string | null;
	sequence: number;
	reflection_learned: string | null;
	reflection_impact: string | null;
	reflection_change: string | null;
	reflected_at: string | null;
	host_feedback: string | null;
	host_feedback_at: string | null;
	created_at: string;
	updated_at: string;
}

export type ShadowSlot = Selectable<ShadowSlotTable>;
export type NewShadowSlot = Insertable<ShadowSlotTable>;
export type NewShadowBlackout = Insertable<ShadowBlackoutTable>;
export type ShadowVisit = Selectable<ShadowVisitTable>;
export type NewShadowVisit = Insertable<ShadowVisitTable>;
export type ShadowVisitUpdate = Updateable<ShadowVisitTable>;

/** A person's private calendar subscription; only the hash of the URL's secret is kept. */
export interface CalendarFeedTable {
	person_id: string;
	token_hash: string;
	created_at: string;
}

export type BuddyCycleStatus = 'open' | 'published' | 'closed';

/** A period in which participants from the chosen units are paired across departments. */
export interface BuddyCycleTable {
	id: string;
	name: string;
	starts_on: string;
	ends_on: string;
	/** `opt_in`: staff join themselves; `nominated`: managers put people forward. */
	mode: 'opt_in' | 'nominated';
	status: BuddyCycleStatus;
	owner_id: string | null;
	created_at: string;
	published_at: string | null;
}

export interface BuddyCycleUnitTable {
	cycle_id: string;
	org_unit_id: string;
}

export interface BuddyParticipantTable {
	cycle_id: string;
	person_id: string;
	goals: string;
	/** JSON arrays of topic labels. */
	learn: string;
	offer: string;
	interests: string;
	/** Working hours in the participant's zone, minutes after midnight. */
	hours_start: number;
	hours_end: number;
	time_zone: string;
	nominated_by: string | null;
	/** 1 when the cycle owner left them out of matching. */
	excluded: number;
	joined_at: string;
}

/** A proposed (before publishing) or live pair, rarely a trio, with its score explanation. */
export interface BuddyPairTable {
	id: string;
	cycle_id: string;
	locked: number;
	/** The matching score in hundredths, kept exact. */
	score_cents: number;
	/** JSON array of { points, reason }. */
	breakdown: string;
	created_at: string;
	/** When the cycle's owner re-paired its members; null while the pair runs. */
	ended_at: string | null;
}

export interface BuddyPairMemberTable {
	pair_id: string;
	person_id: string;
}

export interface BuddyMeetingTable {
	id: string;
	pair_id: string;
	logged_by: string | null;
	met: number;
	met_on: string;
	/** 1 to 4, how useful it was; null when they did not meet. */
	rating: number | null;
	notes: string;
	created_at: string;
}

export interface BuddyFitCheckTable {
	pair_id: string;
	person_id: string;
	fit: 'good' | 'unsure' | 'repair';
	note: string;
	created_at: string;
}

/** A buddy meeting planned ahead, so it can go into both calendars. */
export interface BuddyPlanTable {
	id: string;
	pair_id: string;
	starts_at: string;
	ends_at: string;
	place: string;
	created_by: string | null;
	sequence: number;
	created_at: string;
	updated_at: string;
	cancelled_at: string | null;
}

/** A company value; its observable behaviours hang under it. */
export interface BehaviourValueTable {
	id: string;
	slug: string;
	position: number;
	created_at: string;
}

/** A value's name and description in one language (`texts.ts` picks the reader's). */
export interface BehaviourValueTextTable {
	value_id: string;
	locale: string;
	name: string;
	description: string;
}

/** An observable service behaviour. Its anchored scale lives in versions; `current_version` is the one new ratings use. */
export interface BehaviourTable {
	id: string;
	value_id: string;
	/** Stable key that modules' frontmatter and recognitions refer to. */
	slug: string;
	position: number;
	current_version: number;
	archived_at: string | null;
	created_at: string;
}

/** A behaviour's label and description in one language. */
export interface BehaviourTextTable {
	behaviour_id: string;
	locale: string;
	label: string;
	description: string;
}

/**
 * One behaviourally anchored rating scale: what levels 1 to 5 look like. Frozen once observed in
 * the organisation's default language; its texts in other languages are translations of it.
 */
export interface BehaviourVersionTable {
	id: string;
	behaviour_id: string;
	version: number;
	created_by: string | null;
	created_at: string;
}

/** A scale's five level descriptions in one language. */
export interface BehaviourVersionTextTable {
	version_id: string;
	locale: string;
	anchor_1: string;
	anchor_2: string;
	anchor_3: string;
	anchor_4: string;
	anchor_5: string;
}

export type ObservationSource = 'manager' | 'peer' | 'self';

/** A rating of one behaviour for one person, with situation / behaviour / impact evidence. */
export interface ObservationTable {
	id: string;
	person_id: string;
	behaviour_id: string;
	/** The scale the rating was made against; kept when the behaviour's anchors change later. */
	behaviour_version_id: string;
	level: number;
	situation: string;
	/** What the person did: the "behaviour" of situation–behaviour–impact. */
	action: string;
	impact: string;
	/** Calendar date (YYYY-MM-DD) the behaviour was seen. */
	observed_on: string;
	source: ObservationSource;
	author_id: string | null;
	/** The observed person's reply. */
	response: string | null;
	responded_at: string | null;
	created_at: string;
	updated_at: string;
}

export type MetricDirection = 'higher' | 'lower';
export type MetricKind = 'sla' | 'operational' | 'experience';
export type MetricPeriod = 'month' | 'week';
export type MetricRollup = 'sum' | 'mean' | 'min' | 'max' | 'last';
/** `values`: entered, imported or sent by API. The `case_*` sources are computed from case feedback. */
export type MetricSource = 'values' | 'case_net' | 'case_average' | 'case_volume';

export interface MetricTable {
	id: string;
	key: string;
	direction: MetricDirection;
	target: number | null;
	/** How far past the target (in the bad direction) still counts as amber rather than red. */
	amber_band: number;
	kind: MetricKind;
	/** The period values are recorded for: a month (`2026-11`) or an ISO week (`2026-W47`). */
	period: MetricPeriod;
	/** How weekly values combine into a month, and how teams combine into a unit. */
	rollup: MetricRollup;
	source: MetricSource;
	position: number;
	archived_at: string | null;
	created_at: string;
	updated_at: string;
}

/** A metric's name, description and unit in one language. */
export interface MetricTextTable {
	metric_id: string;
	locale: string;
	name: string;
	description: string;
	unit: string;
}

export type MetricValueSource = 'entry' | 'import' | 'api';

export interface MetricValueTable {
	metric_id: string;
	team_id: string;
	period: string;
	value: number;
	source: MetricValueSource;
	updated_by: string | null;
	integration_id: string | null;
	updated_at: string;
}

/** A BI tool allowed to post metric values; only the SHA-256 of its bearer secret is stored. */
export interface IntegrationTable {
	id: string;
	name: string;
	token_hash: string;
	created_by: string | null;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
}

/**
 * A link an internal customer opens: for one handled case (answered without signing in), or standing
 * for a team (answered by colleagues signed in, once a month each).
 */
export interface FeedbackLinkTable {
	id: string;
	team_id: string;
	kind: 'case' | 'standing';
	case_reference: string | null;
	requester_email: string | null;
	token_hash: string;
	created_by: string | null;
	created_at: string;
	expires_at: string;
	/** Set when a case link has its one answer. */
	answered_at: string | null;
	/** Set when the team withdraws the link. */
	closed_at: string | null;
}

export interface CaseFeedbackTable {
	id: string;
	link_id: string;
	team_id: string;
	/** 0 to 10. */
	score: number;
	/** JSON array of reason keys. */
	reasons: string;
	comment: string;
	minutes_lost: number | null;
	submitted_at: string;
	/**
	 * Through a standing link: a keyed hash of (person, team, month of `submitted_at`), unique, so each
	 * person has one answer per team and month and a row is one respondent. Never the person's id, so
	 * answers cannot be joined back to people. Null for case answers (one per case) and for standing
	 * answers from before sign-in was asked for.
	 */
	respondent_key: string | null;
}

/** A team's self-assessment against the client interaction framework for one quarter (`2026-Q4`). */
export interface ServiceAssessmentTable {
	id: string;
	team_id: string;
	period: string;
	assessed_by: string | null;
	created_at: string;
	updated_at: string;
}

export interface ServiceAssessmentScoreTable {
	assessment_id: string;
	component: string;
	score: number;
	note: string;
}

/** The framework and metrics as a reader reads them: each row with its texts in the reader's language (`texts.ts`). */
export type BehaviourValue = Selectable<BehaviourValueTable> & Pick<BehaviourValueTextTable, 'name' | 'description'>;
export type Behaviour = Selectable<BehaviourTable> & Pick<BehaviourTextTable, 'label' | 'description'>;
export type BehaviourVersion = Selectable<BehaviourVersionTable> &
	Omit<BehaviourVersionTextTable, 'version_id' | 'locale'>;
export type Observation = Selectable<ObservationTable>;
export type NewObservation = Insertable<ObservationTable>;
export type Metric = Selectable<MetricTable> & Pick<MetricTextTable, 'name' | 'description' | 'unit'>;
export type NewMetric = Insertable<MetricTable>;
export type MetricUpdate = Updateable<MetricTable>;
export type MetricValue = Selectable<MetricValueTable>;
export type Integration = Selectable<IntegrationTable>;
export type FeedbackLink = Selectable<FeedbackLinkTable>;
export type CaseFeedback = Selectable<CaseFeedbackTable>;
export type ServiceAssessment = Selectable<ServiceAssessmentTable>;

/** The groups of notifications a person controls (`account` is always emailed at once). */
export type NotificationCategory = 'learning' | 'buddies' | 'shadowing' | 'sessions' | 'measure' | 'account';
/** How a category reaches a person by email; the in-app centre always shows it. */
export type EmailMode = 'immediate' | 'daily' | 'weekly' | 'off';

export interface NotificationCategoryTable {
	category: NotificationCategory;
	/** 0: the organisation does not use this category; nothing of it is written. */
	enabled: number;
	default_mode: EmailMode;
	updated_at: string;
}

export interface NotificationTable {
	id: string;
	person_id: string;
	category: NotificationCategory;
	/** What happened, e.g. `learning.assigned`; picks the messages that word it. */
	kind: string;
	/** The object it is about (an assignment, a visit, a pair…), for withdrawal and links. */
	subject_type: string;
	subject_id: string;
	/** Where in Ripple the object is, as a path. */
	href: string;
	/** JSON: the inputs of its messages, as data (names, dates, slugs), never worded text. */
	params: string;
	/** Decided when written: an email was queued, the next digest carries it, or no email. */
	email: 'immediate' | 'digest' | 'none';
	created_at: string;
	read_at: string | null;
	/** Made obsolete by a change of plan (a visit cancelled before its reminder); no longer shown. */
	withdrawn_at: string | null;
	/** The digest email that carried it. */
	digest_id: string | null;
}

export type DeliveryStatus = 'queued' | 'retrying' | 'sent' | 'dead' | 'not_sent' | 'skipped' | 'withdrawn';

export interface EmailDeliveryTable {
	id: string;
	/** Null only for a test email to an address that is nobody's. */
	person_id: string | null;
	to_address: string;
	notification_id: string | null;
	/** A notification kind, `digest.daily`, `digest.weekly` or `admin.test`. */
	kind: string;
	/** A digest carries several categories: `digest`. */
	category: NotificationCategory | 'digest';
	/** JSON: what the email needs beyond its notification (a digest's items, an invitation's link). */
	params: string;
	status: DeliveryStatus;
	/** Why it is in its status: the mail server's answer, "already read in the app"… */
	reason: string | null;
	attempts: number;
	/** Not tried before this instant (a retry's backoff, the end of quiet hours). */
	not_before: string;
	claimed_by: string | null;
	/** A worker holds the row until then; a crashed worker's claim runs out and another takes it. */
	claimed_until: string | null;
	/** After this, an email that could not go is no longer worth sending. */
	relevant_until: string | null;
	/** What was (or would have been) sent, kept for the delivery log. */
	locale: string | null;
	subject: string | null;
	text_body: string | null;
	html_body: string | null;
	calendar: string | null;
	message_id: string | null;
	created_at: string;
	updated_at: string;
	sent_at: string | null;
}

export interface EmailDeliveryAttemptTable {
	id: string;
	delivery_id: string;
	at: string;
	outcome: 'sent' | 'temporary' | 'permanent' | 'not_sent';
	response: string | null;
	worker: string;
}

export interface NotificationLedgerTable {
	key: string;
	created_at: string;
}

export interface NotificationPreferenceTable {
	person_id: string;
	category: NotificationCategory;
	mode: EmailMode;
}

export interface NotificationSettingsTable {
	person_id: string;
	digest_time: string;
	digest_weekday: number;
	quiet_from: string | null;
	quiet_until: string | null;
	sign_in_emails: number;
	updated_at: string;
}

export type Notification = Selectable<NotificationTable>;
export type NewNotification = Insertable<NotificationTable>;
export type EmailDelivery = Selectable<EmailDeliveryTable>;
export type NewEmailDelivery = Insertable<EmailDeliveryTable>;
export type EmailDeliveryUpdate = Updateable<EmailDeliveryTable>;
export type NotificationSettings = Selectable<NotificationSettingsTable>;

/** An OpenID Connect provider configured in the admin (see migration 2026-12-07T0900). */
export interface IdentityProviderTable {
	id: string;
	/** In URLs (`/login/sso/<slug>`) and as the key of the identities it vouches for. */
	slug: string;
	display_name: string;
	issuer: string;
	client_id: string;
	/** Sealed with SECRETS_KEY (`auth/secrets.ts`), never stored in the clear. */
	client_secret: string;
	/** Space-separated, `openid` always among them. */
	scopes: string;
	/** JSON array of lower-case email domains this provider serves. */
	domains: string;
	/** Whether a first sign-in of someone not yet in Ripple creates them. */
	allow_new_people: number;
	claim_department: string | null;
	claim_job_title: string | null;
	claim_employee_id: string | null;
	enabled: number;
	created_at: string;
	updated_at: string;
}

export interface PersonIdentityTable {
	/** The provider's slug. */
	provider: string;
	/** The ID token's `sub`. */
	subject: string;
	person_id: string;
	created_at: string;
	last_sign_in_at: string;
}

/** A sign-in on its way through a provider, until its callback arrives (or ten minutes pass). */
export interface SsoLoginTable {
	/** Hex SHA-256 of the `state` sent to the provider. */
	state_hash: string;
	provider: string;
	nonce: string;
	code_verifier: string;
	return_to: string;
	created_at: string;
	expires_at: string;
}

export interface SsoBreakGlassTable {
	person_id: string;
	created_at: string;
}

export type IdentityProviderRow = Selectable<IdentityProviderTable>;
export type PersonIdentity = Selectable<PersonIdentityTable>;

/** A directory allowed to provision over SCIM (see migration 2026-12-07T1500). */
export interface DirectoryConnectionTable {
	id: string;
	name: string;
	/** Hex SHA-256 of the bearer token's secret. */
	token_hash: string;
	/** The share of active people one request or burst may deactivate before it is held. */
	deactivation_limit_percent: number;
	created_by: string | null;
	created_at: string;
	last_used_at: string | null;
	revoked_at: string | null;
	/** Where a provisioned person's team comes from (migration 2026-12-07T2100). */
	teams_from: TeamsFrom;
}

/** A provisioned person's team follows their department's mapping, or their groups' mappings. */
export type TeamsFrom = 'department' | 'groups';

export interface DirectoryPersonTable {
	connection_id: string;
	person_id: string;
	user_name: string;
	external_id: string | null;
	display_name: string | null;
	given_name: string | null;
	family_name: string | null;
	created_at: string;
	updated_at: string;
}

export interface DirectoryDepartmentTable {
	connection_id: string;
	department_key: string;
	department: string;
	team_id: string;
}

export interface ProvisioningLogTable {
	id: string;
	connection_id: string;
	at: string;
	method: string;
	path: string;
	status: number;
	scim_type: string | null;
	detail: string | null;
	resource_id: string | null;
}

/** A directory's group (SCIM Group; its id is the SCIM id), and the team an admin maps it to. */
export interface DirectoryGroupTable {
	id: string;
	connection_id: string;
	display_name: string;
	external_id: string | null;
	team_id: string | null;
	created_at: string;
	updated_at: string;
}

export interface DirectoryGroupMemberTable {
	group_id: string;
	person_id: string;
	added_at: string;
}

/** A deactivation a connection made, for measuring bursts against its limit. */
export interface DirectoryDeactivationTable {
	id: string;
	connection_id: string;
	person_id: string;
	at: string;
}

export type HoldStatus = 'held' | 'approved' | 'rejected';

/** Deactivations the safety brake held for an admin to approve or reject. */
export interface DirectoryHoldTable {
	id: string;
	connection_id: string;
	status: HoldStatus;
	active_people: number;
	limit_percent: number;
	created_at: string;
	decided_at: string | null;
	decided_by: string | null;
}

export type HeldChangeKind = 'patch' | 'replace' | 'delete';

export interface DirectoryHeldChangeTable {
	hold_id: string;
	person_id: string;
	kind: HeldChangeKind;
	/** The change as JSON (a `UserChange`), null for a delete. */
	change: string | null;
	received_at: string;
}

export type DirectoryConnection = Selectable<DirectoryConnectionTable>;
export type DirectoryGroup = Selectable<DirectoryGroupTable>;
export type DirectoryHold = Selectable<DirectoryHoldTable>;
export type DirectoryHeldChange = Selectable<DirectoryHeldChangeTable>;
export type DirectoryPerson = Selectable<DirectoryPersonTable>;
