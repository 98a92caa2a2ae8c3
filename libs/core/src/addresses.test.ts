import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { environment, synthJson } from '@platform/testing';
import { App } from 'cdktf';
import { Construct } from 'constructs';
import { keepAddresses } from './addresses';
import { PlatformStack } from './stack';

class Split extends Construct {
  constructor(scope: Construct, id: string, transparent: boolean) {
    super(scope, id);
    if (transparent) keepAddresses(this);
    new SnsTopic(this, 'topic', { name: 'a' });
  }
}

const topicIds = (transparent: boolean) => {
  const stack = new PlatformStack(new App(), {
    family: 'alerting',
    environment: environment('dev'),
  });
  const owner = new Construct(stack, 'owner');
  const moved = new Split(owner, 'part', transparent);
  // referenced before synth, as a construct's attributes usually are
  new SnsTopic(owner, 'other', { name: `${(moved.node.findChild('topic') as SnsTopic).name}-b` });
  return Object.keys(synthJson(stack).resource?.['aws_sns_topic'] ?? {}).sort();
};

describe('keepAddresses', () => {
  it('leaves a construct out of the addresses below it: the topic keeps the address it had directly under owner', () => {
    const direct = (() => {
      const stack = new PlatformStack(new App(), {
        family: 'alerting',
        environment: environment('dev'),
      });
      new SnsTopic(new Construct(stack, 'owner'), 'topic', { name: 'a' });
      return Object.keys(synthJson(stack).resource?.['aws_sns_topic'] ?? {});
    })();
    expect(topicIds(true)).toEqual(expect.arrayContaining(direct));
  });

  it('and without it the construct is part of the address (what a plain refactor would do)', () => {
    expect(topicIds(false)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^owner_part_topic_/)]),
    );
    expect(topicIds(true)).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^owner_part_/)]),
    );
  });
});
