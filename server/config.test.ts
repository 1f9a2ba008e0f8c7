import webpush from 'web-push';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('Web Push configuration', () => {
  it('takes a VAPID pair and subject from the environment, or leaves them to the database', () => {
    const keys = webpush.generateVAPIDKeys();
    expect(
      loadConfig({
        CHATREF_VAPID_PUBLIC_KEY: keys.publicKey,
        CHATREF_VAPID_PRIVATE_KEY: keys.privateKey,
        CHATREF_VAPID_SUBJECT: 'mailto:ops@shop.example',
      }).vapid,
    ).toEqual({ keys, subject: 'mailto:ops@shop.example' });
    expect(loadConfig({}).vapid).toEqual({ keys: null, subject: null });
    expect(loadConfig({}).alertIntervalMs).toBe(5000);
  });

  it('refuses half a pair, malformed keys, a bad subject or interval, naming the variable', () => {
    const keys = webpush.generateVAPIDKeys();
    expect(() => loadConfig({ CHATREF_VAPID_PUBLIC_KEY: keys.publicKey })).toThrow(/set together/);
    expect(() => loadConfig({ CHATREF_VAPID_PUBLIC_KEY: 'short', CHATREF_VAPID_PRIVATE_KEY: keys.privateKey })).toThrow(
      /CHATREF_VAPID_PUBLIC_KEY/,
    );
    expect(() => loadConfig({ CHATREF_VAPID_SUBJECT: 'http://shop.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHATREF_ALERT_INTERVAL_MS: '5' })).toThrow(/CHATREF_ALERT_INTERVAL_MS/);
  });
});

describe('configuration of capacity', () => {
  it('has bounds for the bot queue and the index memory by default', () => {
    const c = loadConfig({});
    expect(c.bot).toEqual({
      concurrency: 4,
      crowdedConcurrency: 2,
      lateConcurrency: 1,
      maxQueued: 5000,
      slowAfterMs: 3000,
      newestWhenBehind: true,
    });
    expect(c.indexCache).toEqual({ maxMb: 512, idleMs: 3_600_000 });
    // PostgreSQL spreads the turns' statements over its backends: no fewer turns when crowded.
    const pg = loadConfig({ DATABASE_URL: 'postgres://db.example/chatref', CHATREF_BOT_CONCURRENCY: '6' });
    expect(pg.bot).toMatchObject({ concurrency: 6, crowdedConcurrency: 6 });
  });

  it('takes them from the environment', () => {
    const c = loadConfig({
      CHATREF_BOT_CONCURRENCY: '4',
      CHATREF_BOT_CROWDED_CONCURRENCY: '3',
      CHATREF_BOT_LATE_CONCURRENCY: '2',
      CHATREF_BOT_QUEUE_MAX: '100',
      CHATREF_BOT_BUSY_MS: '0',
      CHATREF_BOT_ORDER: 'in-order',
      CHATREF_INDEX_CACHE_MB: '64',
      CHATREF_INDEX_IDLE_MIN: '0',
    });
    expect(c.bot).toEqual({
      concurrency: 4,
      crowdedConcurrency: 3,
      lateConcurrency: 2,
      maxQueued: 100,
      slowAfterMs: 0,
      newestWhenBehind: false,
    });
    expect(c.indexCache).toEqual({ maxMb: 64, idleMs: 0 });
  });

  it('prepares PostgreSQL statements unless told not to', () => {
    const url = 'postgres://db.example/chatref';
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual({ driver: 'postgres', url, prepared: true });
    expect(loadConfig({ DATABASE_URL: url, CHATREF_PG_PREPARED: '0' }).database).toMatchObject({ prepared: false });
    expect(() => loadConfig({ DATABASE_URL: url, CHATREF_PG_PREPARED: 'no' })).toThrow(/CHATREF_PG_PREPARED/);
  });

  it('refuses values a person must fix, naming the variable', () => {
    expect(() => loadConfig({ CHATREF_INDEX_CACHE_MB: 'lots' })).toThrow(/CHATREF_INDEX_CACHE_MB/);
    expect(() => loadConfig({ CHATREF_INDEX_CACHE_MB: '8' })).toThrow(ConfigError);
    expect(() => loadConfig({ CHATREF_BOT_QUEUE_MAX: '0' })).toThrow(/CHATREF_BOT_QUEUE_MAX must be at least 1/);
    expect(() => loadConfig({ CHATREF_BOT_ORDER: 'lifo' })).toThrow(/CHATREF_BOT_ORDER must be/);
  });
});

describe('webhook delivery', () => {
  it('looks for due deliveries every 5 s, or as often as the environment says', () => {
    expect(loadConfig({}).webhookIntervalMs).toBe(5000);
    expect(loadConfig({ CHATREF_WEBHOOK_INTERVAL_MS: '1000' }).webhookIntervalMs).toBe(1000);
    expect(loadConfig({ CHATREF_WEBHOOK_INTERVAL_MS: '600000' }).webhookIntervalMs).toBe(600_000);
  });

  it('refuses an interval that is not a whole number of milliseconds within bounds, naming the variable', () => {
    const refusal = (value: string) => {
      try {
        loadConfig({ CHATREF_WEBHOOK_INTERVAL_MS: value });
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error(`${value} was accepted`);
    };
    expect(refusal('5s')).toContain('CHATREF_WEBHOOK_INTERVAL_MS must be a number of milliseconds');
    expect(refusal('1.5')).toContain('CHATREF_WEBHOOK_INTERVAL_MS must be a whole number');
    expect(refusal('50')).toContain('CHATREF_WEBHOOK_INTERVAL_MS must be at least 100');
    expect(refusal('600001')).toContain('CHATREF_WEBHOOK_INTERVAL_MS must be at most 600000');
  });
});
