import type { Migration } from 'kysely';
import * as foundation from './2026-11-22T1300-foundation';
import * as learning from './2026-11-22T1500-learning';
import * as recognitionAndSessions from './2026-11-22T1700-recognition-and-sessions';
import * as shadowing from './2026-11-22T1800-shadowing';
import * as calendarFeeds from './2026-11-22T1900-calendar-feeds';
import * as buddies from './2026-11-22T2000-buddies';
import * as buddyPlans from './2026-11-22T2100-buddy-plans';
import * as measure from './2026-11-22T2200-measure';
import * as referenceIndexes from './2026-11-22T2300-reference-indexes';
import * as lookupIndexes from './2026-11-22T2330-lookup-indexes';
import * as namesUniqueIgnoringCase from './2026-11-24T0900-names-unique-ignoring-case';
import * as feedbackRespondents from './2026-12-02T1000-feedback-respondents';
import * as checkDraws from './2026-12-06T1000-check-draws';
import * as supportedLanguages from './2026-12-06T1200-supported-languages';
import * as completionLanguage from './2026-12-06T1400-completion-language';
import * as frameworkLanguages from './2026-12-06T1600-framework-languages';
import * as notifications from './2026-12-06T2000-notifications';
import * as pairEndings from './2026-12-06T2200-pair-endings';
import * as singleSignOn from './2026-12-07T0900-single-sign-on';
import * as directoryProvisioning from './2026-12-07T1500-directory-provisioning';
import * as directoryGroupsAndHolds from './2026-12-07T2100-directory-groups-and-holds';
import * as learningRollup from './2026-12-08T0900-learning-rollup';
import * as teamWindowRollup from './2026-12-08T1500-team-window-rollup';
import * as teamMembersIndex from './2026-12-08T1600-team-members-index';
import * as feedbackMonthRollup from './2026-12-09T0900-feedback-month-rollup';
import * as learningRecords from './2026-12-10T0900-learning-records';

/**
 * Every migration, keyed by its sortable timestamped name. Listed statically (rather than read
 * from disk) so the bundled production server carries them and migrates itself at start.
 */
export const migrations: Record<string, Migration> = {
	'2026-11-22T1300-foundation': foundation,
	'2026-11-22T1500-learning': learning,
	'2026-11-22T1700-recognition-and-sessions': recognitionAndSessions,
	'2026-11-22T1800-shadowing': shadowing,
	'2026-11-22T1900-calendar-feeds': calendarFeeds,
	'2026-11-22T2000-buddies': buddies,
	'2026-11-22T2100-buddy-plans': buddyPlans,
	'2026-11-22T2200-measure': measure,
	'2026-11-22T2300-reference-indexes': referenceIndexes,
	'2026-11-22T2330-lookup-indexes': lookupIndexes,
	'2026-11-24T0900-names-unique-ignoring-case': namesUniqueIgnoringCase,
	'2026-12-02T1000-feedback-respondents': feedbackRespondents,
	'2026-12-06T1000-check-draws': checkDraws,
	'2026-12-06T1200-supported-languages': supportedLanguages,
	'2026-12-06T1400-completion-language': completionLanguage,
	'2026-12-06T1600-framework-languages': frameworkLanguages,
	'2026-12-06T2000-notifications': notifications,
	'2026-12-06T2200-pair-endings': pairEndings,
	'2026-12-07T0900-single-sign-on': singleSignOn,
	'2026-12-07T1500-directory-provisioning': directoryProvisioning,
	'2026-12-07T2100-directory-groups-and-holds': directoryGroupsAndHolds,
	'2026-12-08T0900-learning-rollup': learningRollup,
	'2026-12-08T1500-team-window-rollup': teamWindowRollup,
	'2026-12-08T1600-team-members-index': teamMembersIndex,
	'2026-12-09T0900-feedback-month-rollup': feedbackMonthRollup,
	'2026-12-10T0900-learning-records': learningRecords
};
