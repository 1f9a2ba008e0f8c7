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
