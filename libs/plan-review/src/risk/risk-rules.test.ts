import { AWS_SCENARIOS, resourceOf, reviewAws } from '../../test-fixtures/aws-plans';
import { RISK_RULES } from './rules';

const reasons = (scenario: (typeof AWS_SCENARIOS)[number], address: string) =>
  resourceOf(reviewAws(scenario), address).risk.reasons.map((r) => `[${r.rule}] ${r.text}`);
const level = (scenario: (typeof AWS_SCENARIOS)[number], address: string) =>
  resourceOf(reviewAws(scenario), address).risk.level;

describe('risk rules on real terraform plans (hashicorp/aws 5.100.0)', () => {
  describe('stateful resources', () => {
    it('a destroyed bucket and KMS key are high, with what is lost', () => {
      expect(reasons('stateful', 'aws_s3_bucket.logs')).toEqual([
        '[stateful-destroyed] a bucket is destroyed',
      ]);
      expect(level('stateful', 'aws_kms_key.data')).toBe('high');
    });

    it('a replaced VPC is high and names every resource whose configuration references it', () => {
      const vpc = resourceOf(reviewAws('stateful'), 'aws_vpc.main');
      expect(vpc.risk.reasons[0].text).toMatch(/VPC .* is replaced/);
      expect(vpc.referencedBy).toEqual([
        'aws_route_table.private',
        'aws_security_group.web',
        'aws_subnet.a',
      ]);
    });

    it('deletion protection switched off is high even though the database is only updated', () => {
      expect(reasons('stateful', 'aws_db_instance.orders')).toEqual([
        '[deletion-protection-off] deletion protection switched off (`deletion_protection` true → false)',
      ]);
    });

    it('new resources that hold nothing are low', () => {
      expect(level('stateful', 'aws_security_group.web')).toBe('low');
    });
  });

  describe('network exposure', () => {
    it('SSH opened to 0.0.0.0/0 is high; 443 opened to ::/0 on the same group is medium', () => {
      expect(reasons('exposure', 'aws_security_group.admin')).toEqual([
        '[world-ingress-admin-port] ingress from `0.0.0.0/0` on port 22, administrative (22 SSH)',
        '[world-ingress] ingress from `::/0` on port 443',
      ]);
    });

    it('a new ingress rule for RDP from anywhere is high; one for HTTPS is medium', () => {
      expect(level('exposure', 'aws_vpc_security_group_ingress_rule.rdp')).toBe('high');
      expect(level('exposure', 'aws_security_group_rule.https')).toBe('medium');
    });

    it('an internal load balancer made internet-facing is high; a new public one is medium', () => {
      expect(reasons('exposure', 'aws_lb.api')).toEqual([
        '[made-internet-facing] load balancer made internet-facing (`internal` true → false)',
      ]);
      expect(level('exposure', 'aws_lb.web')).toBe('medium');
    });

    it('public IPs on a subnet, a public EKS endpoint and a publicly accessible database are high', () => {
      expect(reasons('exposure', 'aws_subnet.public')).toEqual([
        '[made-public] made public: `map_public_ip_on_launch` false → true',
      ]);
      expect(reasons('exposure', 'aws_eks_cluster.main')[0]).toContain(
        '`vpc_config.endpoint_public_access` false → true, open to the whole internet',
      );
      expect(level('exposure', 'aws_db_instance.reports')).toBe('high');
    });

    it('a new subnet that gives public IPs is medium: new, not a widening of something running', () => {
      expect(reasons('exposure', 'aws_subnet.dmz')).toEqual([
        '[new-public] made public: `map_public_ip_on_launch` new, set to true',
      ]);
    });
  });

  describe('IAM, statement by statement', () => {
    it('s3:* on * through an aws_iam_policy_document is high, for the action and the resource', () => {
      expect(reasons('iam', 'aws_iam_policy.app')).toEqual([
        '[iam-widened] `policy`: wildcard actions `s3:*` allowed',
        '[iam-widened] `policy`: actions allowed on every resource (`*`)',
      ]);
    });

    it('a trust policy that lets another account in and drops its condition is high', () => {
      expect(reasons('iam', 'aws_iam_role.deploy')).toEqual([
        '[iam-widened] trust policy: principal of another account `AWS:arn:aws:iam::999999999999:root` allowed',
        '[iam-widened] trust policy: conditions removed: `StringEquals aws:SourceAccount`',
      ]);
    });

    it('a bucket policy for any principal is high', () => {
      expect(reasons('iam', 'aws_s3_bucket_policy.data')).toEqual([
        '[iam-widened] `policy`: any principal (`*`) allowed',
      ]);
    });

    it('a new specific action is medium; narrowing s3:* to s3:GetObject is low', () => {
      expect(reasons('iam', 'aws_iam_role_policy.reader')).toEqual([
        '[iam-changed] `policy`: new actions `s3:PutObject`',
      ]);
      expect(level('iam', 'aws_iam_role_policy.ci')).toBe('low');
    });
  });

  describe('data protection', () => {
    it('a relaxed public access block is high, naming the flags', () => {
      expect(reasons('protection', 'aws_s3_bucket_public_access_block.logs')).toEqual([
        '[public-access-block-relaxed] public access block relaxed: `block_public_policy`, `restrict_public_buckets` true → false',
      ]);
    });

    it('a log group losing its KMS key and most of its retention is high for both', () => {
      expect(reasons('protection', 'aws_cloudwatch_log_group.app')).toEqual([
        '[encryption-removed] encryption weakened: `kms_key_id` "arn:aws:kms:eu-west-1:111111111111:key/k-1" → unset',
        '[logging-reduced] log retention shortened: 365 days → 7 days',
      ]);
    });

    it('versioning suspended, a TLS 1.0 listener policy and a destroyed encryption configuration are high', () => {
      expect(reasons('protection', 'aws_s3_bucket_versioning.logs')).toEqual([
        '[versioning-off] versioning switched off (Enabled → Suspended)',
      ]);
      expect(reasons('protection', 'aws_lb_listener.https')).toEqual([
        '[tls-downgraded] TLS downgraded: `ssl_policy` "ELBSecurityPolicy-TLS13-1-2-2021-06" → "ELBSecurityPolicy-2016-08" (TLS 1.2 → 1.0)',
      ]);
      expect(
        reasons('protection', 'aws_s3_bucket_server_side_encryption_configuration.logs'),
      ).toEqual(['[encryption-removed] bucket encryption configuration removed']);
    });
  });

  describe('everything else', () => {
    it('a plan that only changes tags and adds a log group has no high-risk entry', () => {
      const review = reviewAws('tags-only');
      expect(review.resources.map((r) => r.risk.level)).toEqual(['low', 'low']);
      expect(resourceOf(review, 'aws_s3_bucket.assets').risk.tagsOnly).toBe(true);
      expect(resourceOf(review, 'aws_cloudwatch_log_group.audit').risk.tagsOnly).toBe(false);
    });

    it('longer log retention, more tasks and bigger nodes are not risks (they are costs)', () => {
      expect(reviewAws('cost').resources.filter((r) => r.risk.level !== 'low')).toEqual([]);
    });
  });

  it('every rule is exercised by at least one real plan', () => {
    const fired = new Set(
      AWS_SCENARIOS.flatMap((s) =>
        reviewAws(s).resources.flatMap((r) => r.risk.reasons.map((reason) => reason.rule)),
      ),
    );
    expect(RISK_RULES.map((r) => r.id).filter((id) => !fired.has(id))).toEqual([]);
  });
});
