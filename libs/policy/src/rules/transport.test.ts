// The rules that keep traffic in TLS, held to each part of what they accept.
import { violations, weakenedTlsDenies, type FixtureResource } from './harness';
import { elbHttpsOnly } from './elb/https-only';
import { s3TlsOnly } from './s3/tls-only';

describe('PLT-S3-TLS-ONLY: a bucket policy denies every request without TLS', () => {
  const bucket: FixtureResource = ['aws_s3_bucket.b', { bucket: 'b' }];
  const denyPlainText = {
    sid: 'DenyInsecureTransport',
    effect: 'Deny',
    actions: ['s3:*'],
    resources: ['*'],
    principals: [{ type: '*', identifiers: ['*'] }],
    condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
  };
  const check = (statement: Record<string, unknown>, target = '${aws_s3_bucket.b.id}') =>
    violations(
      s3TlsOnly,
      bucket,
      ['data.aws_iam_policy_document.d', { statement: [statement] }],
      [
        'aws_s3_bucket_policy.p',
        { bucket: target, policy: '${data.aws_iam_policy_document.d.json}' },
      ],
    );
  const missing =
    'aws_s3_bucket.b: no bucket policy denies requests where aws:SecureTransport is false (or it cannot be read)';

  it('passes the whole deny, for s3:* or *, to "*" in either principal form', () => {
    expect(check(denyPlainText)).toEqual([]);
    expect(
      check({
        ...denyPlainText,
        actions: ['*'],
        principals: [{ type: 'AWS', identifiers: ['*'] }],
      }),
    ).toEqual([]);
  });

  it('a deny weakened in any part does not count', () => {
    for (const weakened of weakenedTlsDenies(denyPlainText, 's3:GetObject'))
      expect(check(weakened)).toEqual([missing]);
  });

  it("only the bucket's own policy counts", () => {
    expect(check(denyPlainText, '${aws_s3_bucket.other.id}')).toEqual([missing]);
  });
});

describe('PLT-ELB-HTTPS-ONLY: listeners serve HTTPS, or only redirect HTTP to HTTPS', () => {
  const listener = (config: Record<string, unknown>) =>
    violations(elbHttpsOnly, ['aws_lb_listener.l', config]);
  const redirect = (protocol: string) => ({
    type: 'redirect',
    redirect: [{ protocol, port: '443' }],
  });
  const plain = 'aws_lb_listener.l: an HTTP listener that does not only redirect to HTTPS';

  it('passes HTTPS, and HTTP whose every default action redirects to HTTPS', () => {
    expect(listener({ protocol: 'HTTPS', default_action: [{ type: 'forward' }] })).toEqual([]);
    expect(listener({ protocol: 'HTTP', default_action: [redirect('HTTPS')] })).toEqual([]);
  });

  it('refuses HTTP that forwards, redirects to HTTP, mixes, or has no action', () => {
    expect(listener({ protocol: 'HTTP', default_action: [{ type: 'forward' }] })).toEqual([plain]);
    expect(listener({ protocol: 'HTTP', default_action: [redirect('HTTP')] })).toEqual([plain]);
    expect(
      listener({ protocol: 'HTTP', default_action: [redirect('HTTPS'), { type: 'forward' }] }),
    ).toEqual([plain]);
    expect(
      listener({
        protocol: 'HTTP',
        default_action: [{ type: 'fixed-response', redirect: [{ protocol: 'HTTPS' }] }],
      }),
    ).toEqual([plain]);
    expect(listener({ protocol: 'HTTP' })).toEqual([plain]);
  });

  it('TCP and TLS listeners are not its concern; an unset protocol fails closed', () => {
    expect(listener({ protocol: 'TCP' })).toEqual([]);
    expect(listener({ protocol: 'TLS' })).toEqual([]);
    expect(listener({ default_action: [{ type: 'forward' }] })).toEqual([
      'aws_lb_listener.l: protocol is not set',
    ]);
  });
});
