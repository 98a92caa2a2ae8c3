import { checkStack } from '../../engine';
import type { Rule } from '../../types';
import { eksControlPlaneLogs } from './control-plane-logs';
import { eksEndpointAccess } from './endpoint-access';
import { eksSecretsEncryption } from './secrets-encryption';
import { eksSupportedVersion } from './supported-version';

/** A stack with one EKS cluster; `cluster` overrides its arguments. */
function stack(cluster: Record<string, unknown>) {
  return {
    resource: {
      aws_eks_cluster: {
        main: {
          name: 'dev-eks',
          version: '1.32',
          enabled_cluster_log_types: [
            'api',
            'audit',
            'authenticator',
            'controllerManager',
            'scheduler',
          ],
          encryption_config: {
            provider: { key_arn: '${aws_kms_key.secrets.arn}' },
            resources: ['secrets'],
          },
          vpc_config: {
            subnet_ids: ['subnet-1'],
            endpoint_private_access: true,
            endpoint_public_access: false,
          },
          ...cluster,
        },
      },
    },
  };
}

const findings = (rule: Rule, cluster: Record<string, unknown> = {}) =>
  checkStack(stack(cluster), [rule]).findings.map((f) => f.details.join('; '));

describe('EKS rules', () => {
  it('a private, encrypted, fully logged cluster on a supported version passes every rule', () => {
    const rules = [
      eksControlPlaneLogs,
      eksSecretsEncryption,
      eksEndpointAccess,
      eksSupportedVersion(['1.31', '1.32']),
    ];
    expect(checkStack(stack({}), rules).findings).toEqual([]);
  });

  it('PLT-EKS-CONTROL-PLANE-LOGS names each missing log type and fails closed on a missing list', () => {
    expect(findings(eksControlPlaneLogs, { enabled_cluster_log_types: ['api'] })).toEqual([
      'log type audit is not enabled; log type authenticator is not enabled; log type controllerManager is not enabled; log type scheduler is not enabled',
    ]);
    expect(findings(eksControlPlaneLogs, { enabled_cluster_log_types: undefined })).toEqual([
      'enabled_cluster_log_types is not a literal list',
    ]);
  });

  it('PLT-EKS-SECRETS-ENCRYPTION requires secrets encrypted with a customer-managed key', () => {
    expect(findings(eksSecretsEncryption, { encryption_config: undefined })).toEqual([
      'encryption_config is missing',
    ]);
    expect(
      findings(eksSecretsEncryption, {
        encryption_config: { provider: {}, resources: ['secrets'] },
      }),
    ).toEqual(['encryption_config has no provider.key_arn']);
    expect(
      findings(eksSecretsEncryption, {
        encryption_config: { provider: { key_arn: 'k' }, resources: [] },
      }),
    ).toEqual(['encryption_config does not cover "secrets"']);
  });

  it('PLT-EKS-ENDPOINT-ACCESS accepts a public endpoint limited to named ranges', () => {
    expect(
      findings(eksEndpointAccess, {
        vpc_config: {
          endpoint_private_access: true,
          endpoint_public_access: true,
          public_access_cidrs: ['203.0.113.0/24'],
        },
      }),
    ).toEqual([]);
  });

  it('PLT-EKS-ENDPOINT-ACCESS rejects an open, defaulted or private-less endpoint', () => {
    expect(
      findings(eksEndpointAccess, {
        vpc_config: {
          endpoint_private_access: true,
          endpoint_public_access: true,
          public_access_cidrs: ['0.0.0.0/0'],
        },
      }),
    ).toEqual(['public endpoint allows 0.0.0.0/0']);
    expect(findings(eksEndpointAccess, { vpc_config: { subnet_ids: ['subnet-1'] } })).toEqual([
      'endpoint_private_access is not true; public endpoint without public_access_cidrs (the default is 0.0.0.0/0)',
    ]);
  });

  it('PLT-EKS-SUPPORTED-VERSION rejects an unpinned or unsupported version, listing the allowed ones', () => {
    const rule = eksSupportedVersion(['1.31', '1.32']);
    expect(findings(rule, { version: '1.28' })).toEqual(['version 1.28 is not one of 1.31, 1.32']);
    expect(findings(rule, { version: undefined })).toEqual(['version is not set']);
  });
});
