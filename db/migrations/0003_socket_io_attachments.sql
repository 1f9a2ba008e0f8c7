-- Socket.IO's PostgreSQL adapter keeps packets too large for NOTIFY here (see @socket.io/postgres-adapter).
CREATE TABLE IF NOT EXISTS "socket_io_attachments" (
  "id" bigserial UNIQUE,
  "created_at" timestamptz DEFAULT NOW(),
  "payload" bytea
);
