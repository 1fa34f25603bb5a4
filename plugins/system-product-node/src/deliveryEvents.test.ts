import {
  DeliveryEventConnection,
  DeliveryEventRecorder,
  ExternalDeliveryEvent,
} from './deliveryEvents';

describe('DeliveryEventRecorder', () => {
  const subject = { source: 'github', key: 'acme/checkout' } as const;
  const deployment: ExternalDeliveryEvent = {
    type: 'deployment',
    id: 'github:acme/checkout:deployment:42',
    deployTime: '2026-01-05T10:00:00Z',
    succeeded: true,
    actor: 'user:default/jane',
  };

  it('hands the events, with the person behind each, to the backend unchanged', async () => {
    const recorder = new DeliveryEventRecorder('github');
    const connection: DeliveryEventConnection = {
      record: jest.fn(async () => ({
        entityRefs: ['system:default/shop'],
        stored: 1,
        duplicates: 0,
      })),
    };
    await recorder.connect(connection);

    await expect(recorder.record(subject, [deployment])).resolves.toEqual({
      entityRefs: ['system:default/shop'],
      stored: 1,
      duplicates: 0,
    });
    expect(connection.record).toHaveBeenCalledWith(subject, [
      {
        type: 'deployment',
        id: 'github:acme/checkout:deployment:42',
        deployTime: '2026-01-05T10:00:00Z',
        succeeded: true,
        actor: 'user:default/jane',
      },
    ]);
  });

  it('keeps an event that arrives before the backend connected until it does', async () => {
    const recorder = new DeliveryEventRecorder('github');
    const record = jest.fn(async () => ({
      entityRefs: [],
      stored: 0,
      duplicates: 0,
    }));
    const recorded = recorder.record(subject, [deployment]);
    expect(record).not.toHaveBeenCalled();

    await recorder.connect({ record });
    await recorded;
    expect(record).toHaveBeenCalledWith(subject, [deployment]);
  });
});
