CREATE TABLE "widget_sightings" (
	"workspace_id" uuid NOT NULL,
	"origin" text NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "widget_sightings_workspace_id_origin_pk" PRIMARY KEY("workspace_id","origin")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "assistant_tried_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "widget_sightings" ADD CONSTRAINT "widget_sightings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;