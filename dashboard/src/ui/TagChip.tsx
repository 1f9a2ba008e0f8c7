import { percent } from '../lib/format';
import type { ConversationTag } from '../types';

const TITLE = {
  auto: 'Tagged by the AI',
  manual: 'Tagged by a person',
  contact: 'Tag of the contact, shown on all their chats',
};

/**
 * A tag: its colour and name; `detailed` adds who set it (the AI with its confidence, a person,
 * or the contact); `onRemove` adds a remove button.
 */
export function TagChip({
  tag,
  detailed = false,
  onRemove,
}: {
  tag: ConversationTag;
  detailed?: boolean;
  onRemove?: () => void;
}) {
  const how =
    tag.source === 'auto'
      ? `auto${tag.confidence !== null ? ` ${percent(tag.confidence)}` : ''}`
      : tag.source === 'contact'
        ? 'contact'
        : 'manual';
  return (
    <span className="chip" title={TITLE[tag.source]}>
      <span className="dot" style={{ background: tag.color }} aria-hidden="true" />
      {tag.name}
      {detailed && <span className="chip-meta">{how}</span>}
      {onRemove && (
        <button type="button" className="chip-x" aria-label={`Remove tag ${tag.name}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}
