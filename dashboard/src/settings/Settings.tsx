/** Settings: a list of sections on the left, the chosen one on the right. */
import { useSession } from '../session';
import { Link } from '../ui/Link';
import { AfterChatSettings } from './AfterChat';
import { AlertSettingsPage } from './Alerts';
import { ApiKeys } from './ApiKeys';
import { BusinessHoursSettings } from './BusinessHours';
import { CannedRepliesSettings } from './CannedRepliesSettings';
import { HandoffSettings } from './Handoff';
import { Knowledge } from './Knowledge';
import { Members } from './Members';
import { Tags } from './Tags';
import { Teams } from './Teams';
import { TargetsSettings } from './Targets';
import { WidgetSettings } from './Widget';

const SECTIONS = [
  { key: 'members', label: 'Members & invitations', Page: Members },
  { key: 'teams', label: 'Teams', Page: Teams },
  { key: 'tags', label: 'Tags', Page: Tags },
  { key: 'handoff', label: 'Handoff & routing', Page: HandoffSettings },
  { key: 'hours', label: 'Business hours', Page: BusinessHoursSettings },
  { key: 'after-chat', label: 'After a chat', Page: AfterChatSettings },
  { key: 'targets', label: 'Waiting-time targets', Page: TargetsSettings },
  { key: 'alerts', label: 'My alerts', Page: AlertSettingsPage, everyone: true },
  { key: 'canned-replies', label: 'Canned replies', Page: CannedRepliesSettings, everyone: true },
  { key: 'widget', label: 'Widget', Page: WidgetSettings },
  { key: 'knowledge', label: 'Knowledge', Page: Knowledge },
  { key: 'api-keys', label: 'API keys', Page: ApiKeys },
] as const;

export function Settings({ section }: { section: string }) {
  const { isAdmin } = useSession();
  const current = SECTIONS.find((s) => s.key === section) ?? SECTIONS[0];
  const { Page } = current;
  return (
    <div className="settings">
      <nav className="settings-nav" aria-label="Settings">
        <h1>Settings</h1>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.key}>
              <Link to={`/settings/${s.key}`} current={s.key === current.key} className="nav-item">
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="settings-page">
        <h2 className="page-title">{current.label}</h2>
        {!isAdmin && !('everyone' in current) && (
          <p className="notice">Only owners and admins can change these settings.</p>
        )}
        <Page />
      </div>
    </div>
  );
}
