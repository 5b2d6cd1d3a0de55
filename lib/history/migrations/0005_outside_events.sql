CREATE TABLE "event_read_marks" (
	"scope" text PRIMARY KEY NOT NULL,
	"read_to" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outside_events" (
	"id" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"event_type" text NOT NULL,
	"group_id" text,
	"kind" text DEFAULT 'key' NOT NULL,
	"public_key" text,
	"client_id" text,
	"remote_address" text,
	CONSTRAINT "outside_events_action_check" CHECK ("outside_events"."action" in ('create', 'assign', 'update_roles', 'unassign', 'add_secret', 'delete_secret', 'delete', 'change_description', 'change_access_list'))
);
--> statement-breakpoint
CREATE INDEX "outside_events_created_at_idx" ON "outside_events" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "outside_events_group_id_idx" ON "outside_events" USING btree ("group_id","created_at" DESC NULLS LAST);