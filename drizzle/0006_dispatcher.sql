ALTER TABLE `notifications` ADD `order_event_id` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `resend_of` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `order_id` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `source` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `sub_id` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `content_kind` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `template_name` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `template_language` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `template_params_json` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `text_body` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `notifications` ADD `next_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `last_attempt_at` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `reason` text;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_order_event_id_unique` ON `notifications` (`order_event_id`);--> statement-breakpoint
CREATE INDEX `notifications_queue_idx` ON `notifications` (`status`,`next_attempt_at`);