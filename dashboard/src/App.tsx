/** The dashboard: the sign-in gate, then the workspace's providers around the shell. */
import { AcceptInvitation } from './pages/AcceptInvitation';
import { SignIn } from './pages/SignIn';
import { SignUp } from './pages/SignUp';
import { RealtimeProvider } from './realtime';
import { useRoute } from './router';
import { SessionProvider, useSession } from './session';
import { Shell } from './shell/Shell';
import { WorkspaceDataProvider } from './workspace-data';

export function App() {
  const route = useRoute();
  if (route.segments[0] === 'accept') return <AcceptInvitation token={route.query.get('token') ?? ''} />;
  return (
    <SessionProvider
      signedOut={(onIn) =>
        route.segments[0] === 'signup' ? <SignUp onSignedIn={onIn} /> : <SignIn onSignedIn={onIn} />
      }
    >
      <Workspace />
    </SessionProvider>
  );
}

function Workspace() {
  const { workspace } = useSession();
  // Keyed by workspace: switching workspaces starts fresh lists and a fresh socket room.
  return (
    <WorkspaceDataProvider key={workspace.id} workspaceId={workspace.id}>
      <RealtimeProvider workspaceId={workspace.id}>
        <Shell />
      </RealtimeProvider>
    </WorkspaceDataProvider>
  );
}
