import { useEffect, useRef, useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { get } from '../api';

interface Peaks {
  peaksPerSecond: number;
  peaks: number[];
}

/**
 * The waveform of the broadcast rendition (`/waveform`: peaks 0–1, 10 a second), drawn on a canvas
 * with the played part in colour. Clicking seeks the player; arrow keys step 5 s.
 */
export function Waveform({
  url,
  audio,
  label,
}: {
  url: string;
  audio: RefObject<HTMLAudioElement | null>;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [peaks, setPeaks] = useState<Peaks | null>(null);
  const [position, setPosition] = useState(0);

  useEffect(() => {
    void get<Peaks>(url).then(setPeaks);
  }, [url]);

  useEffect(() => {
    const player = audio.current;
    if (!player) return;
    const update = () => setPosition(player.duration ? player.currentTime / player.duration : 0);
    player.addEventListener('timeupdate', update);
    player.addEventListener('seeked', update);
    return () => {
      player.removeEventListener('timeupdate', update);
      player.removeEventListener('seeked', update);
    };
  }, [audio]);

  useEffect(() => {
    const element = canvas.current;
    if (!element || !peaks) return;
    const ratio = window.devicePixelRatio || 1;
    const width = element.clientWidth;
    const height = element.clientHeight;
    element.width = width * ratio;
    element.height = height * ratio;
    const g = element.getContext('2d');
    if (!g) return;
    g.scale(ratio, ratio);
    g.clearRect(0, 0, width, height);
    const values = peaks.peaks;
    const middle = height / 2;
    for (let x = 0; x < width; x++) {
      // The loudest peak in the slice of time this pixel covers.
      const from = Math.floor((x / width) * values.length);
      const to = Math.max(from + 1, Math.floor(((x + 1) / width) * values.length));
      let peak = 0;
      for (let i = from; i < to && i < values.length; i++) peak = Math.max(peak, values[i]);
      const h = Math.max(1, peak * (height - 4));
      g.fillStyle = x / width <= position ? '#b4232a' : '#c9b8b0';
      g.fillRect(x, middle - h / 2, 1, h);
    }
    element.dataset.drawn = String(values.length);
  }, [peaks, position]);

  const seekTo = (fraction: number) => {
    const player = audio.current;
    if (!player || !player.duration) return;
    player.currentTime = Math.min(Math.max(fraction, 0), 1) * player.duration;
    setPosition(player.currentTime / player.duration);
  };
  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    seekTo((event.clientX - box.left) / box.width);
  };
  const onKey = (event: KeyboardEvent<HTMLCanvasElement>) => {
    const player = audio.current;
    if (!player?.duration) return;
    const step = 5 / player.duration;
    if (event.key === 'ArrowRight') seekTo(position + step);
    if (event.key === 'ArrowLeft') seekTo(position - step);
  };

  return (
    <canvas
      ref={canvas}
      className="waveform"
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(position * 100)}
      onClick={onClick}
      onKeyDown={onKey}
      style={{
        width: '100%',
        height: 72,
        cursor: 'pointer',
        display: 'block',
        background: '#faf7f5',
        borderRadius: 4,
      }}
    />
  );
}
