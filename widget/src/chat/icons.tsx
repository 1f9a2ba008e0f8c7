/** Inline icons (no external assets); decorative, so hidden from assistive technology. */
const svg = (d: string, size = 20) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d={d} />
  </svg>
);

export const SendIcon = () => svg('M5 12h13M13 6l6 6-6 6');
export const ChevronDown = () => svg('M6 9l6 6 6-6');
export const PersonIcon = () => svg('M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21a8 8 0 0 1 16 0', 16);
export const LinkIcon = () => svg('M14 4h6v6M20 4l-9 9M18 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5', 12);
export const CloseIcon = () => svg('M6 6l12 12M18 6L6 18', 14);
export const SparkIcon = () =>
  svg(
    'M12 3l1.8 5.2L19 10l-5.2 1.8L12 17l-1.8-5.2L5 10l5.2-1.8zM19 16l.8 2.2L22 19l-2.2.8L19 22l-.8-2.2L16 19l2.2-.8z',
    18,
  );
