/** Editing a contact from the dashboard's contact card. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { updateContact } from '../commands/contacts';
import type { Deps } from '../commands/unit';
import { requireRole } from '../http/auth';
import { ContactOut, presentContact } from '../presenters/contact';

const Params = z.object({ workspaceId: z.uuid('workspaceId must be a UUID'), id: z.uuid('id must be a UUID') });
/** Empty text clears a field. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => s || null);

const ContactChange = z
  .object({
    name: optionalText(120),
    email: z
      .string()
      .trim()
      .max(254)
      .refine((s) => s === '' || z.email().safeParse(s).success, 'enter an email like name@example.com')
      .transform((s) => s || null),
    phone: optionalText(40).refine(
      (s) => s === null || /^[+()\d\s.-]{5,40}$/.test(s),
      'a phone number has digits, spaces and + ( ) - . only',
    ),
    notes: z.string().trim().max(4000),
    /** The conversation the edit was made from, kept in the event. */
    conversationId: z.uuid().nullable(),
  })
  .partial();

export const contactRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.patch(
      '/api/workspaces/:workspaceId/contacts/:id',
      {
        schema: {
          tags: ['inbox'],
          summary: "Change a contact's name, email, phone or notes (empty text clears one)",
          params: Params,
          body: ContactChange,
          response: { 200: ContactOut },
        },
      },
      async (req) => {
        const access = await requireRole(deps, req, req.params.workspaceId, 'agent');
        const { conversationId, ...change } = req.body;
        const contact = await updateContact(deps, {
          ...change,
          workspaceId: access.workspaceId,
          contactId: req.params.id,
          conversationId: conversationId ?? null,
          actor: access.userId ? 'user' : 'api',
          actorId: access.userId,
        });
        return presentContact(contact);
      },
    );
  };
