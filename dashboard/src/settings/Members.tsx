import { useSession } from '../session';
import { useWorkspaceData } from '../workspace-data';
import { InviteForm } from './InviteForm';

const ROLE_LABEL = { owner: 'Owner', admin: 'Admin', agent: 'Agent' } as const;

/** Who is in the workspace, and invitations by link. */
export function Members() {
  const { isAdmin, me } = useSession();
  const { members } = useWorkspaceData();

  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <td>
                {m.name}
                {m.id === me.user.id && <span className="muted"> (you)</span>}
              </td>
              <td>{m.email}</td>
              <td>{ROLE_LABEL[m.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {isAdmin && (
        <section className="card" aria-labelledby="invite-title">
          <h3 id="invite-title">Invite someone</h3>
          <InviteForm />
        </section>
      )}
    </>
  );
}
