import { nextOffset, toDeliveredMessage, toTopicMessages } from './kafka-message.mapper';

describe('kafka message mapping', () => {
  it('groups messages by topic for one batch, keeping their order', () => {
    const message = (topic: string, value: string) => ({
      topic,
      key: 'case-1',
      headers: { ce_id: value },
      value,
    });

    const batches = toTopicMessages([message('a', '1'), message('b', '2'), message('a', '3')]);

    expect(batches).toEqual([
      {
        topic: 'a',
        messages: [
          { key: 'case-1', value: '1', headers: { ce_id: '1' } },
          { key: 'case-1', value: '3', headers: { ce_id: '3' } },
        ],
      },
      { topic: 'b', messages: [{ key: 'case-1', value: '2', headers: { ce_id: '2' } }] },
    ]);
  });

  it('reads keys, values and headers as text, the last of a repeated header winning', () => {
    const delivered = toDeliveredMessage('intake.events', 2, {
      key: Buffer.from('case-1'),
      value: Buffer.from('{"ok":"✓"}'),
      headers: {
        ce_id: Buffer.from('id-1'),
        repeated: [Buffer.from('first'), Buffer.from('last')],
        missing: undefined,
      },
      timestamp: '0',
      attributes: 0,
      offset: '41',
    });

    expect(delivered).toEqual({
      topic: 'intake.events',
      key: 'case-1',
      value: '{"ok":"✓"}',
      headers: { ce_id: 'id-1', repeated: 'last' },
      position: '2:41',
    });
  });

  it('commits the offset after the handled one, beyond the safe integer range too', () => {
    expect(nextOffset('41')).toBe('42');
    expect(nextOffset('9007199254740993')).toBe('9007199254740994');
  });
});
