CREATE TABLE "key_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"group_id" text NOT NULL,
	"api_key_id" text,
	"public_key" text,
	"key_desc" text,
	"roles_before" text[] NOT NULL,
	"roles_after" text[] NOT NULL,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"error_code" text,
	"detail" text,
	"settled_by" text,
	CONSTRAINT "key_changes_action_check" CHECK ("key_changes"."action" in ('create', 'assign', 'update_roles', 'unassign')),
	CONSTRAINT "key_changes_outcome_check" CHECK ("key_changes"."outcome" in ('pending', 'success', 'failure', 'unknown')),
	CONSTRAINT "key_changes_settled_by_check" CHECK ("key_changes"."settled_by" is null or "key_changes"."settled_by" in ('recovery'))
);
--> statement-breakpoint
CREATE INDEX "key_changes_created_at_idx" ON "key_changes" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "key_changes_group_id_idx" ON "key_changes" USING btree ("group_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "key_changes_actor_idx" ON "key_changes" USING btree ("actor","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "key_changes_pending_idx" ON "key_changes" USING btree ("created_at") WHERE "key_changes"."outcome" = 'pending';