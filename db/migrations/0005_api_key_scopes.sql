-- Keys made before scopes existed keep what they could do (admin); new keys name their scopes.
ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{admin}' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "scopes" DROP DEFAULT;
