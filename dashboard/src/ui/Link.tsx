import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { BASE, navigate } from '../router';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; current?: boolean };

/** An in-app link: a real `<a href>` (open in new tab works) that navigates without a reload. */
export function Link({ to, current, onClick, ...rest }: Props) {
  const go = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={BASE + to} aria-current={current ? 'page' : undefined} onClick={go} {...rest} />;
}
