/** A short sound and (when the member allowed it) a desktop notification for a new handoff. */

let audio: AudioContext | null = null;

/** Two soft tones, ~0.3 s. Browsers only allow sound after the page has had a user gesture. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    const start = ctx.currentTime;
    [880, 660].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t = start + i * 0.16;
      gain.gain.setValueAtTime(0.0001, t);
      gain.gain.exponentialRampToValueAtTime(0.15, t + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.14);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t);
      osc.stop(t + 0.15);
    });
  } catch {
    // No audio device or not allowed yet: the live list still shows the chat.
  }
}

export const canNotify = (): boolean => typeof Notification !== 'undefined';
export const notifyPermission = (): NotificationPermission | 'unsupported' =>
  canNotify() ? Notification.permission : 'unsupported';

/** Asks for permission; only ever called from a button. */
export async function askNotifyPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!canNotify()) return 'unsupported';
  return Notification.requestPermission();
}

export function desktopNotify(title: string, body: string, onClick: () => void): void {
  if (!canNotify() || Notification.permission !== 'granted' || document.hasFocus()) return;
  const n = new Notification(title, { body, tag: 'chatref-handoff' });
  n.onclick = () => {
    window.focus();
    onClick();
    n.close();
  };
}
