ALTER TABLE "key_changes" DROP CONSTRAINT "key_changes_action_check";--> statement-breakpoint
ALTER TABLE "key_changes" ADD COLUMN "kind" text DEFAULT 'key' NOT NULL;--> statement-breakpoint
ALTER TABLE "key_changes" ADD COLUMN "client_id" text;--> statement-breakpoint
ALTER TABLE "key_changes" ADD COLUMN "secret_id" text;--> statement-breakpoint
ALTER TABLE "key_changes" ADD CONSTRAINT "key_changes_kind_check" CHECK ("key_changes"."kind" in ('key', 'serviceAccount'));--> statement-breakpoint
ALTER TABLE "key_changes" ADD CONSTRAINT "key_changes_action_check" CHECK ("key_changes"."action" in ('create', 'assign', 'update_roles', 'unassign', 'add_secret', 'delete_secret'));