import { useEffect, useRef, useState } from 'react';
import type { ConnectionState } from '../../api/types';

/** "09:05": a 24-hour clock whatever the screen's locale, as the wall's words promise. */
export function clockTime(at: number | Date): string {
  const d = typeof at === 'number' ? new Date(at) : at;
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** How long the line has been stopped, to the second under an hour: "42 s", "4 min 05 s", "2 h 05 min", "3 days 2 h". */
export function stoppedFor(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0 s';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h} h ${String(m % 60).padStart(2, '0')} min`;
  const d = Math.floor(h / 24);
  return `${d} ${d === 1 ? 'day' : 'days'} ${h % 24} h`;
}

/**
 * When the live link was lost (ms), or null while it is live or still first connecting: a screen
 * whose link dropped stays "lost" through every retry (each shows as `connecting`) until it is
 * connected again; one that never connected is lost once its first attempt failed.
 */
export function nextLostAt(previous: number | null, state: ConnectionState, now: number): number | null {
  if (state === 'connected') return null;
  if (previous != null) return previous;
  return state === 'reconnecting' || state === 'disconnected' ? now : null;
}

export function useLostAt(state: ConnectionState): number | null {
  const [lostAt, setLostAt] = useState<number | null>(null);
  useEffect(() => {
    setLostAt((previous) => nextLostAt(previous, state, Date.now()));
  }, [state]);
  return lostAt;
}

/** Counts each change from running to stopped (not a line already stopped when the wall opened). */
export function useLineStops(stopped: boolean, onStop: () => void): void {
  const previous = useRef<boolean | null>(null);
  const callback = useRef(onStop);
  callback.current = onStop;
  useEffect(() => {
    if (previous.current === false && stopped) callback.current();
    previous.current = stopped;
  }, [stopped]);
}

/**
 * A short alarm, three beeps made by Web Audio (no sound file). A kiosk's browser must allow sound
 * without a click (Chromium: --autoplay-policy=no-user-gesture-required, docs/operations.md);
 * elsewhere the browser may keep it silent until someone touches the page. False when it cannot play.
 */
export function beep(): boolean {
  const Context =
    typeof window === 'undefined'
      ? undefined
      : (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  if (!Context) return false;
  try {
    const audio = new Context();
    const start = audio.currentTime + 0.05;
    for (const offset of [0, 0.35, 0.7]) {
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.type = 'square';
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.25, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start(start + offset);
      tone.stop(start + offset + 0.3);
    }
    setTimeout(() => void audio.close().catch(() => {}), 2000);
    return true;
  } catch {
    return false;
  }
}
