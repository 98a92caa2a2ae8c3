import { Construct } from 'constructs';
import { suppress, suppressionsOn } from './suppressions';

describe('suppress: an exception needs a rule id and a reason that says why it is safe', () => {
  const tree = () => {
    const root = new Construct(undefined as unknown as Construct, 'root');
    return { root, child: new Construct(root, 'child') };
  };

  it('records the rule and the trimmed reason on the construct itself, not on its parent', () => {
    const { root, child } = tree();
    suppress(child, 'PLT-S3-VERSIONING', '  logs bucket of a bucket, versioned elsewhere  ');
    child.node.addMetadata('other', { rule: 'X', reason: 'not a suppression at all' });
    expect(suppressionsOn(child)).toEqual([
      { rule: 'PLT-S3-VERSIONING', reason: 'logs bucket of a bucket, versioned elsewhere' },
    ]);
    expect(suppressionsOn(root)).toEqual([]);
  });

  it('refuses a rule id that is not one (lower case, spaces, empty)', () => {
    const { child } = tree();
    for (const rule of ['plt-s3', 'PLT S3', ''])
      expect(() => suppress(child, rule, 'a reason of enough words')).toThrow(
        `suppress(root/child): "${rule}" is not a rule id`,
      );
  });

  it('refuses a reason under four words, counting words, not spaces', () => {
    const { child } = tree();
    for (const reason of ['', 'safe', 'it is   safe', '   it  is  safe   '])
      expect(() => suppress(child, 'PLT-X', reason)).toThrow(
        'suppress(root/child, PLT-X): give a reason of at least four words that says why the exception is safe',
      );
    expect(() => suppress(child, 'PLT-X', 'it is safe here')).not.toThrow();
  });
});
