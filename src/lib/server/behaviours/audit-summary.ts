import type { AuditWording, AuditWordingParam } from '../audit/log';
import type { MessageKey } from '../service-result';

/**
 * The summary of an audit entry about the behaviour framework or an observation, as its
 * `growth_audit_…` message and inputs: the audit log words it in each reader's language.
 */
export function auditSummary(code: MessageKey, params: Record<string, AuditWordingParam> = {}): AuditWording {
	return { code, params };
}
