import { resolve } from 'node:path';
import type { Provider } from '@nestjs/common';
import { PublishedPolicies, readPolicyVersions } from '@reprisals/service-platform';
import {
  ReportingPolicy,
  reportingPolicyDocumentSchema,
} from '../../domain/report-compilation/reporting-policy';

/** Where the published versions live unless REPORTING_POLICY_DIR says otherwise. */
export const DEFAULT_REPORTING_POLICY_DIR = resolve(__dirname, '../../../policies');

/** Every published version of the rules of reports. */
export class ReportingPolicies extends PublishedPolicies<ReportingPolicy> {}

/** Reads every `reporting.v*.yaml` of a directory; throws PolicyFileError naming every problem and its line. */
export function loadReportingPolicies(directory = DEFAULT_REPORTING_POLICY_DIR): ReportingPolicy[] {
  return readPolicyVersions(directory, 'reporting', reportingPolicyDocumentSchema).map(
    (document) => new ReportingPolicy(document),
  );
}

/** The published versions, read once at start; a broken file stops the start. */
export const reportingPoliciesProvider: Provider = {
  provide: ReportingPolicies,
  useFactory: () =>
    new ReportingPolicies(loadReportingPolicies(process.env['REPORTING_POLICY_DIR'] || undefined)),
};
