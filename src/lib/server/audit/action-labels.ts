import type { Locale } from '../../i18n/locales';
import { m } from '../../paraglide/messages.js';
import type { AuditAction } from './log';

type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

/**
 * Each action's label, as people read it in the audit log's filter ("Team changed"); the code
 * (`team.updated`) stays the filter's value. Messages are looked up here and worded when called.
 */
const labels: Record<AuditAction, Label> = {
	'auth.sign_in': m.admin_audit_action_auth_sign_in,
	'auth.sign_in_failed': m.admin_audit_action_auth_sign_in_failed,
	'auth.sign_in_throttled': m.admin_audit_action_auth_sign_in_throttled,
	'auth.sso_sign_in': m.admin_audit_action_auth_sso_sign_in,
	'auth.sso_linked': m.admin_audit_action_auth_sso_linked,
	'auth.sso_refused': m.admin_audit_action_auth_sso_refused,
	'auth.password_changed': m.admin_audit_action_auth_password_changed,
	'session.ended': m.admin_audit_action_session_ended,
	'invite.created': m.admin_audit_action_invite_created,
	'invite.accepted': m.admin_audit_action_invite_accepted,
	'person.created': m.admin_audit_action_person_created,
	'person.updated': m.admin_audit_action_person_updated,
	'person.deactivated': m.admin_audit_action_person_deactivated,
	'person.reactivated': m.admin_audit_action_person_reactivated,
	'person.exported': m.admin_audit_action_person_exported,
	'person.erased': m.admin_audit_action_person_erased,
	'role.granted': m.admin_audit_action_role_granted,
	'role.revoked': m.admin_audit_action_role_revoked,
	'org_unit.created': m.admin_audit_action_org_unit_created,
	'org_unit.updated': m.admin_audit_action_org_unit_updated,
	'org_unit.deleted': m.admin_audit_action_org_unit_deleted,
	'team.created': m.admin_audit_action_team_created,
	'team.updated': m.admin_audit_action_team_updated,
	'team.deleted': m.admin_audit_action_team_deleted,
	'import.applied': m.admin_audit_action_import_applied,
	'assignment.created': m.admin_audit_action_assignment_created,
	'assignment.cancelled': m.admin_audit_action_assignment_cancelled,
	'learning.exported': m.admin_audit_action_learning_exported,
	'behaviour_value.created': m.admin_audit_action_behaviour_value_created,
	'behaviour_value.updated': m.admin_audit_action_behaviour_value_updated,
	'behaviour_value.deleted': m.admin_audit_action_behaviour_value_deleted,
	'behaviour.created': m.admin_audit_action_behaviour_created,
	'behaviour.updated': m.admin_audit_action_behaviour_updated,
	'behaviour.versioned': m.admin_audit_action_behaviour_versioned,
	'behaviour.archived': m.admin_audit_action_behaviour_archived,
	'behaviour.restored': m.admin_audit_action_behaviour_restored,
	'observation.created': m.admin_audit_action_observation_created,
	'observation.updated': m.admin_audit_action_observation_updated,
	'observation.deleted': m.admin_audit_action_observation_deleted,
	'observation.responded': m.admin_audit_action_observation_responded,
	'metric.created': m.admin_audit_action_metric_created,
	'metric.updated': m.admin_audit_action_metric_updated,
	'metric.archived': m.admin_audit_action_metric_archived,
	'metric.restored': m.admin_audit_action_metric_restored,
	'metric_values.entered': m.admin_audit_action_metric_values_entered,
	'metric_values.imported': m.admin_audit_action_metric_values_imported,
	'metric_values.ingested': m.admin_audit_action_metric_values_ingested,
	'integration.created': m.admin_audit_action_integration_created,
	'integration.revoked': m.admin_audit_action_integration_revoked,
	'feedback_link.created': m.admin_audit_action_feedback_link_created,
	'feedback_link.closed': m.admin_audit_action_feedback_link_closed,
	'assessment.saved': m.admin_audit_action_assessment_saved,
	'scorecard.exported': m.admin_audit_action_scorecard_exported,
	'organisation.default_language_changed': m.admin_audit_action_organisation_default_language_changed,
	'notifications.defaults_changed': m.admin_audit_action_notifications_defaults_changed,
	'notifications.test_sent': m.admin_audit_action_notifications_test_sent,
	'notifications.exported': m.admin_audit_action_notifications_exported,
	'sso.provider_created': m.admin_audit_action_sso_provider_created,
	'sso.provider_updated': m.admin_audit_action_sso_provider_updated,
	'sso.provider_deleted': m.admin_audit_action_sso_provider_deleted,
	'sso.enforcement_changed': m.admin_audit_action_sso_enforcement_changed,
	'directory.created': m.admin_audit_action_directory_created,
	'directory.revoked': m.admin_audit_action_directory_revoked,
	'directory.updated': m.admin_audit_action_directory_updated,
	'directory.held': m.admin_audit_action_directory_held,
	'directory.hold_approved': m.admin_audit_action_directory_hold_approved,
	'directory.hold_rejected': m.admin_audit_action_directory_hold_rejected
};

/** An audit action as people read it, in the current request's language or in `locale`. */
export function auditActionLabel(action: AuditAction, locale?: Locale): string {
	return labels[action]({}, locale ? { locale } : {});
}
