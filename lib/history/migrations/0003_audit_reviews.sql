CREATE TABLE "audit_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewer" text NOT NULL,
	"note" text,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_reviews_at_idx" ON "audit_reviews" USING btree ("at" DESC NULLS LAST);