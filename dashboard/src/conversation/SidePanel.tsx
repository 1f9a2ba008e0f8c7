import type { Conversation } from '../types';
import { ContactCard } from './ContactCard';
import { HandoffCard } from './HandoffCard';
import { TagsCard } from './TagsCard';

/** The handoff card, who the visitor is, and the conversation's tags. */
export function SidePanel({ id, c, onChanged }: { id?: string; c: Conversation; onChanged: () => void }) {
  return (
    <aside className="side" id={id} aria-label="Details">
      <HandoffCard c={c} />
      <TagsCard c={c} onChanged={onChanged} />
      <ContactCard c={c} onChanged={onChanged} />
    </aside>
  );
}
